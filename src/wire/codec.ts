import type { WireObject } from '../spec/wire-type.js';

/** A codec's name: json, xml, jsv, or any codec registered beside them. */
export type WireFormat = string;

/**
 * A wire format is a pair of functions over a DTO description, like lowdb's DataFile({ parse, stringify }).
 * `stringify` writes bytes exactly as ServiceStack would for that DTO; `parse` reads what a ServiceStack
 * client or server might send (lenient where ServiceStack is lenient) and returns the canonical DTO value:
 * camelCase keys, typed scalars, absent (not null) members for nulls.
 */
export interface Codec {
  /** Its name, which is also how a request asks for it: `?format=xml`, a `.xml` path suffix, `/xml/reply/X`. */
  readonly format: WireFormat;
  /** The Content-Type ServiceStack answers with for this format. */
  readonly contentType: string;
  /**
   * The media types a request body may be labelled with (ServiceStack's aliases, e.g. application/xml and
   * text/xml), which are also the Accept prefixes that choose this format; the first is what a client sends.
   */
  readonly mediaTypes: readonly string[];
  /**
   * Whether Accept alone reliably chooses this format on every route. ServiceStack matches Accept against
   * its preferred list (JSON, XML); for anything else a client also sends `?format=`, which outranks Accept.
   */
  readonly acceptAlone: boolean;
  stringify(value: unknown, type: WireObject): string;
  /**
   * stringify's bytes in pieces of about `chunkChars`, cut between the items of the document's own
   * lists, so that a long list is never one string (the server streams those answers).
   */
  stringifyChunks?(value: unknown, type: WireObject, chunkChars: number): Iterator<string>;
  /** Throws WireParseError when the text is not a valid body for `type`. */
  parse(text: string, type: WireObject): Record<string, unknown>;
}

/** A body that cannot be read as the expected DTO; the server turns it into a 400 SerializationException. */
export class WireParseError extends Error {
  constructor(
    message: string,
    readonly format: WireFormat,
    readonly fieldName?: string,
  ) {
    super(message);
    this.name = 'WireParseError';
  }
}
