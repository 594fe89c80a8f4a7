import fc from 'fast-check';
import type { WireObject, WireProperty } from '../spec/wire-type.js';
import type { DataPool } from './data-pool.js';
import type { QueryValue } from './contract-request.js';
import type { ListShape } from './list-conventions.js';
import type { ParameterInfo, Schema } from './openapi-lookup.js';

const DAY_MS = 86_400_000;

/**
 * fast-check arbitraries for valid request values, derived from each parameter's schema and fed by
 * the target's own data. A parameter with no valid value to offer (a filter on ids the target never
 * showed, a free-text search with nothing to search for) is left out rather than guessed.
 */
export function queryArbitrary(params: readonly ParameterInfo[], shape: ListShape | undefined, pool: DataPool, now: Date, source?: string): fc.Arbitrary<Record<string, QueryValue>> {
  const model: Record<string, fc.Arbitrary<QueryValue>> = {};
  for (const p of params) {
    if (p.in !== 'query' || isUsedWithCare(p)) continue;
    const arb = parameterArbitrary(p, shape, pool, now, source);
    if (arb) model[p.name] = arb;
  }
  // A few parameters at a time: with all of them at once nearly every answer is empty, and an empty
  // page satisfies every invariant vacuously.
  const names = Object.keys(model);
  return fc
    .subarray(names, { minLength: 0, maxLength: Math.min(MAX_PARAMS_PER_REQUEST, names.length) })
    .chain((picked) => fc.record(Object.fromEntries(picked.map((n) => [n, model[n]!])) as Record<string, fc.Arbitrary<QueryValue>>));
}

const MAX_PARAMS_PER_REQUEST = 3;

/** The spec itself warns against some parameters ("should be used with care", i.e. all=true). */
export function isUsedWithCare(p: ParameterInfo): boolean {
  return /with care/i.test(p.description ?? '');
}

function parameterArbitrary(p: ParameterInfo, shape: ListShape | undefined, pool: DataPool, now: Date, source: string | undefined): fc.Arbitrary<QueryValue> | undefined {
  const s = p.schema;
  const lname = p.name.toLowerCase();
  const filter = shape?.filters.find((f) => f.param === p.name);
  if (filter && shape) {
    const seen = distinct(pool.objectsOf(shape.itemType.name, source).map((o) => o[filter.itemProp]));
    const values = seen.slice(0, 50);
    return values.length ? fc.subarray(values, { minLength: 1, maxLength: Math.min(2, values.length) }) : undefined;
  }
  if (shape && p.name === shape.params.sortField) {
    const names = sortableProperties(shape.itemType).map((x) => x.name);
    return names.length ? fc.constantFrom(...names, ...names.map(pascal)) : undefined;
  }
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...s.enum.map(String));
  switch (typeOf(s)) {
    case 'integer': {
      const isPage = shape?.params.page === p.name;
      const isCount = shape?.params.countPerPage === p.name;
      const min = Math.max(typeof s.minimum === 'number' ? s.minimum : 0, isCount ? 1 : 0);
      const max = Math.min(typeof s.maximum === 'number' ? s.maximum : Number.MAX_SAFE_INTEGER, isPage ? 4 : isCount ? 30 : 10);
      return fc.integer({ min, max });
    }
    case 'number':
      return fc.integer({ min: 0, max: 10 });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (isDate(p)) return dateArbitrary(now);
      if (/id$/i.test(p.name) && shape) {
        const ids = pool.idsOf(shape.itemType.name, source);
        return ids.length ? fc.constantFrom(...ids.slice(0, 50)) : undefined;
      }
      const texts = pool.textsUnder(lname).filter((t) => t.length >= 3);
      return texts.length ? substringOf(texts.slice(0, 50)) : undefined;
    }
    default:
      return undefined;
  }
}

/** Scalars a list can be sorted on: strings, numbers, booleans and enums (not lists or objects). */
export function sortableProperties(type: WireObject): WireProperty[] {
  return type.properties.filter((p) => ['string', 'integer', 'number', 'boolean', 'enum'].includes(p.type.kind));
}

/** YYYY-MM-DD parameters, by format or by the description the pages give them. */
export function isDate(p: ParameterInfo): boolean {
  return p.schema.format === 'date' || /YYYY-MM-DD/.test(p.description ?? '') || /YYYY-MM-DD/.test(p.schema.description ?? '');
}

function dateArbitrary(now: Date): fc.Arbitrary<string> {
  return fc.integer({ min: -70, max: 1 }).map((d) => new Date(now.getTime() + d * DAY_MS).toISOString().slice(0, 10));
}

function substringOf(texts: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 3, max: 8 }))
    .map(([t, start, len]) => {
      const from = start % Math.max(1, t.length - 2);
      return t.slice(from, from + len);
    })
    // Leading/trailing spaces and commas would be read differently by ServiceStack's binder; keep the search plain.
    .map((t) => t.replace(/,/g, '').trim())
    .filter((t) => t.length > 0);
}

/**
 * Strings that break naive writers and readers: the JSV quoting set (" : , { } [ ]), line breaks,
 * leading and trailing spaces, XML specials, non-ASCII and astral characters.
 */
export function hostileString(): fc.Arbitrary<string> {
  const pieces = fc.constantFrom('"', ':', ',', '{', '}', '[', ']', '\n', '\r\n', ' ', '<', '>', '&', "'", 'é', '日本', '😀', 'True', 'null', 'a', 'Z', '0');
  return fc.array(pieces, { minLength: 1, maxLength: 8 }).map((parts) => `evo ${parts.join('')}`);
}

export function typeOf(s: Schema): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  return undefined;
}

function distinct(values: unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''))];
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
