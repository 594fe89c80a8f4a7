/**
 * Child process for durability.test.ts: on the parent's `go`, races the other contenders to open the
 * store. The one that opens it creates sessions from many concurrent writers, reporting each id the
 * moment its create() resolves (acknowledged), until the parent kills it; the others report `locked`
 * and wait for the next round.
 */
import { randomUUID } from 'node:crypto';
import type { JsonFileStore } from '../../src/store/json-file-store.js';
import { StoreLockedError } from '../../src/store/store-errors.js';
import { newCall, openSeededStore } from './helpers.js';

type Message = { readonly kind: 'go'; readonly file: string; readonly round: number };

const WRITERS = 20;

async function race(m: Message): Promise<void> {
  let store: JsonFileStore | undefined;
  try {
    store = await openSeededStore(m.file, 100_000);
  } catch (err) {
    process.send!({ round: m.round, outcome: err instanceof StoreLockedError ? 'locked' : `error: ${String(err)}` });
    return;
  }
  process.send!({ round: m.round, outcome: 'won' });
  const s = store;
  const writer = async (w: number): Promise<void> => {
    for (;;) {
      const created = await s.create({
        session: newCall({
          id: randomUUID().replaceAll('-', ''),
          dateCreated: s.now().toISOString(),
          displayName: `round ${m.round} writer ${w}`,
          log: [{ date: s.now().toISOString(), message: 'x'.repeat(500) }],
        }),
      });
      process.send!({ round: m.round, outcome: 'acked', id: created.id });
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

process.on('message', (m: Message) => void race(m));
process.send!({ outcome: 'ready' });
