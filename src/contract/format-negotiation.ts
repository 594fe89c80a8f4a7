import type { WireFormat } from '../wire/codec.js';

/**
 * How a request asks for each format. On user-defined routes ServiceStack matches Accept by prefix
 * against its preferred list, so `application/json` and `application/xml` are reliable. For JSV the
 * Accept match is fragile (`text/jsv` falls back to JSON, and .NET Core reads the whole header as one
 * value), while `?format=jsv` outranks Accept on every route, so JSV requests send both.
 */
export interface FormatRequest {
  readonly accept: string;
  readonly query: Readonly<Record<string, string>>;
  /** Content-Type of a request body written in this format. */
  readonly bodyContentType: string;
}

export const FORMAT_REQUEST: Readonly<Record<WireFormat, FormatRequest>> = {
  json: { accept: 'application/json', query: {}, bodyContentType: 'application/json' },
  xml: { accept: 'application/xml', query: {}, bodyContentType: 'application/xml' },
  jsv: { accept: 'application/jsv', query: { format: 'jsv' }, bodyContentType: 'application/jsv' },
};

export const ALL_FORMATS: readonly WireFormat[] = ['json', 'xml', 'jsv'];
