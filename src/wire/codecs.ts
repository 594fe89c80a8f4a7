import type { Codec, WireFormat } from './codec.js';
import { jsonCodec } from './json-codec.js';
import { jsvCodec } from './jsv-codec.js';
import { xmlCodec } from './xml-codec.js';

/** Every wire format the mock speaks, JSON first (ServiceStack's default). */
export const codecs: readonly Codec[] = [jsonCodec, xmlCodec, jsvCodec];

/** The codecs by format; also fits the server's CodecRegistry shape. */
export const codecsByFormat: Readonly<Record<WireFormat, Codec>> = { json: jsonCodec, xml: xmlCodec, jsv: jsvCodec };

export function codecFor(format: WireFormat): Codec {
  return codecsByFormat[format];
}
