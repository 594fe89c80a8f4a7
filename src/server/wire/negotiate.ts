import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import type { Codec, WireFormat } from '../../wire/codec.js';
import type { QueryMap } from '../binding/query-string.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { jsonpCallback } from './jsonp.js';
import { bodyKind } from './media-type.js';
import type { RouteFormats } from './route-formats.js';

/** How one answer (or error) is written: a codec, and for JSONP the callback that wraps it. */
export interface ResponseFormat {
  readonly codec: Codec;
  /** JSONP (`?callback=`): the body is `callback(json)`, sent as text/javascript; errors get status 200. */
  readonly callback?: string;
}

/**
 * Picks the response format as ServiceStack does (HttpRequestExtensions.GetResponseContentType,
 * GetQueryStringContentType; GenericHandler for predefined routes), first rule that names a registered codec:
 *   1. a `.json` / `.xml` / `.jsv` suffix (stripped before routing);
 *   2. `?callback=` (JSONP) forces JSON;
 *   3. `?format=` (the part before any '.', any case);
 *   4. on a predefined route, its own format (and Accept is then ignored); elsewhere a first path segment
 *      that is a format name (`/xml/...`);
 *   5. Accept: the first media type listed decides (q-values ignored); `*`/`*` means the request's own
 *      Content-Type, unless it is a form;
 *   6. JSON.
 */
export function negotiate(req: Request, query: QueryMap, codecs: CodecRegistry, route: RouteFormats = {}): ResponseFormat {
  const pick = (format: WireFormat | undefined): Codec | undefined => (format ? codecs.named(format) : undefined);
  const callback = jsonpCallback(query);
  const codec =
    pick(route.suffix) ??
    (callback !== undefined ? codecs.json : undefined) ??
    pick(formatParam(query)) ??
    (route.handler !== undefined
      ? pick(route.handler)
      : (pick(firstSegmentFormat(req.originalUrl)) ?? acceptedCodec(req.headers, codecs))) ??
    codecs.json;
  // A suffix that asks for XML or JSV outranks the callback; only a JSON answer is wrapped.
  return callback !== undefined && codec.format === 'json' ? { codec, callback } : { codec };
}

function formatParam(query: QueryMap): WireFormat | undefined {
  return query.first('format')?.split('.')[0];
}

/** `/xml/...`, `/jsv/reply/X`: a first segment of 3 or 4 characters, which names a format if a codec has that name. */
function firstSegmentFormat(url: string): WireFormat | undefined {
  const path = url.split('?')[0]!;
  const start = path.startsWith('/') ? 1 : 0;
  const end = path.indexOf('/', start);
  const segment = path.slice(start, end < 0 ? undefined : end);
  return segment.length >= 3 && segment.length <= 4 ? segment : undefined;
}

/**
 * ASP.NET Core hands ServiceStack the Accept header as one string, so in effect its first media type
 * decides, as long as it is a known one.
 */
function acceptedCodec(headers: IncomingHttpHeaders, codecs: CodecRegistry): Codec | undefined {
  const accept = headers.accept;
  if (!accept) return undefined;
  const first = accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  const known = codecs.forAccept(first);
  if (known) return known;
  if (first !== '*/*') return undefined;
  const body = bodyKind(headers['content-type'], codecs);
  return body.kind === 'codec' ? body.codec : undefined;
}
