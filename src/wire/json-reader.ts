import { WireParseError } from './codec.js';
import { canonicalObject, findProperty, isRecord, setOwn } from './canonical.js';
import { clip, readBoolean, readDouble, readEnum, readInt32, type ScalarContext } from './scalar-text.js';
import type { WireObject, WireType } from '../spec/wire-type.js';

/**
 * Reads a JSON body as ServiceStack.Text's JSON deserializer does: member names in any case,
 * unknown members ignored, null as absent, and scalars lenient in the same way (ServiceStack reads
 * the raw token, so "25" fills an Int32, "true" or 1 a bool, a number a string member).
 */

export interface JsonReadOptions {
  /** Longest body read, in characters. */
  readonly maxLength?: number;
  /** Deepest nesting of objects and arrays accepted. */
  readonly maxDepth?: number;
}

export const DEFAULT_JSON_MAX_LENGTH = 10 * 1024 * 1024;
export const DEFAULT_JSON_MAX_DEPTH = 64;

export function readJson(body: string, type: WireObject, options: JsonReadOptions = {}): Record<string, unknown> {
  // .NET's StreamReader drops a byte-order mark before ServiceStack sees the text.
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  const maxLength = options.maxLength ?? DEFAULT_JSON_MAX_LENGTH;
  if (text.length > maxLength) {
    throw new WireParseError(`The JSON body is ${text.length} characters long; at most ${maxLength} are accepted.`, 'json');
  }
  // ServiceStack hands an empty body to no deserializer: the request DTO is simply empty.
  if (text.trim() === '') return canonicalObject({}, type);
  checkDepth(text, options.maxDepth ?? DEFAULT_JSON_MAX_DEPTH);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new WireParseError(`The body is not valid JSON: ${(error as Error).message}.`, 'json');
  }
  if (parsed === null) return canonicalObject({}, type);
  return readObject(parsed, type, '', '');
}

function readObject(value: unknown, type: WireObject, path: string, field: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, field, `expected a ${type.name} object`, value);
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    const prop = findProperty(type, key);
    if (!prop) continue;
    const memberPath = path ? `${path}.${prop.name}` : prop.name;
    const read = readValue(member, prop.type, memberPath, field || prop.clrName);
    if (read === undefined) delete out[prop.name];
    else out[prop.name] = read;
  }
  return canonicalObject(out, type);
}

function readValue(value: unknown, type: WireType, path: string, field: string): unknown {
  if (value === null || value === undefined) return undefined;
  const ctx: ScalarContext = { format: 'json', path, fieldName: field };
  switch (type.kind) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      return fail(path, field, 'expected a string', value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' || typeof value === 'number') return readBoolean(String(value), ctx);
      return fail(path, field, 'expected true or false', value);
    case 'integer':
      if (typeof value === 'string' || typeof value === 'number') return readInt32(numberText(value), ctx);
      return fail(path, field, 'expected a whole number', value);
    case 'number':
      if (typeof value === 'string' || typeof value === 'number') return readDouble(numberText(value), ctx);
      return fail(path, field, 'expected a number', value);
    case 'enum':
      if (typeof value === 'string' || typeof value === 'number') return readEnum(String(value), type, ctx);
      return fail(path, field, `expected one of ${type.members.join(', ')}`, value);
    case 'list': {
      if (!Array.isArray(value)) return fail(path, field, 'expected an array', value);
      const items: unknown[] = [];
      value.forEach((item, i) => {
        const read = readValue(item, type.item, `${path}[${i}]`, field);
        if (read !== undefined) items.push(read);
      });
      return items;
    }
    case 'dictionary': {
      if (!isRecord(value)) return fail(path, field, 'expected an object of name/value pairs', value);
      const out: Record<string, unknown> = {};
      for (const [key, entry] of Object.entries(value)) {
        const read = readValue(entry, type.value, `${path}[${JSON.stringify(key)}]`, field);
        if (read !== undefined) setOwn(out, key, read);
      }
      return out;
    }
    case 'object':
      return readObject(value, type.type, path, field);
  }
}

/** Numbers keep their JSON spelling where it matters: 1e3 is not an Int32 to .NET, 1000 is. */
function numberText(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

function fail(path: string, field: string, problem: string, value: unknown): never {
  const got = Array.isArray(value) ? 'an array' : isRecord(value) ? 'an object' : clip(JSON.stringify(value));
  throw new WireParseError(`Invalid JSON for '${path || '(body)'}': ${problem}, got ${got}.`, 'json', field || undefined);
}

/** Refuses pathological nesting before JSON.parse recurses into it. Skips string contents. */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > maxDepth) {
        throw new WireParseError(`The JSON body is nested deeper than ${maxDepth} levels.`, 'json');
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
}
