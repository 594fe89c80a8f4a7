import { atStep, defaultOf, isRecord, itemStep, keyStep, memberStep, writeError, wrongValue } from './canonical.js';
import { flatten, fragmentCache, MIN_CACHED_FRAGMENT } from './fragment-cache.js';
import { formatDouble } from './scalar-text.js';
import type { WireObject, WireProperty, WireType } from '../spec/wire-type.js';

/**
 * What sets JSON and JSV apart: both are ServiceStack.Text's `{name:value,...}` / `[a,b]` grammar with
 * camelCase names in declaration order, nulls left out (null dictionary entries too) and value types
 * always written; they differ only in how names and scalars are spelled.
 */
export interface BraceDialect {
  readonly format: 'json' | 'jsv';
  /** The text before a member's value, e.g. `"name":` or `name:`. */
  memberName(name: string): string;
  string(value: string): string;
  boolean(value: boolean): string;
  enumMember(value: string): string;
  /** How a null list item is written (canonical values hold none). */
  readonly nullItem: string;
}

/** A member with the text written before its value precomputed. */
interface Member {
  readonly prop: WireProperty;
  /** The name text, and the same after a comma for every member after the first written. */
  readonly first: string;
  readonly next: string;
  /** The CLR default written for a missing value type; undefined for reference types. */
  readonly fallback: unknown;
  readonly step: string;
}

/**
 * A writer for one dialect. Deep-frozen objects at the top (the document, or the items of its lists
 * when the document itself is built per request) go through the fragment cache (fragment-cache.ts).
 */
export function createBraceWriter(dialect: BraceDialect): {
  write(value: unknown, type: WireObject): string;
  writeChunks(value: unknown, type: WireObject, chunkChars: number): Generator<string, void, undefined>;
} {
  const plans = new WeakMap<WireObject, readonly Member[]>();
  /** False once the fragment being written turned out to hold something that is not frozen. */
  let allFrozen = true;

  function planOf(type: WireObject): readonly Member[] {
    let plan = plans.get(type);
    if (!plan) {
      plan = type.properties.map((prop) => ({
        prop,
        first: dialect.memberName(prop.name),
        next: ',' + dialect.memberName(prop.name),
        fallback: prop.valueType ? defaultOf(prop.type) : undefined,
        step: memberStep(prop.name),
      }));
      plans.set(type, plan);
    }
    return plan;
  }

  /**
   * An object that may come from (or go to) the fragment cache. `inner` says whether the objects right
   * below it are candidates too: only when this one is not cached as a whole (a response built per
   * request around stored sessions).
   */
  function writeCandidate(value: unknown, type: WireObject, inner: boolean): string {
    if (!fragmentCache.enabled || !isRecord(value) || !Object.isFrozen(value)) return writeObject(value, type, inner);
    const hit = fragmentCache.get(value, type, dialect.format, '');
    if (hit !== undefined) return hit;
    const outer = allFrozen;
    allFrozen = true;
    const text = writeObject(value, type, false);
    const frozen = allFrozen;
    allFrozen = outer && frozen;
    // Flat either way: a list of thousands of stored sessions then holds their text, not their ropes.
    return frozen && text.length >= MIN_CACHED_FRAGMENT ? fragmentCache.offer(value, type, dialect.format, '', text) : flatten(text);
  }

  function writeObject(value: unknown, type: WireObject, candidates: boolean): string {
    if (!isRecord(value)) return wrongValue(`a ${type.name} object`, value);
    if (!Object.isFrozen(value)) allFrozen = false;
    const plan = planOf(type);
    return '{' + writeMemberRange(value, plan, 0, plan.length, candidates, false) + '}';
  }

  /**
   * Members `from` to `to` (exclusive) of a plan, missing ones left out; `written` says whether members
   * came before them, so that the first one written here starts with a comma or not.
   */
  function writeMemberRange(value: Record<string, unknown>, plan: readonly Member[], from: number, to: number, candidates: boolean, written: boolean): string {
    let out = '';
    for (let i = from; i < to; i++) {
      const m = plan[i]!;
      let member = value[m.prop.name];
      if (member === undefined || member === null) {
        member = m.fallback;
        if (member === undefined) continue;
      }
      out += written ? m.next : m.first;
      written = true;
      try {
        out += writeValue(member, m.prop.type, candidates);
      } catch (err) {
        atStep(err, m.step);
      }
    }
    return out;
  }

  function writeValue(value: unknown, type: WireType, candidates: boolean): string {
    switch (type.kind) {
      case 'string':
        return typeof value === 'string' ? dialect.string(value) : wrongValue('a string', value);
      case 'boolean':
        return typeof value === 'boolean' ? dialect.boolean(value) : wrongValue('a boolean', value);
      case 'integer':
        return Number.isInteger(value) ? String(value) : wrongValue('an integer', value);
      case 'number':
        return typeof value === 'number' && Number.isFinite(value) ? formatDouble(value) : wrongValue('a finite number', value);
      case 'enum':
        return typeof value === 'string' && type.members.includes(value) ? dialect.enumMember(value) : wrongValue(`a ${type.name} member`, value);
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
    return '[' + writeItems(value, item, candidates, 0, value.length) + ']';
  }

  /** Items `from` to `to` (exclusive) of a list, each after a comma but the list's first. */
  function writeItems(value: readonly unknown[], item: WireType, candidates: boolean, from: number, to: number): string {
    let out = '';
    for (let i = from; i < to; i++) {
      if (i > 0) out += ',';
      const entry: unknown = value[i];
      try {
        out += entry === null || entry === undefined ? dialect.nullItem : writeValue(entry, item, candidates);
      } catch (err) {
        atStep(err, itemStep(i));
      }
    }
    return out;
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
        out += dialect.string(key) + ':' + writeValue(entry, type, false);
      } catch (err) {
        atStep(err, keyStep(key));
      }
    }
    return out + '}';
  }

  /**
   * The same bytes as the writer, in pieces of about `chunkChars`: the document's own lists are cut
   * between items (Codec.stringifyChunks), the members between them written as writeObject does. The
   * document itself is never a cache candidate here: one large enough to stream is built per request.
   */
  function* writeChunks(value: unknown, type: WireObject, chunkChars: number): Generator<string, void, undefined> {
    if (!isRecord(value)) {
      yield write(value, type);
      return;
    }
    try {
      const plan = planOf(type);
      let out = '{';
      let written = false;
      let from = 0;
      for (let i = 0; i < plan.length; i++) {
        const m = plan[i]!;
        const list = value[m.prop.name];
        if (m.prop.type.kind !== 'list' || !Array.isArray(list)) continue;
        const before = writeMemberRange(value, plan, from, i, true, written);
        out += before + (written || before !== '' ? m.next : m.first) + '[';
        written = true;
        from = i + 1;
        try {
          for (let at = 0; at < list.length; at += ITEMS_PER_STEP) {
            out += writeItems(list, m.prop.type.item, true, at, Math.min(at + ITEMS_PER_STEP, list.length));
            if (out.length >= chunkChars) {
              yield out;
              out = '';
            }
          }
        } catch (err) {
          atStep(err, m.step);
        }
        out += ']';
      }
      yield out + writeMemberRange(value, plan, from, plan.length, true, written) + '}';
    } catch (err) {
      throw writeError(err);
    }
  }

  function write(value: unknown, type: WireObject): string {
    allFrozen = true;
    try {
      return writeCandidate(value, type, true);
    } catch (err) {
      throw writeError(err);
    }
  }

  return { write, writeChunks };
}

/** How many list items are written between looks at the chunk's length. */
const ITEMS_PER_STEP = 8;
