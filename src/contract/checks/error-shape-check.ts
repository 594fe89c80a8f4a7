import { fail, pass, type CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';

/**
 * An error must be ServiceStack's { responseStatus: { errorCode, message, errors } } in the negotiated
 * format, so that ServiceStack clients can surface it. A 401 may be empty: [Authenticate] sends no body.
 */
export function checkErrorShape(obs: Observation): CheckResult | undefined {
  const { status } = obs.response;
  if (status < 400) return undefined;
  if (obs.decoded.kind === 'empty') {
    return status === 401 ? pass('error-shape', 'empty 401 body, as [Authenticate] sends') : fail('error-shape', `a ${status} came with an empty body; expected a ResponseStatus`);
  }
  if (obs.decoded.kind === 'error') return fail('error-shape', `the ${status} body is not a readable ErrorResponse: ${obs.decoded.message}`);
  const rs = obs.decoded.value['responseStatus'];
  if (typeof rs !== 'object' || rs === null || Array.isArray(rs)) {
    const keys = Object.keys(obs.decoded.value);
    return fail('error-shape', `the ${status} body has no responseStatus object (it has ${keys.length ? keys.join(', ') : 'no members'})`);
  }
  const status_ = rs as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof status_['errorCode'] !== 'string' || status_['errorCode'] === '') problems.push('responseStatus.errorCode is missing');
  if (typeof status_['message'] !== 'string') problems.push('responseStatus.message is missing');
  const errors = status_['errors'];
  if (errors !== undefined && !Array.isArray(errors)) problems.push('responseStatus.errors is not a list');
  if (Array.isArray(errors)) {
    errors.forEach((e, i) => {
      if (typeof e !== 'object' || e === null || typeof (e as Record<string, unknown>)['errorCode'] !== 'string') {
        problems.push(`responseStatus.errors[${i}] has no errorCode`);
      }
    });
  }
  if (problems.length) return fail('error-shape', problems.join('; '));
  return pass('error-shape', `${String(status_['errorCode'])}: ${String(status_['message'])}`);
}

/** A 400 for a bad value names the field, as ServiceStack's binder and validators do. */
export function checkErrorField(obs: Observation, fieldName: string): CheckResult | undefined {
  if (obs.response.status !== 400 || obs.decoded.kind !== 'value') return undefined;
  const rs = obs.decoded.value['responseStatus'] as Record<string, unknown> | undefined;
  const errors = Array.isArray(rs?.['errors']) ? (rs['errors'] as Record<string, unknown>[]) : [];
  const named = errors.some((e) => typeof e?.['fieldName'] === 'string' && e['fieldName'].toLowerCase() === fieldName.toLowerCase());
  if (named) return pass('error-field', `responseStatus.errors names '${fieldName}'`);
  const names = errors.map((e) => String(e?.['fieldName'] ?? '?'));
  return fail('error-field', `the 400 does not name the field '${fieldName}' in responseStatus.errors${names.length ? ` (it names ${names.join(', ')})` : ' (errors is empty)'}`);
}
