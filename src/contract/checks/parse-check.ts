import { fail, pass, type CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';

/**
 * The body must read in its own format as the DTO it should be. An empty body is allowed only where
 * ServiceStack sends one: a 401 from [Authenticate] and a 204.
 */
export function checkParse(obs: Observation): CheckResult {
  const { decoded, response } = obs;
  const format = obs.request.format.toUpperCase();
  switch (decoded.kind) {
    case 'value':
      return pass('parse', `read as ${format} ${obs.bodyType.name}`);
    case 'empty':
      return response.status === 401 || response.status === 204
        ? pass('parse', `empty body (allowed for ${response.status})`)
        : fail('parse', `a ${response.status} came with an empty body; expected ${format} ${obs.bodyType.name}`);
    case 'error':
      return fail('parse', `the body does not read as ${format} ${obs.bodyType.name}: ${decoded.message}`);
  }
}
