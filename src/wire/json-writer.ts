import { atStep, defaultOf, isRecord, itemStep, keyStep, memberStep, writeError, wrongValue } from './canonical.js';
import { flatten, fragmentCache, MIN_CACHED_FRAGMENT } from './fragment-cache.js';
import { formatDouble } from './scalar-text.js';
import type { WireObject, WireProperty, WireType } from './wire-type.js';

/**
 * Writes a DTO as ServiceStack.Text's JsonSerializer does with the host defaults: camelCase names in
 * the type's declaration order (own members, then base members), null members and null dictionary
 * entries left out, value types (bool, Int32, enum) always written, enums by name, no whitespace.
 *
 * Deep-frozen objects at the top (the document, or the items of its lists when the document itself
 * is built per request) go through the fragment cache (fragment-cache.ts), so a page of stored
 * sessions is mostly a join of strings already written.
 */
export function writeJson(value: unknown, type: WireObject): string {
  allFrozen = true;
  try {
    return writeCandidate(value, type, true);
  } catch (err) {
    throw writeError(err);
  }
}

/** A member with the text written before its value precomputed. */
interface Member {
  readonly prop: WireProperty;
  /** `"name":`, and `,"name":` for every member after the first written. */
  readonly first: string;
  readonly next: string;
  /** The CLR default written for a missing value type; undefined for reference types. */
  readonly fallback: unknown;
  readonly step: string;
}

const plans = new WeakMap<WireObject, readonly Member[]>();

function planOf(type: WireObject): readonly Member[] {
  let plan = plans.get(type);
  if (!plan) {
    plan = type.properties.map((prop) => ({
      prop,
      first: `"${prop.name}":`,
      next: `,"${prop.name}":`,
      fallback: prop.valueType ? defaultOf(prop.type) : undefined,
      step: memberStep(prop.name),
    }));
    plans.set(type, plan);
  }
  return plan;
}

/** False once the fragment being written turned out to hold something that is not frozen. */
let allFrozen = true;

/**
 * An object that may come from (or go to) the fragment cache. `inner` says whether the objects right
 * below it are candidates too: only when this one is not cached as a whole (a response built per
 * request around stored sessions).
 */
function writeCandidate(value: unknown, type: WireObject, inner: boolean): string {
  if (!fragmentCache.enabled || !isRecord(value) || !Object.isFrozen(value)) return writeObject(value, type, inner);
  const hit = fragmentCache.get(value, type, 'json', '');
  if (hit !== undefined) return hit;
  const outer = allFrozen;
  allFrozen = true;
  const text = writeObject(value, type, false);
  const frozen = allFrozen;
  allFrozen = outer && frozen;
  // Flat either way: a list of thousands of stored sessions then holds their text, not their ropes.
  return frozen && text.length >= MIN_CACHED_FRAGMENT ? fragmentCache.offer(value, type, 'json', '', text) : flatten(text);
}

function writeObject(value: unknown, type: WireObject, candidates: boolean): string {
  if (!isRecord(value)) return wrongValue(`a ${type.name} object`, value);
  if (!Object.isFrozen(value)) allFrozen = false;
  let out = '{';
  let first = true;
  for (const m of planOf(type)) {
    let member = value[m.prop.name];
    if (member === undefined || member === null) {
      member = m.fallback;
      if (member === undefined) continue;
    }
    out += first ? m.first : m.next;
    first = false;
    try {
      out += writeValue(member, m.prop.type, candidates);
    } catch (err) {
      atStep(err, m.step);
    }
  }
  return out + '}';
}

function writeValue(value: unknown, type: WireType, candidates: boolean): string {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? jsonString(value) : wrongValue('a string', value);
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : wrongValue('a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? String(value) : wrongValue('an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? formatDouble(value) : wrongValue('a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? '"' + value + '"' : wrongValue(`a ${type.name} member`, value);
    case 'list':
      return writeList(value, type.item, candidates);
    case 'dictionary':
      return writeDictionary(value, type.value);
    case 'object':
      return candidates ? writeCandidate(value, type.type, false) : writeObject(value, type.type, false);
  }
}

function writeList(value: unknown, item: WireType, candidates: boolean): string {
  if (!Array.isArray(value)) return wrongValue('an array', value);
  if (!Object.isFrozen(value)) allFrozen = false;
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    const entry: unknown = value[i];
    try {
      // A null item is written as null, as ServiceStack does; canonical values hold none.
      out += entry === null || entry === undefined ? 'null' : writeValue(entry, item, candidates);
    } catch (err) {
      atStep(err, itemStep(i));
    }
  }
  return out + ']';
}

function writeDictionary(value: unknown, type: WireType): string {
  if (!isRecord(value)) return wrongValue('a map', value);
  if (!Object.isFrozen(value)) allFrozen = false;
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (entry === null || entry === undefined) continue;
    if (!first) out += ',';
    first = false;
    try {
      out += jsonString(key) + ':' + writeValue(entry, type, false);
    } catch (err) {
      atStep(err, keyStep(key));
    }
  }
  return out + '}';
}

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
