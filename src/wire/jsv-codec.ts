import { WireParseError, type Codec } from './codec.js';
import { canonicalObject } from './canonical.js';
import { readJsvObject, type JsvReadOptions } from './jsv-parser.js';
import { writeJsv, writeJsvChunks } from './jsv-writer.js';

export interface JsvCodecOptions extends JsvReadOptions {
  /** Longest body read, in characters. */
  readonly maxLength?: number;
}

export const DEFAULT_JSV_MAX_LENGTH = 10 * 1024 * 1024;

/** ServiceStack's JSV (TypeSerializer); `text/jsv` is accepted on input but answered as application/jsv. */
export function createJsvCodec(options: JsvCodecOptions = {}): Codec {
  const maxLength = options.maxLength ?? DEFAULT_JSV_MAX_LENGTH;
  return {
    format: 'jsv',
    contentType: 'application/jsv',
    mediaTypes: ['application/jsv', 'text/jsv'],
    acceptAlone: false,
    stringify: (value, type) => writeJsv(value, type),
    stringifyChunks: (value, type, chunkChars) => writeJsvChunks(value, type, chunkChars),
    parse: (body, type) => {
      // .NET's StreamReader drops a byte-order mark before ServiceStack sees the text.
      const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
      if (text.length > maxLength) {
        throw new WireParseError(`The JSV body is ${text.length} characters long; at most ${maxLength} are accepted.`, 'jsv');
      }
      // ServiceStack hands an empty body to no deserializer: the request DTO is simply empty.
      if (text.trim() === '') return canonicalObject({}, type);
      return readJsvObject(text, type, options);
    },
  };
}

export const jsvCodec: Codec = createJsvCodec();
