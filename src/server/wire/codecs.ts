import type { Codec, WireFormat } from '../../wire/codec.js';

/**
 * The codecs the server can answer with. JSON is always there (ServiceStack's default); XML and JSV
 * plug in by adding their codec here, with no change to negotiation or to the request path.
 */
export type CodecRegistry = { readonly json: Codec } & { readonly [F in Exclude<WireFormat, 'json'>]?: Codec };

export function codecFor(codecs: CodecRegistry, format: WireFormat): Codec | undefined {
  return codecs[format];
}
