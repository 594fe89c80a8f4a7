import { atStep, defaultOf, isRecord, itemStep, keyStep, memberStep, writeError, wrongValue } from './canonical.js';
import { flatten, fragmentCache, MIN_CACHED_FRAGMENT } from './fragment-cache.js';
import { formatDouble } from './scalar-text.js';
import type { WireObject, WireProperty, WireType } from './wire-type.js';

/**
 * Writes a DTO as ServiceStack.Text's TypeSerializer does: `{name:value,...}` and `[a,b]` with no
 * whitespace at all, camelCase names in declaration order, nulls left out (null dictionary entries
 * too), value types always written, `True`/`False`, enums by bare name.
 *
 * Deep-frozen objects at the top (the document, or the items of its lists when the document itself
 * is built per request) go through the fragment cache (fragment-cache.ts).
 */
export function writeJsv(value: unknown, type: WireObject): string {
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
  /** `name:`, and `,name:` for every member after the first written. */
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
      first: `${prop.name}:`,
      next: `,${prop.name}:`,
      fallback: prop.valueType ? defaultOf(prop.type) : undefined,
      step: memberStep(prop.name),
    }));
    plans.set(type, plan);
  }
  return plan;
}

/** False once the fragment being written turned out to hold something that is not frozen. */
let allFrozen = true;

/** See json-writer.ts: the same rule for what may come from the cache. */
function writeCandidate(value: unknown, type: WireObject, inner: boolean): string {
  if (!fragmentCache.enabled || !isRecord(value) || !Object.isFrozen(value)) return writeObject(value, type, inner);
  const hit = fragmentCache.get(value, type, 'jsv', '');
  if (hit !== undefined) return hit;
  const outer = allFrozen;
  allFrozen = true;
  const text = writeObject(value, type, false);
  const frozen = allFrozen;
  allFrozen = outer && frozen;
  // Flat either way: a list of thousands of stored sessions then holds their text, not their ropes.
  return frozen && text.length >= MIN_CACHED_FRAGMENT ? fragmentCache.offer(value, type, 'jsv', '', text) : flatten(text);
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
  // A null list item is written as nothing, as ServiceStack does; canonical values hold none.
  if (value === null || value === undefined) return '';
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? jsvString(value) : wrongValue('a string', value);
    case 'boolean':
      // TextWriter.Write(bool) prints Boolean.ToString(): capitalised.
      return value === true ? 'True' : value === false ? 'False' : wrongValue('a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? String(value) : wrongValue('an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? formatDouble(value) : wrongValue('a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? value : wrongValue(`a ${type.name} member`, value);
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
    try {
      out += writeValue(value[i], item, candidates);
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
      out += jsvString(key) + ':' + writeValue(entry, type, false);
    } catch (err) {
      atStep(err, keyStep(key));
    }
  }
  return out + '}';
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
