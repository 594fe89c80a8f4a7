import type { ApiModel } from '../spec/api-model.js';
import { encodeRequest } from './encode-request.js';
import type { HttpClient } from './http-client.js';
import type { Codec } from '../wire/codec.js';
import { describeCredentials, type Target } from './target.js';

/** The credentials given were refused on the first request: a wrong option, not a contract failure. */
export class CredentialsRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsRefusedError';
  }
}

/**
 * One request before any case: a read with no path parameters, as the first case will send it. A
 * network failure here (TargetUnreachableError from the client) or refused credentials end the run.
 */
export async function probeTarget(model: ApiModel, target: Target, http: HttpClient, json: Codec): Promise<void> {
  const op = model.operations.find((o) => o.method === 'get' && o.pathParams.length === 0) ?? model.operations[0];
  if (!op) throw new Error('the spec has no operations to test');
  const req = encodeRequest(target, { method: 'get', path: op.pathParams.length ? '/' : op.path, pathParams: {}, query: {}, authenticated: true, format: 'json' }, json);
  const res = await http(req);
  if (target.credentials.kind !== 'none' && op.requiresAuth && (res.status === 401 || res.status === 403)) {
    throw new CredentialsRefusedError(
      `${target.baseUrl} refused ${describeCredentials(target.credentials)} (GET ${op.path} answered ${res.status}). Check --user/--password or --bearer; the user needs the role(s) ${op.requiredRoles.join(', ') || 'the operations require'}.`,
    );
  }
}
