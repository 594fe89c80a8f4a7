import type { Request } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import type { WireObject, WireProperty } from '../../spec/wire-type.js';
import { bindingError } from '../errors/service-error.js';
import { bodyKind } from '../wire/media-type.js';
import type { BindDeps } from './bind-request.js';
import { parseBody } from './parse-body.js';
import { QueryMap } from './query-string.js';
import { bindStringMap, findProperty } from './string-map-binder.js';

/** Verbs ServiceStack treats as carrying no body (HttpUtils.HasRequestBody is false for them). */
const BODYLESS_VERBS = new Set(['GET', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * A predefined route (`/api/X`, `/{format}/reply/X`) binds as ServiceStack's GenericHandler and
 * DeserializeHttpRequestAsync do:
 * - no body (or a GET/DELETE without a Content-Type): the query string alone;
 * - form fields: the query string, then the form over it;
 * - any other body: parsed in the route's own format whatever its Content-Type says; then, for verbs
 *   that carry a body, query values fill only the properties still null or at their default.
 * There are no path variables: everything, sessionId included, comes from the DTO.
 */
export function bindPredefinedRoute(
  req: Request,
  type: WireObject,
  query: QueryMap,
  text: string | undefined,
  format: WireFormat,
  deps: BindDeps,
): Record<string, unknown> {
  const contentType = req.headers['content-type'];
  const fromQuery = bindStringMap(query, type, deps.readJsvValue);
  const verbCarriesBody = !BODYLESS_VERBS.has(req.method);
  if (text === undefined || (!verbCarriesBody && !contentType)) return valuesOf(fromQuery, type);
  if (bodyKind(contentType, deps.codecs).kind === 'form') {
    const form = bindStringMap(QueryMap.parse(text), type, deps.readJsvValue);
    const errors = [...fromQuery.errors, ...form.errors];
    if (errors.length > 0) throw bindingError(type.name, errors);
    return { ...fromQuery.values, ...form.values };
  }
  const body = parseBody(text, deps.codecs.named(format) ?? deps.codecs.json, type);
  if (!verbCarriesBody) return body;
  for (const [name, value] of Object.entries(valuesOf(fromQuery, type))) {
    const prop = findProperty(type, name.toLowerCase());
    if (prop && isDefault(body[name], prop)) body[name] = value;
  }
  return body;
}

function valuesOf(result: ReturnType<typeof bindStringMap>, type: WireObject): Record<string, unknown> {
  if (result.errors.length > 0) throw bindingError(type.name, result.errors);
  return result.values;
}

/** Null, or a CLR value type at its default (0, false, an enum's first member). */
function isDefault(value: unknown, prop: WireProperty): boolean {
  if (value === undefined || value === null) return true;
  if (!prop.valueType) return false;
  switch (prop.type.kind) {
    case 'boolean':
      return value === false;
    case 'integer':
    case 'number':
      return value === 0;
    case 'enum':
      return value === prop.type.members[0];
    default:
      return false;
  }
}
