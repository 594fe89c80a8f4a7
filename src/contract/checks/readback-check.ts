import type { WireObject, WireProperty } from '../../spec/wire-type.js';
import { fail, pass, type CheckResult } from '../check-result.js';

const SCALAR = new Set(['string', 'integer', 'number', 'boolean', 'enum']);

/** A write answers with what it was given: each member sent comes back unchanged (verbatim strings). */
export function checkEcho(sent: Readonly<Record<string, unknown>>, received: Record<string, unknown>, members: readonly WireProperty[]): CheckResult {
  const diffs: string[] = [];
  for (const m of members) {
    if (!(m.name in sent)) continue;
    if (received[m.name] !== sent[m.name]) diffs.push(`${m.name}: sent ${JSON.stringify(sent[m.name])}, got ${JSON.stringify(received[m.name])}`);
  }
  return diffs.length ? fail('readback', `the created object does not echo what was sent: ${diffs.join('; ')}`) : pass('readback', 'the created object echoes every member sent');
}

/**
 * What was created reads back the same: every scalar member of the created object equals the one read
 * by id. Lists are left out, since a reader may legitimately omit them (GetSession's empty log).
 */
export function checkReadback(created: Record<string, unknown>, read: Record<string, unknown>, type: WireObject): CheckResult {
  const diffs = scalarDiffs(created, read, type);
  return diffs.length ? fail('readback', `read back differently: ${diffs.join('; ')}`) : pass('readback', `read back ${type.name} ${String(created['id'])} unchanged`);
}

export function scalarDiffs(a: Record<string, unknown>, b: Record<string, unknown>, type: WireObject): string[] {
  const diffs: string[] = [];
  for (const p of type.properties) {
    if (!SCALAR.has(p.type.kind)) continue;
    if (a[p.name] !== b[p.name]) diffs.push(`${p.name}: ${JSON.stringify(a[p.name])} vs ${JSON.stringify(b[p.name])}`);
  }
  return diffs;
}
