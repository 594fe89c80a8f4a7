import { defaultOf, isRecord, wrongValue } from './canonical.js';
import { formatDouble } from './scalar-text.js';
import type { WireObject, WireType } from './wire-type.js';

/**
 * Writes a DTO as ServiceStack.Text's TypeSerializer does: `{name:value,...}` and `[a,b]` with no
 * whitespace at all, camelCase names in declaration order, nulls left out (null dictionary entries
 * too), value types always written, `True`/`False`, enums by bare name.
 */
export function writeJsv(value: unknown, type: WireObject): string {
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
    out += `${prop.name}:${writeValue(member, prop.type, path ? `${path}.${prop.name}` : prop.name)}`;
  }
  return `${out}}`;
}

function writeValue(value: unknown, type: WireType, path: string): string {
  // A null list item is written as nothing, as ServiceStack does; canonical values hold none.
  if (value === null || value === undefined) return '';
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? jsvString(value) : wrongValue(path, 'a string', value);
    case 'boolean':
      // TextWriter.Write(bool) prints Boolean.ToString(): capitalised.
      return value === true ? 'True' : value === false ? 'False' : wrongValue(path, 'a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? String(value) : wrongValue(path, 'an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? formatDouble(value) : wrongValue(path, 'a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? value : wrongValue(path, `a ${type.name} member`, value);
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
        out += `${jsvString(key)}:${writeValue(entry, type.value, `${path}[${JSON.stringify(key)}]`)}`;
      }
      return `${out}}`;
    }
    case 'object':
      return writeObject(value, type.type, path);
  }
}

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
