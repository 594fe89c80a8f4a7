import type { Request } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import type { WireObject } from '../../spec/wire-type.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { DEFAULT_BODY_TIMEOUTS, readRawBody, type BodyTimeouts } from '../wire/read-body.js';
import { bindPredefinedRoute } from './predefined-route-binding.js';
import type { QueryMap } from './query-string.js';
import { bindRestRoute } from './rest-route-binding.js';
import type { ReadJsvValue } from './string-map-binder.js';

export interface BindDeps {
  readonly codecs: CodecRegistry;
  readonly readJsvValue: ReadJsvValue;
  readonly bodyLimit: number;
  /** How long a body may take to arrive; default DEFAULT_BODY_TIMEOUTS. */
  readonly bodyTimeouts?: BodyTimeouts;
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
  /** A signed-in caller gets longer to send its body than an anonymous one. */
  signedIn = false,
): Promise<Record<string, unknown>> {
  const timeouts = deps.bodyTimeouts ?? DEFAULT_BODY_TIMEOUTS;
  const text = await readRawBody(req, deps.bodyLimit, signedIn ? timeouts.signedInMs : timeouts.anonymousMs);
  return predefinedFormat === undefined
    ? bindRestRoute(req, type, query, text, deps)
    : bindPredefinedRoute(req, type, query, text, predefinedFormat, deps);
}
