import { WireParseError } from './codec.js';
import { clip, readBoolean, readDouble, readEnum, readInt32, type ScalarContext } from './scalar-text.js';
import { canonicalObject, findProperty, setOwn } from './canonical.js';
import type { WireObject, WireType } from '../spec/wire-type.js';

/**
 * A typed JSV reader that follows ServiceStack.Text's JsvTypeSerializer / DeserializeListWithElements
 * (EatMapKey, EatValue, StripList, FromCsvField):
 * - JSV is whitespace-significant: property names are trimmed, values are not;
 * - an unquoted value runs to the next `,` or `}`; `{}` and `[]` values are matched by depth,
 *   honouring quotes; a quoted value ends at a lone `"` and `""` inside it is one quote;
 * - a list may come without brackets (`a,b` is `[a,b]`), an empty item is a null and is dropped;
 * - an empty value is a null, so the member is absent;
 * - names are matched case-insensitively and unknown members are skipped.
 * Where ServiceStack would silently misread malformed text (an unterminated quote, unbalanced
 * braces, junk after a value), this reader throws a WireParseError saying where, instead.
 */

export interface JsvReadOptions {
  /** Deepest nesting of maps and lists read; deeper input is refused. */
  readonly maxDepth?: number;
}

export const DEFAULT_JSV_MAX_DEPTH = 32;

const QUOTE = '"';

/** Reads `text` as one JSV value of `type`. Throws WireParseError when it cannot. */
export function readJsv(text: string, type: WireType, options: JsvReadOptions = {}): unknown {
  return new JsvReader(text, options.maxDepth ?? DEFAULT_JSV_MAX_DEPTH).read(0, text.length, type, '', '', 0);
}

/** Reads `text` as the JSV body of a DTO and returns its canonical value. */
export function readJsvObject(text: string, type: WireObject, options: JsvReadOptions = {}): Record<string, unknown> {
  const value = readJsv(text, { kind: 'object', type }, options);
  return (value ?? canonicalObject({}, type)) as Record<string, unknown>;
}

class JsvReader {
  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /** Reads text[start, stop) as `type`; undefined stands for null. */
  read(start: number, stop: number, type: WireType, path: string, field: string, depth: number): unknown {
    if (start === stop) return undefined;
    const ctx: ScalarContext = { format: 'jsv', path: path || undefined, fieldName: field || undefined };
    switch (type.kind) {
      case 'string':
        return this.unescape(start, stop);
      case 'boolean':
        return readBoolean(this.unescape(start, stop), ctx);
      case 'integer':
        return readInt32(this.unescape(start, stop), ctx);
      case 'number':
        return readDouble(this.unescape(start, stop), ctx);
      case 'enum':
        return readEnum(this.unescape(start, stop), type, ctx);
      case 'list':
        return this.readList(start, stop, type.item, path, field, this.deeper(depth, start, path, field));
      case 'dictionary':
        return this.readDictionary(start, stop, type.value, path, field, this.deeper(depth, start, path, field));
      case 'object':
        return this.readObject(start, stop, type.type, path, field, this.deeper(depth, start, path, field));
    }
  }

  private readObject(start: number, stop: number, type: WireObject, path: string, field: string, depth: number) {
    const [open, close] = this.braces(start, stop, path, field, type.name);
    const value: Record<string, unknown> = {};
    let i = open + 1;
    while (!this.onlyWhitespace(i, close)) {
      const keyEnd = this.eatMapKey(i, close, path, field);
      const name = unquote(this.text.slice(i, keyEnd).trim());
      i = keyEnd + 1; // past ':'
      const valueEnd = this.eatValue(i, close, path, field);
      const prop = findProperty(type, name);
      if (prop) {
        const memberPath = path ? `${path}.${prop.name}` : prop.name;
        const member = this.read(i, valueEnd, prop.type, memberPath, field || prop.clrName, depth);
        if (member === undefined) delete value[prop.name];
        else value[prop.name] = member;
      }
      i = this.eatSeparator(valueEnd, close, path, field);
    }
    return canonicalObject(value, type);
  }

  private readDictionary(start: number, stop: number, valueType: WireType, path: string, field: string, depth: number) {
    const [open, close] = this.braces(start, stop, path, field, 'dictionary');
    const value: Record<string, unknown> = {};
    let i = open + 1;
    while (!this.onlyWhitespace(i, close)) {
      const keyEnd = this.eatMapKey(i, close, path, field);
      // Dictionary keys, unlike property names, are not trimmed (DeserializeDictionary).
      const raw = this.text.slice(i, keyEnd);
      const key = raw.startsWith(QUOTE) ? unquote(raw.trimEnd()) : raw;
      i = keyEnd + 1;
      const valueEnd = this.eatValue(i, close, path, field);
      const entry = this.read(i, valueEnd, valueType, `${path}[${JSON.stringify(key)}]`, field, depth);
      // A null entry is one ServiceStack would never write back: the canonical value drops it.
      if (entry !== undefined) setOwn(value, key, entry);
      i = this.eatSeparator(valueEnd, close, path, field);
    }
    return value;
  }

