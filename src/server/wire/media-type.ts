import type { Codec } from '../../wire/codec.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';

/** How ServiceStack reads a request body of this Content-Type: by a codec (its media types and aliases), as form fields, or not at all. */
export type BodyKind = { readonly kind: 'codec'; readonly codec: Codec } | { readonly kind: 'form' } | { readonly kind: 'ignored' };

const FORM = 'application/x-www-form-urlencoded';

/** A Content-Type read as RFC 9110 writes it: `type/subtype *( OWS ";" OWS name=value )`. */
export interface MediaType {
  /** `type/subtype`, lowercased: what decides how a body is read. */
  readonly essence: string;
  readonly type: string;
  readonly subtype: string;
  /** Parameter names lowercased; values unquoted. */
  readonly parameters: ReadonlyMap<string, string>;
}

const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const TYPE_AND_SUBTYPE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const PARAMETER = new RegExp(`^(${TOKEN})=(${TOKEN}|"(?:[^"\\\\]|\\\\.)*")$`);

/**
 * Parses a Content-Type; undefined when it is not one (`json`, `text/plain json`, `a/b;c`). Only the
 * type and subtype say what a body is: `text/plain;charset=json` is plain text, whatever its
 * parameters hold, which is why a substring test on the header is never enough.
 */
export function parseMediaType(header: string | undefined): MediaType | undefined {
  if (header === undefined) return undefined;
  const [head = '', ...params] = splitParameters(header);
  const m = TYPE_AND_SUBTYPE.exec(head.trim());
  if (!m) return undefined;
  const parameters = new Map<string, string>();
  for (const raw of params) {
    const p = raw.trim();
    if (p === '') continue; // `type/subtype;` is tolerated, as browsers and most servers do
    const pm = PARAMETER.exec(p);
    if (!pm) return undefined;
    const value = pm[2]!.startsWith('"') ? pm[2]!.slice(1, -1).replace(/\\(.)/g, '$1') : pm[2]!;
    const name = pm[1]!.toLowerCase();
    if (!parameters.has(name)) parameters.set(name, value);
  }
  const type = m[1]!.toLowerCase();
  const subtype = m[2]!.toLowerCase();
  return { essence: `${type}/${subtype}`, type, subtype, parameters };
}

/** Splits on the semicolons that are not inside a quoted parameter value. */
function splitParameters(header: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) {
      parts.push(header.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(header.slice(start));
  return parts;
}

/** The media type without parameters, lowercased: `Application/JSON; charset=utf-8` -> `application/json`; '' if none can be read. */
export function mediaType(contentType: string | undefined): string {
  return parseMediaType(contentType)?.essence ?? '';
}

/** An unknown or missing Content-Type means an empty DTO, as in ServiceStack. */
export function bodyKind(contentType: string | undefined, codecs: CodecRegistry): BodyKind {
  const type = mediaType(contentType);
  if (type === FORM) return { kind: 'form' };
  const codec = codecs.forMediaType(type);
  return codec ? { kind: 'codec', codec } : { kind: 'ignored' };
}
