import type { Codec } from '../../wire/codec.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';

/** How ServiceStack reads a request body of this Content-Type: by a codec (its media types and aliases), as form fields, or not at all. */
export type BodyKind = { readonly kind: 'codec'; readonly codec: Codec } | { readonly kind: 'form' } | { readonly kind: 'ignored' };

const FORM = 'application/x-www-form-urlencoded';

/** The media type without parameters, lowercased: `Application/JSON; charset=utf-8` -> `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** An unknown or missing Content-Type means an empty DTO, as in ServiceStack. */
export function bodyKind(contentType: string | undefined, codecs: CodecRegistry): BodyKind {
  const type = mediaType(contentType);
  if (type === FORM) return { kind: 'form' };
  const codec = codecs.forMediaType(type);
  return codec ? { kind: 'codec', codec } : { kind: 'ignored' };
}
