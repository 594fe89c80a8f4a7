import { defaultOf, isRecord, wrongValue } from './canonical.js';
import { formatDouble } from './scalar-text.js';
import type { WireObject, WireType } from './wire-type.js';

/**
 * Writes a DTO as ServiceStack.Text's JsonSerializer does with the host defaults: camelCase names in
 * the type's declaration order (own members, then base members), null members and null dictionary
 * entries left out, value types (bool, Int32, enum) always written, enums by name, no whitespace.
 */
export function writeJson(value: unknown, type: WireObject): string {
  return writeObject(value, type, '');
}

function writeObject(value: unknown, type: WireObject, path: string): string {
  if (!isRecord(value)) return wrongValue(path, `a ${type.name} object`, value);
  let out = '{';
  let first = true;
  for (const prop of type.properties) {
    let member = value[prop.name];
    if (member === undefined || member === null) {
      if (!prop.valueType) continue;
      member = defaultOf(prop.type);
      if (member === undefined) continue;
    }
    if (!first) out += ',';
    first = false;
    out += `"${prop.name}":${writeValue(member, prop.type, path ? `${path}.${prop.name}` : prop.name)}`;
  }
  return `${out}}`;
}

function writeValue(value: unknown, type: WireType, path: string): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? jsonString(value) : wrongValue(path, 'a string', value);
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : wrongValue(path, 'a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? String(value) : wrongValue(path, 'an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? formatDouble(value) : wrongValue(path, 'a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value)
        ? `"${value}"`
        : wrongValue(path, `a ${type.name} member`, value);
    case 'list': {
      if (!Array.isArray(value)) return wrongValue(path, 'an array', value);
      let out = '[';
      for (let i = 0; i < value.length; i++) {
        if (i > 0) out += ',';
        out += writeValue(value[i], type.item, `${path}[${i}]`);
      }
      return `${out}]`;
    }
    case 'dictionary': {
      if (!isRecord(value)) return wrongValue(path, 'a map', value);
      let out = '{';
      let first = true;
      for (const [key, entry] of Object.entries(value)) {
        if (entry === null || entry === undefined) continue;
        if (!first) out += ',';
        first = false;
        out += `${jsonString(key)}:${writeValue(entry, type.value, `${path}[${JSON.stringify(key)}]`)}`;
      }
      return `${out}}`;
    }
    case 'object':
      return writeObject(value, type.type, path);
  }
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f]/;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\', '\f': '\\f', '\b': '\\b' };

/**
 * JsonUtils.WriteString: quote, backslash, \n \r \t \f \b get their short escapes; other control
 * characters (char.IsControl: U+0000-U+001F, U+007F-U+009F) become \uXXXX in upper-case hex;
 * everything else, non-ASCII included, is written as is (EscapeUnicode is off by default).
 */
export function jsonString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
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
