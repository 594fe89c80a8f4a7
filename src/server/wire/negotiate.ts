import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';
import type { Codec, WireFormat } from '../../wire/codec.js';
import type { QueryMap } from '../binding/query-string.js';
import { codecFor, type CodecRegistry } from './codecs.js';
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
 * Accept prefixes ServiceStack prefers (HostConfig.PreferredContentTypes: json, html, xml, jsv), plus the
 * text/ aliases it reads on bodies; its own code leaves `text/xml` and `text/jsv` to JSON, the mock is lenient.
 */
const ACCEPT_PREFIXES: readonly (readonly [string, WireFormat])[] = [
  ['application/json', 'json'],
  ['text/json', 'json'],
  ['application/xml', 'xml'],
  ['text/xml', 'xml'],
  ['application/jsv', 'jsv'],
  ['text/jsv', 'jsv'],
];

const FORMAT_NAMES: Readonly<Record<string, WireFormat>> = { json: 'json', xml: 'xml', jsv: 'jsv' };

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
  const pick = (format: WireFormat | undefined): Codec | undefined => (format ? codecFor(codecs, format) : undefined);
  const callback = jsonpCallback(query);
  const codec =
    pick(route.suffix) ??
    (callback !== undefined ? codecs.json : undefined) ??
    pick(formatParam(query)) ??
    (route.handler !== undefined
      ? pick(route.handler)
      : (pick(firstSegmentFormat(req.originalUrl)) ?? pick(acceptedFormat(req.headers)))) ??
    codecs.json;
  // A suffix that asks for XML or JSV outranks the callback; only a JSON answer is wrapped.
  return callback !== undefined && codec.format === 'json' ? { codec, callback } : { codec };
}

function formatParam(query: QueryMap): WireFormat | undefined {
  const raw = query.first('format');
  if (raw === undefined) return undefined;
  return FORMAT_NAMES[raw.split('.')[0]!.toLowerCase()];
}

/** `/xml/...`, `/jsv/reply/X`: a first segment of 3 or 4 characters that names a format. */
function firstSegmentFormat(url: string): WireFormat | undefined {
  const path = url.split('?')[0]!;
  const start = path.startsWith('/') ? 1 : 0;
  const end = path.indexOf('/', start);
  const segment = path.slice(start, end < 0 ? undefined : end);
  return segment.length >= 3 && segment.length <= 4 ? FORMAT_NAMES[segment.toLowerCase()] : undefined;
}

/**
 * ASP.NET Core hands ServiceStack the Accept header as one string, so in effect its first media type
 * decides, as long as it is a known one.
 */
function acceptedFormat(headers: IncomingHttpHeaders): WireFormat | undefined {
  const accept = headers.accept;
  if (!accept) return undefined;
  const first = accept.split(',')[0]!.split(';')[0]!.trim().toLowerCase();
  const known = ACCEPT_PREFIXES.find(([prefix]) => first.startsWith(prefix))?.[1];
  if (known) return known;
  if (first !== '*/*') return undefined;
  const body = bodyKind(headers['content-type']);
  return body.kind === 'codec' ? body.format : undefined;
}
