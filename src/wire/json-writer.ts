import { createBraceWriter } from './brace-writer.js';

/**
 * Writes a DTO as ServiceStack.Text's JsonSerializer does with the host defaults: camelCase names in
 * the type's declaration order (own members, then base members), null members and null dictionary
 * entries left out, value types (bool, Int32, enum) always written, enums by name, no whitespace.
 *
 * Deep-frozen objects at the top (the document, or the items of its lists when the document itself
 * is built per request) go through the fragment cache (fragment-cache.ts), so a page of stored
 * sessions is mostly a join of strings already written.
 */
const jsonWriter = createBraceWriter({
  format: 'json',
  memberName: (name) => `"${name}":`,
  string: jsonString,
  boolean: (value) => (value ? 'true' : 'false'),
  enumMember: (value) => '"' + value + '"',
  nullItem: 'null',
});

export const writeJson = jsonWriter.write;
/** writeJson's bytes in pieces of about `chunkChars` (for answers streamed to the client). */
export const writeJsonChunks = jsonWriter.writeChunks;

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f]/;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\', '\f': '\\f', '\b': '\\b' };

/**
 * JsonUtils.WriteString: quote, backslash, \n \r \t \f \b get their short escapes; other control
 * characters (char.IsControl: U+0000-U+001F, U+007F-U+009F) become \uXXXX in upper-case hex;
 * everything else, non-ASCII included, is written as is (EscapeUnicode is off by default).
 */
export function jsonString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return '"' + value + '"';
  let out = '"';
  for (const ch of value) {
    const short = ESCAPES[ch];
    if (short !== undefined) out += short;
    else {
      const code = ch.charCodeAt(0);
      out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}` : ch;
    }
  }
  return `${out}"`;
}
