import type { ApiModel } from '../spec/api-model.js';
import { encodeRequest } from './encode-request.js';
import type { HttpClient, TargetResponse } from './http-client.js';
import { excerpt } from './observation.js';
import type { Codec } from '../wire/codec.js';
import { CredentialsRefusedError, NotTheApiError } from './run-errors.js';
import { describeCredentials, type Target } from './target.js';


/**
 * One request before any case: a read with no path parameters, as the first case will send it. A
 * network failure here (TargetUnreachableError from the client), refused credentials, or an answer that
 * is not this API's (NotTheApiError) end the run.
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
  const seen = unlikeTheApi(res, op.responseType.properties.map((p) => p.name));
  if (seen !== undefined) {
    throw new NotTheApiError(
      `${target.baseUrl} does not look like the API the spec describes: GET ${op.path} answered ${seen}. ` +
        `Check --target: it is the API's base URL (the mock's is printed by 'evo-mock serve', e.g. http://127.0.0.1:4010), not a web app or dev server in front of it.`,
    );
  }
}

/**
 * What the answer was, when it cannot come from this API: anything but a JSON object that has either
 * a member of the operation's response or ServiceStack's responseStatus. A wrong answer from the API
 * itself (a 500 with an error body, a missing member) still passes here and fails its cases.
 */
function unlikeTheApi(res: TargetResponse, members: readonly string[]): string | undefined {
  const type = res.contentType.split(';')[0]!.trim().toLowerCase();
  const what = `${res.status} ${type || 'with no Content-Type'}`;
  if (type === 'text/html' || /^\s*<(!doctype|html)/i.test(res.text)) return `${what}, an HTML page`;
  let value: unknown;
  try {
    value = JSON.parse(res.text);
  } catch {
    return `${what}, not JSON: ${JSON.stringify(excerpt(res.text, 80))}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${what}, JSON but ${Array.isArray(value) ? 'an array' : String(value)} rather than an object`;
  const keys = Object.keys(value);
  if (keys.includes('responseStatus') || keys.includes('ResponseStatus') || keys.some((k) => members.includes(k))) return undefined;
  return `${what}, a JSON object with none of the response's members (${members.slice(0, 4).join(', ')}${members.length > 4 ? ', ...' : ''}); it has ${keys.slice(0, 4).join(', ') || 'no members'}`;
}
