import type { Codec } from '../wire/codec.js';

/** How a request asks for a format, and labels a body written in it. */
export interface FormatRequest {
  readonly accept: string;
  readonly query: Readonly<Record<string, string>>;
  /** Content-Type of a request body written in this format. */
  readonly bodyContentType: string;
}

/**
 * Derived from the codec: its first media type in Accept and on bodies, plus `?format=NAME` where Accept
 * alone is not reliable (ServiceStack matches Accept against its preferred list only; JSV's `text/jsv`
 * falls back to JSON), since `?format=` outranks Accept on every route.
 */
export function formatRequest(codec: Codec): FormatRequest {
  const mediaType = codec.mediaTypes[0] ?? codec.contentType.split(';')[0]!.trim();
  return { accept: mediaType, query: codec.acceptAlone ? {} : { format: codec.format }, bodyContentType: mediaType };
}