  private readList(start: number, stop: number, item: WireType, path: string, field: string, depth: number) {
    // StripList: trim, and drop the brackets if there are any.
    let from = start;
    let to = stop;
    while (from < to && isWhitespace(this.text.charCodeAt(from))) from++;
    while (to > from && isWhitespace(this.text.charCodeAt(to - 1))) to--;
    if (this.text[from] === '[') {
      if (this.text[to - 1] !== ']' || to - from < 2) {
        this.fail(`a list starting with '[' must end with ']'`, from, path, field);
      }
      from++;
      to--;
    }
    const items: unknown[] = [];
    if (this.onlyWhitespace(from, to)) return items;
    let i = from;
    while (i < to) {
      const end = this.eatValue(i, to, path, field);
      const itemPath = `${path}[${items.length}]`;
      if (item.kind === 'object' && end > i && this.text[i] !== '{') {
        this.fail(`expected '{' to start an item of type ${item.type.name}`, i, itemPath, field);
      }
      const value = this.read(i, end, item, itemPath, field, depth);
      if (value !== undefined) items.push(value);
      if (end === to) break;
      if (this.text[end] !== ',') this.fail(`expected ',' between list items, found '${this.text[end]}'`, end, path, field);
      i = end + 1;
    }
    return items;
  }

  /**
   * The positions of a map's `{` and final `}` in [start, stop), surrounding spaces allowed. Like
   * ServiceStack, the map's own extent is not re-scanned: a nested map's was found by its parent's
   * EatValue, and the body's runs to its end, so `{a:5" tall}` reads at the top level.
   */
  private braces(start: number, stop: number, path: string, field: string, what: string): [number, number] {
    let open = start;
    let close = stop - 1;
    while (open < close && isWhitespace(this.text.charCodeAt(open))) open++;
    while (close > open && isWhitespace(this.text.charCodeAt(close))) close--;
    if (this.text[open] !== '{' || this.text[close] !== '}' || close === open) {
      this.fail(`expected a ${what} map like {name:value}, found '${clip(this.text.slice(start, stop))}'`, start, path, field);
    }
    return [open, close];
  }

  /** EatMapKey: a quoted key, a `{...}` key, or everything up to the next ':'. Returns the index of ':'. */
  private eatMapKey(i: number, stop: number, path: string, field: string): number {
    const c = this.text[i];
    let end: number;
    if (c === QUOTE) end = this.eatQuoted(i, stop, path, field);
    else if (c === '{') end = this.eatNested(i, stop, '{', '}', path, field);
    else {
      end = i;
      while (end < stop && this.text[end] !== ':') end++;
    }
    while (end < stop && this.text[end] !== ':' && isWhitespace(this.text.charCodeAt(end))) end++;
    if (end >= stop || this.text[end] !== ':') {
      this.fail(`expected 'name:value' but found '${clip(this.text.slice(i, stop))}'`, i, path, field);
    }
    if (end === i) this.fail(`a name is missing before ':'`, i, path, field);
    return end;
  }

  /** EatValue: returns the end (exclusive) of the value starting at i, within [i, stop). */
  private eatValue(i: number, stop: number, path: string, field: string): number {
    if (i >= stop) return stop;
    const c = this.text[i];
    if (c === ',' || c === '}') return i;
    if (c === QUOTE) return this.eatQuoted(i, stop, path, field);
    if (c === '{') return this.eatNested(i, stop, '{', '}', path, field);
    if (c === '[') return this.eatNested(i, stop, '[', ']', path, field);
    let end = i + 1;
    while (end < stop) {
      const d = this.text[end];
      if (d === ',' || d === '}') break;
      end++;
    }
    return end;
  }

  /** A quoted token ends at a quote that is not doubled. */
  private eatQuoted(i: number, stop: number, path: string, field: string): number {
    let j = i + 1;
    for (;;) {
      j = this.text.indexOf(QUOTE, j);
      if (j < 0 || j >= stop) this.fail('unterminated quoted string (a \'"\' inside a value is written "")', i, path, field);
      if (j + 1 < stop && this.text[j + 1] === QUOTE) {
        j += 2;
        continue;
      }
      return j + 1;
    }
  }

  /** A `{...}` or `[...]` token: depth counts only its own bracket kind; quotes toggle, as in ServiceStack. */
  private eatNested(i: number, stop: number, open: string, close: string, path: string, field: string): number {
    let depth = 1;
    let quoted = false;
    let j = i + 1;
    for (; j < stop && depth > 0; j++) {
      const c = this.text[j];
      if (c === QUOTE) quoted = !quoted;
      else if (!quoted) {
        if (c === open) depth++;
        else if (c === close) depth--;
      }
    }
    if (depth > 0) this.fail(quoted ? 'unterminated quoted string' : `unbalanced '${open}': no matching '${close}'`, i, path, field);
    return j;
  }

  /** After a member: a ',' (and more members), or the end of the map. Returns where the next member starts. */
  private eatSeparator(i: number, stop: number, path: string, field: string): number {
    if (i >= stop) return stop;
    if (this.text[i] === ',') return i + 1;
    return this.fail(`expected ',' or '}' after a value, found '${this.text[i]}'`, i, path, field);
  }

  /** A value as ServiceStack's FromCsvField reads it (see unquote). */
  private unescape(start: number, stop: number): string {
    return unquote(this.text.slice(start, stop));
  }

  private onlyWhitespace(start: number, stop: number): boolean {
    for (let i = start; i < stop; i++) if (!isWhitespace(this.text.charCodeAt(i))) return false;
    return true;
  }

  private deeper(depth: number, at: number, path: string, field: string): number {
    if (depth + 1 > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth} levels`, at, path, field);
    return depth + 1;
  }

  private fail(problem: string, at: number, path: string, field: string): never {
    const where = path ? ` in '${path}'` : '';
    throw new WireParseError(`Invalid JSV at position ${at}${where}: ${problem}.`, 'jsv', field || undefined);
  }
}

/** FromCsvField: text starting with a quote loses its outer quotes and `""` becomes `"`. */
export function unquote(text: string): string {
  if (!text.startsWith(QUOTE) || text.length < 2) return text;
  return text.slice(1, -1).replaceAll('""', QUOTE);
}

/** .NET's char.IsWhiteSpace for the characters that matter here. */
function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x85 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680;
}
