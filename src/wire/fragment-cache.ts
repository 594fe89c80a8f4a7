import type { WireFormat } from './codec.js';
import type { WireObject } from '../spec/wire-type.js';

/**
 * Serialized DTO fragments of immutable values, so that a page of stored sessions is written as a
 * join of strings already made rather than by walking every member of every session again.
 *
 * Why it can never serve stale or wrong bytes:
 * - A writer's output is a pure function of (value, WireObject, format, context): no clock, no
 *   options, no global state that changes what is written.
 * - The writers offer a fragment only for a value they found deep-frozen while writing it (every
 *   object and array they visited, the value itself included, was Object.isFrozen): its members
 *   cannot be reassigned, added or removed, so writing it again gives the same bytes. The store
 *   deep-freezes every session it holds; a copy a handler makes (`{ ...session, log: [] }`) is not
 *   frozen and is written from scratch every time.
 * - An entry is found only by the same object (identity, not equality), the same WireObject
 *   (identity), the same format, and the same context. `context` is whatever else the bytes depend
 *   on: for XML, the depth and the namespace bindings in scope (the dNpM prefixes and the prefixes
 *   looked up from the ancestors); JSON and JSV fragments depend on nothing else ('').
 * (A getter on a frozen object could still answer differently each time; DTO values are plain data
 * from JSON.parse or object literals, which have none.)
 *
 * Memory is bounded: past `budgetBytes` (string bytes plus a per-entry allowance) the oldest entry
 * not read since it last came up for eviction is dropped (the CLOCK approximation of least recently
 * used: a hit only sets a flag, so reads do not reshuffle the Map and churn its tables). A value is admitted only the second time it is written
 * (a doorkeeper remembers first sightings), so paging once through 50 000 sessions does not churn
 * the cache, and its strings do not live long enough to be promoted into the old generation for nothing.
 */

export interface FragmentCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly budgetBytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
}

interface Entry {
  readonly variants: Variant[];
  /** Read since it was last considered for eviction. */
  used: boolean;
}

interface Variant {
  readonly type: WireObject;
  readonly format: WireFormat;
  readonly context: string;
  readonly text: string;
  readonly bytes: number;
}

/** A Map entry, its variants array and a variant record, roughly, on 64-bit V8. */
const ENTRY_OVERHEAD = 96;
const VARIANT_OVERHEAD = 64;
/** One value rarely needs more: e.g. a session as a list item and as a document root in XML. */
const MAX_VARIANTS = 4;
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

export const DEFAULT_FRAGMENT_CACHE_BYTES = 4 * 1024 * 1024;

/** Shorter fragments are cheaper to write again than to keep (an entry costs about 160 bytes). */
export const MIN_CACHED_FRAGMENT = 256;

export class FragmentCache {
  /** Off: writers neither look up nor offer (the micro-benchmark's cold figures). */
  enabled = true;
  private readonly entries = new Map<object, Entry>();
  private bytes = 0;
  private seen = new WeakSet<object>();
  private seenCount = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(public budgetBytes: number = DEFAULT_FRAGMENT_CACHE_BYTES) {}

  get(value: object, type: WireObject, format: WireFormat, context: string): string | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(value);
    if (entry !== undefined) {
      for (const v of entry.variants) {
        if (v.type === type && v.format === format && v.context === context) {
          this.hits++;
          entry.used = true;
          return v.text;
        }
      }
    }
    this.misses++;
    return undefined;
  }

  /**
   * A writer's output for a value it found deep-frozen. Kept from the second offer of the same value
   * on. Returns the text flattened, kept or not, for the caller to use.
   */
  offer(value: object, type: WireObject, format: WireFormat, context: string, text: string): string {
    const flat = flatten(text);
    if (!this.enabled || this.budgetBytes <= 0) return flat;
    if (!this.seen.has(value)) {
      this.remember(value);
      return flat;
    }
    const bytes = (NOT_LATIN1.test(flat) ? 2 * flat.length : flat.length) + VARIANT_OVERHEAD;
    if (bytes + ENTRY_OVERHEAD > this.budgetBytes) return flat;
    let entry = this.entries.get(value);
    if (entry === undefined) {
      // It was written twice already (see the doorkeeper): it starts with its second chance.
      entry = { variants: [], used: true };
      this.entries.set(value, entry);
      this.bytes += ENTRY_OVERHEAD;
    } else {
      const { variants } = entry;
      const same = variants.findIndex((v) => v.type === type && v.format === format && v.context === context);
      const drop = same >= 0 ? same : variants.length >= MAX_VARIANTS ? 0 : -1;
      if (drop >= 0) this.bytes -= (variants.splice(drop, 1)[0] as Variant).bytes;
    }
    entry.variants.push({ type, format, context, text: flat, bytes });
    this.bytes += bytes;
    this.evictOverBudget();
    return flat;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.seen = new WeakSet();
    this.seenCount = 0;
  }

  stats(): FragmentCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, budgetBytes: this.budgetBytes, hits: this.hits, misses: this.misses, evictions: this.evictions };
  }

  private remember(value: object): void {
    // Bounded too: forgetting first sightings only delays admission.
    if (++this.seenCount > 65_536) {
      this.seen = new WeakSet();
      this.seenCount = 1;
    }
    this.seen.add(value);
  }

  /**
   * CLOCK: the oldest entry goes unless it was read since; then it moves to the back with its flag
   * cleared. Every turn clears a flag or evicts, so the loop ends.
   */
  private evictOverBudget(): void {
    while (this.bytes > this.budgetBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done === true) return;
      const [value, entry] = oldest.value;
      this.entries.delete(value);
      if (entry.used) {
        entry.used = false;
        this.entries.set(value, entry);
        continue;
      }
      this.bytes -= ENTRY_OVERHEAD;
      for (const v of entry.variants) this.bytes -= v.bytes;
      this.evictions++;
    }
  }
}

/**
 * A string built with `+=` is a rope of every piece, about five times the size of its text; kept in a
 * cache, or held while a long list is written (a scavenge then promotes the whole rope), it holds them
 * all. Reading a character makes V8 flatten it in place into one sequential string.
 */
export function flatten(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The one cache the codecs share: one budget for every format. */
export const fragmentCache = new FragmentCache();
