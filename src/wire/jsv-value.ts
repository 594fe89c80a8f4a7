import { readJsv, type JsvReadOptions } from './jsv-parser.js';
import type { WireType } from '../spec/wire-type.js';

/**
 * Reads one query-string or form value as ServiceStack's StringMapTypeDeserializer does:
 * a string member takes the raw text (no JSV decoding, so quotes stay); anything else is read
 * with the JSV parser: lenient booleans (empty is false), Int32 in range, enum names in any case
 * or their position, lists as `a,b` or `[a,b]` with `"a,b"` for an item holding a comma, maps
 * as `{key:value}`.
 *
 * An empty text reads as false for a boolean, an empty list or map, and undefined (not given)
 * otherwise; ServiceStack's binder skips empty values before it gets here.
 * Binder rules that are not about the value itself stay with the caller: joining repeated keys
 * with ',' and, for a boolean, keeping only the part left of a comma (the MVC checkbox rule).
 *
 * Throws WireParseError ("'abc' is not a valid Int32 ...") when the text is not a valid value.
 */
export function readJsvValue(text: string, type: WireType, options?: JsvReadOptions): unknown {
  if (type.kind === 'string') return text;
  if (text === '') {
    if (type.kind === 'boolean') return false;
    if (type.kind === 'list') return [];
    if (type.kind === 'dictionary') return {};
    return undefined;
  }
  return readJsv(text, type, options);
}
