import type { WireFormat } from '../../wire/codec.js';
import { fail, pass, type CheckResult } from '../check-result.js';

/** The same object read in two formats is the same value: no member lost, retyped or re-encoded. */
export function checkSameAcrossFormats(values: ReadonlyMap<WireFormat, Record<string, unknown>>, what: string): CheckResult {
  const entries = [...values.entries()];
  const [first] = entries;
  if (!first) return fail('cross-format', `no format answered ${what}`);
  for (const [format, value] of entries.slice(1)) {
    const diff = firstDiff(first[1], value, '');
    if (diff !== undefined) return fail('cross-format', `${what} reads differently in ${first[0].toUpperCase()} and ${format.toUpperCase()}: ${diff}`);
  }
  return pass('cross-format', `${what} reads the same in ${entries.map(([f]) => f.toUpperCase()).join(', ')}`);
}

function firstDiff(a: unknown, b: unknown, path: string): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return `${path || '/'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    if (a.length !== b.length) return `${path || '/'} has ${a.length} vs ${b.length} entries`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDiff(a[i], b[i], `${path}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
      if (d) return d;
    }
    return undefined;
  }
  return a === b ? undefined : `${path || '/'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}
