import type { Request, Response } from 'express';
import type { Codec, WireFormat } from '../../wire/codec.js';
import type { QueryMap } from '../binding/query-string.js';
import { codecFor, type CodecRegistry } from './codecs.js';

/** Media types ServiceStack maps to each format, in its preferred order (HostConfig.PreferredContentTypes). */
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
 * Picks the response codec as ServiceStack does on user-defined routes, among the codecs registered:
 * `?callback=` forces JSON, then `?format=`, then the first media type of Accept, else JSON.
 * A format fixed before routing (overrideFormat: a `.xml` suffix, a `/jsv/` first segment, a predefined
 * route) outranks these; a format whose codec is not registered falls back to JSON.
 */
export function negotiate(req: Request, query: QueryMap, codecs: CodecRegistry, override?: WireFormat): Codec {
  const pick = (format: WireFormat | undefined): Codec | undefined => (format ? codecFor(codecs, format) : undefined);
  return (
    pick(override) ??
    (query.has('callback') ? codecs.json : undefined) ??
    pick(formatParam(query)) ??
    pick(acceptedFormat(req.headers.accept)) ??
    codecs.json
  );
}

function formatParam(query: QueryMap): WireFormat | undefined {
  const raw = query.first('format');
  if (raw === undefined) return undefined;
  // ServiceStack reads the part before any '.', lowercased (`?format=json.v1`).
  return FORMAT_NAMES[raw.split('.')[0]!.toLowerCase()];
}

/** In effect the first listed media type decides (the header reaches ServiceStack as one string); q-values are ignored. */
function acceptedFormat(accept: string | undefined): WireFormat | undefined {
  if (!accept) return undefined;
  const first = accept.split(',')[0]!.trim().toLowerCase();
  return ACCEPT_PREFIXES.find(([prefix]) => first.startsWith(prefix))?.[1];
}

const OVERRIDE = 'formatOverride';

/**
 * Records a format chosen before routing (issue 4: a `.xml` suffix stripped from the path, a `/jsv/`
 * first segment, or a predefined route's own format), which then outranks everything in negotiate().
 */
export function overrideFormat(res: Response, format: WireFormat): void {
  res.locals[OVERRIDE] = format;
}

export function formatOverride(res: Response): WireFormat | undefined {
  return res.locals[OVERRIDE] as WireFormat | undefined;
}
