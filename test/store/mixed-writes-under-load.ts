/**
 * Child process for durability.test.ts: opens the store and runs many concurrent writers, each
 * creating, updating and deleting its own sessions one write at a time. Before each write it prints
 * its intent, `I WRITER OP ID VERSION` (OP is C, U or D); the moment the write resolves (is
 * acknowledged) it prints `A WRITER`. The parent kills it with SIGKILL mid-burst.
 * Usage: mixed-writes-under-load.ts DB_FILE COMPACT_AFTER_BYTES
 */
import type { StoredSession } from '../../src/store/session-store.js';
import { ACME, openSeededStore, stored } from './helpers.js';

const [file, compactAfter] = process.argv.slice(2);
if (!file) throw new Error('usage: mixed-writes-under-load.ts DB_FILE [COMPACT_AFTER_BYTES]');
const store = await openSeededStore(file, Number(compactAfter ?? 1 << 20));

const WRITERS = 40;

function entry(id: string, version: number): StoredSession {
  return stored({
    id,
    dateCreated: '2026-11-20T11:00:00.000Z',
    accountId: ACME,
    callState: version % 2 === 0 ? 'Ringing' : 'Connected',
    ended: false,
    displayName: `v${version}`,
    log: [{ date: '2026-11-20T11:00:00.000Z', message: 'x'.repeat(800 + (version % 7) * 100) }],
  });
}

async function writer(w: number): Promise<void> {
  const live = new Map<string, number>();
  let made = 0;
  // A small LCG per writer: the mix differs between writers, the run needs no shared state.
  let r = w * 2654435761;
  const rand = () => ((r = (r * 1103515245 + 12345) >>> 0) / 0x1_0000_0000);
  for (;;) {
    const roll = rand();
    const ids = [...live.keys()];
    const pick = ids[Math.floor(rand() * ids.length)];
    if (pick === undefined || roll < 0.4) {
      const id = `w${String(w).padStart(2, '0')}n${String(made++).padStart(27, '0')}`;
      process.stdout.write(`I ${w} C ${id} 0\n`);
      await store.sessions.put(entry(id, 0));
      live.set(id, 0);
    } else if (roll < 0.75) {
      const version = (live.get(pick) ?? 0) + 1;
      process.stdout.write(`I ${w} U ${pick} ${version}\n`);
      await store.sessions.put(entry(pick, version));
      live.set(pick, version);
    } else {
      process.stdout.write(`I ${w} D ${pick} 0\n`);
      await store.sessions.delete(pick);
      live.delete(pick);
    }
    process.stdout.write(`A ${w}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
