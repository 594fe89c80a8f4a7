import assert from 'node:assert/strict';
import type { WireFormat } from '../../../src/wire/codec.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import type { WireObject } from '../../../src/spec/wire-type.js';

/** What a response body is written in, by its Content-Type: a codec's format, or JSONP. */
/** The project's own formats, and JSONP. */
export type Written = 'json' | 'xml' | 'jsv' | 'jsonp';

export const CONTENT_TYPES: Readonly<Record<Written, string>> = {
  json: 'application/json; charset=utf-8',
  xml: 'application/xml',
  jsv: 'application/jsv',
  jsonp: 'text/javascript',
};

/**
 * Reads a body back with the project's own codecs, after checking it is labelled as `expected`.
 * JSONP must be `callback(json)`.
 */
export function decode(contentType: string | null, text: string, expected: Written, type: WireObject, callback = 'cb'): Record<string, unknown> {
  assert.equal(contentType, CONTENT_TYPES[expected], `Content-Type of: ${text.slice(0, 200)}`);
  if (expected === 'jsonp') {
    assert.ok(text.startsWith(`${callback}(`) && text.endsWith(')'), `JSONP body: ${text.slice(0, 200)}`);
    return defaultCodecs.json.parse(text.slice(callback.length + 1, -1), type);
  }
  return defaultCodecs.get(expected).parse(text, type);
}

/** Encodes a request body in a format with the project's codecs (what a ServiceStack client would send). */
export function encode(format: WireFormat, value: unknown, type: WireObject): string {
  return defaultCodecs.get(format).stringify(value, type);
}
