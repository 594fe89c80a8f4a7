import { fail, pass, type CheckResult } from '../check-result.js';
import { excerpt, type Observation } from '../observation.js';

export function checkStatus(obs: Observation, expected: readonly number[]): CheckResult {
  const { status, text } = obs.response;
  if (expected.includes(status)) return pass('status', `answered ${status}`);
  const body = text ? `: ${excerpt(text)}` : ' with an empty body';
  return fail('status', `expected ${expected.join(' or ')}, got ${status}${body}`);
}

/** ServiceStack always sends WWW-Authenticate with a 401, and HTTP requires it. */
export function checkWwwAuthenticate(obs: Observation): CheckResult | undefined {
  if (obs.response.status !== 401) return undefined;
  const header = obs.response.headers['www-authenticate'];
  return header ? pass('www-authenticate', `WWW-Authenticate: ${header}`) : fail('www-authenticate', 'a 401 came without a WWW-Authenticate header');
}
