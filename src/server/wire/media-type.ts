import type { WireFormat } from '../../wire/codec.js';

/** How ServiceStack reads a request body of this Content-Type (ContentTypes.cs aliases). */
export type BodyKind = { readonly kind: 'codec'; readonly format: WireFormat } | { readonly kind: 'form' } | { readonly kind: 'ignored' };

const BY_MEDIA_TYPE: Readonly<Record<string, BodyKind>> = {
  'application/json': { kind: 'codec', format: 'json' },
  'text/json': { kind: 'codec', format: 'json' },
  'application/xml': { kind: 'codec', format: 'xml' },
  'text/xml': { kind: 'codec', format: 'xml' },
  'application/jsv': { kind: 'codec', format: 'jsv' },
  'text/jsv': { kind: 'codec', format: 'jsv' },
  'application/x-www-form-urlencoded': { kind: 'form' },
};

/** The media type without parameters, lowercased: `Application/JSON; charset=utf-8` -> `application/json`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** An unknown or missing Content-Type means an empty DTO, as in ServiceStack. */
export function bodyKind(contentType: string | undefined): BodyKind {
  return BY_MEDIA_TYPE[mediaType(contentType)] ?? { kind: 'ignored' };
}
