import type { Request } from 'express';
import type { WireObject } from '../../spec/wire-type.js';
import { bindingError } from '../errors/service-error.js';
import { bodyKind } from '../wire/media-type.js';
import type { BindDeps } from './bind-request.js';
import { parseBody } from './parse-body.js';
import { QueryMap } from './query-string.js';
import { bindPathParams, bindStringMap, type BindResult } from './string-map-binder.js';

const NONE: BindResult = { values: {}, errors: [] };

/**
 * A user-defined route (/sessions/{sessionId}): the body is read by its Content-Type (JSON, XML, JSV,
 * or form fields; anything else is ignored), then path variables, the query string and form fields
 * override it in that order (RestPath.CreateRequest).
 */
export function bindRestRoute(req: Request, type: WireObject, query: QueryMap, text: string | undefined, deps: BindDeps): Record<string, unknown> {
  const kind = text === undefined ? undefined : bodyKind(req.headers['content-type'], deps.codecs);
  let serialized: Record<string, unknown> = {};
  let form = NONE;
  if (text !== undefined && kind?.kind === 'codec') {
    serialized = parseBody(text, kind.codec, type);
  } else if (text !== undefined && kind?.kind === 'form') {
    form = bindStringMap(QueryMap.parse(text), type, deps.readJsvValue);
  }
  const path = bindPathParams(req.params as Record<string, string>, type, deps.readJsvValue);
  const fromQuery = bindStringMap(query, type, deps.readJsvValue);
  const errors = [...path.errors, ...fromQuery.errors, ...form.errors];
  if (errors.length > 0) throw bindingError(type.name, errors);
  return { ...serialized, ...path.values, ...fromQuery.values, ...form.values };
}
