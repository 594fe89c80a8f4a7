import type { Codec } from './codec.js';
import { readJson, type JsonReadOptions } from './json-reader.js';
import { writeJson, writeJsonChunks } from './json-writer.js';

/** ServiceStack's JSON: only JSON gets the charset (HostConfig.AppendUtf8CharsetOnContentTypes). */
export function createJsonCodec(options: JsonReadOptions = {}): Codec {
  return {
    format: 'json',
    contentType: 'application/json; charset=utf-8',
    mediaTypes: ['application/json', 'text/json'],
    acceptAlone: true,
    stringify: (value, type) => writeJson(value, type),
    stringifyChunks: (value, type, chunkChars) => writeJsonChunks(value, type, chunkChars),
    parse: (text, type) => readJson(text, type, options),
  };
}

export const jsonCodec: Codec = createJsonCodec();
