import type { Codec } from '../wire/codec.js';
import type { WireObject, WireProperty } from '../spec/wire-type.js';
import type { ContractRequest, QueryValue } from './contract-request.js';
import { formatRequest } from './format-negotiation.js';
import type { HttpRequest } from './http-client.js';
import { authorizationHeader, type Target } from './target.js';

/** Turns a described request into bytes: URL, negotiation headers, credentials, and the body in its format. */
export function encodeRequest(target: Target, request: ContractRequest, codec: Codec, bodyType?: WireObject): HttpRequest {
  const how = formatRequest(codec);
  const url = new URL(target.baseUrl + fillPath(request.path, request.pathParams));
  for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, queryText(value));
  for (const [name, value] of Object.entries(how.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: how.accept };
  const auth = request.authenticated ? authorizationHeader(target.credentials) : undefined;
  if (auth !== undefined) headers['authorization'] = auth;
  if (request.body === undefined) return { method: request.method.toUpperCase(), url: url.toString(), headers };
  if (bodyType === undefined) throw new Error(`${request.method} ${request.path} has a body but no request type`);
  headers['content-type'] = how.bodyContentType;
  const type = request.textMembers?.length ? withTextMembers(bodyType, request.textMembers) : bodyType;
  return { method: request.method.toUpperCase(), url: url.toString(), headers, body: codec.stringify(request.body, type) };
}

/** The same DTO with some members retyped as strings, so a writer puts any text there. */
export function withTextMembers(type: WireObject, names: readonly string[]): WireObject {
  const retype = (p: WireProperty): WireProperty => (names.includes(p.name) ? { ...p, type: { kind: 'string' }, valueType: false } : p);
  return { ...type, properties: type.properties.map(retype), xmlOrder: type.xmlOrder.map(retype) };
}

export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** Lists are comma-joined, as the Evo Voice dashboard sends them; ServiceStack reads them as JSV lists. */
function queryText(value: QueryValue): string {
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
