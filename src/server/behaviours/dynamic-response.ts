import { randomBytes } from 'node:crypto';
import type { WireObject, WireType } from '../../spec/wire-type.js';

/**
 * A random answer of the operation's response type, as Prism's `Prefer: dynamic=true` gives one: every
 * member filled with a value of its type (ids as ServiceStack's 32-hex Guids, members named like dates
 * as ISO date-times, enums from their members, one to three items per list). It has the spec's shape;
 * it is not the store's data, which is what the ordinary answer is for.
 */
export function dynamicValue(type: WireObject, random: () => number = Math.random): Record<string, unknown> {
  return objectValue(type, random, 0);
}

/** Nested DTOs (a member's members' ...) stop here, so a self-referencing type cannot recurse forever. */
const MAX_DEPTH = 4;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'];

function objectValue(type: WireObject, random: () => number, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of type.properties) {
    const v = value(p.type, p.name, random, depth + 1);
    if (v !== undefined) out[p.name] = v;
  }
  return out;
}

function value(type: WireType, name: string, random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  switch (type.kind) {
    case 'string': {
      const lower = name.toLowerCase();
      if (/date|time|(?:^|[a-z])at$/.test(lower)) return new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * 86_400_000)).toISOString();
      if (lower === 'id' || lower.endsWith('id')) return randomBytes(16).toString('hex');
      if (lower.includes('email')) return `${pick(WORDS)}@example.com`;
      if (lower.includes('url')) return `http://127.0.0.1/${pick(WORDS)}`;
      if (lower.includes('number') || lower.includes('address')) return `+1555${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
      return `${pick(WORDS)} ${pick(WORDS)}`;
    }
    case 'boolean':
      return random() < 0.5;
    case 'integer':
      return Math.floor(random() * 100);
    case 'number':
      return Math.round(random() * 10_000) / 100;
    case 'enum':
      return pick(type.members);
    case 'list': {
      if (depth > MAX_DEPTH) return [];
      const n = 1 + Math.floor(random() * 3);
      return Array.from({ length: n }, () => value(type.item, name, random, depth + 1));
    }
    case 'dictionary':
      return depth > MAX_DEPTH ? {} : { [pick(WORDS)]: value(type.value, name, random, depth + 1) };
    case 'object':
      return depth > MAX_DEPTH ? undefined : objectValue(type.type, random, depth);
  }
}
