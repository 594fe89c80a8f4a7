import type { Request } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import type { WireObject } from '../../spec/wire-type.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { readRawBody } from '../wire/read-body.js';
import { bindPredefinedRoute } from './predefined-route-binding.js';
import type { QueryMap } from './query-string.js';
import { bindRestRoute } from './rest-route-binding.js';
import type { ReadJsvValue } from './string-map-binder.js';

export interface BindDeps {
  readonly codecs: CodecRegistry;
  readonly readJsvValue: ReadJsvValue;
  readonly bodyLimit: number;
}

/**
 * Builds the request DTO from path, query string and body, by the rules of the route that was matched:
 * a user-defined REST route (RestPath.CreateRequest), or a predefined route (`/api/X`, `/json/reply/X`;
 * GenericHandler), whose own format is given as `predefinedFormat`.
 */
export async function bindRequest(
  req: Request,
  type: WireObject,
  query: QueryMap,
  deps: BindDeps,
  predefinedFormat?: WireFormat,
): Promise<Record<string, unknown>> {
  const text = await readRawBody(req, deps.bodyLimit);
  return predefinedFormat === undefined
    ? bindRestRoute(req, type, query, text, deps)
    : bindPredefinedRoute(req, type, query, text, predefinedFormat, deps);
}
