import { createBraceWriter } from './brace-writer.js';

/**
 * Writes a DTO as ServiceStack.Text's TypeSerializer does: `{name:value,...}` and `[a,b]` with no
 * whitespace at all, camelCase names in declaration order, nulls left out (null dictionary entries
 * too), value types always written, `True`/`False`, enums by bare name.
 *
 * Deep-frozen objects at the top (the document, or the items of its lists when the document itself
 * is built per request) go through the fragment cache (fragment-cache.ts).
 */
const jsvWriter = createBraceWriter({
  format: 'jsv',
  memberName: (name) => `${name}:`,
  string: jsvString,
  // TextWriter.Write(bool) prints Boolean.ToString(): capitalised.
  boolean: (value) => (value ? 'True' : 'False'),
  enumMember: (value) => value,
  // A null list item is written as nothing, as ServiceStack does.
  nullItem: '',
});

export const writeJsv = jsvWriter.write;
/** writeJsv's bytes in pieces of about `chunkChars` (for answers streamed to the client). */
export const writeJsvChunks = jsvWriter.writeChunks;

/** JsWriter.EscapeChars: the only characters that make TypeSerializer quote a string. */
const NEEDS_QUOTES = /[":,{}[\]\r\n]/;

/**
 * WriteString / EncodeJsv: `""` for the empty string; a string holding `" : , { } [ ]` or a line
 * break is wrapped in quotes with each inner quote doubled (CSV style); anything else, spaces and
 * tabs at either end included, is written verbatim.
 */
export function jsvString(value: string): string {
  if (value === '') return '""';
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}
