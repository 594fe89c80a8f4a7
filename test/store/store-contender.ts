/**
 * Child process for durability.test.ts: on the parent's `go`, races the other contenders to open the
 * store. The one that opens it creates sessions from many concurrent writers, reporting each id the
 * moment its create() resolves (acknowledged), until the parent kills it; the others report `locked`
 * and wait for the next round.
 */
import { randomUUID } from 'node:crypto';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { StoreLockedError } from '../../src/store/store-errors.js';

type Message = { readonly kind: 'go'; readonly file: string; readonly round: number };

const WRITERS = 20;

async function race(m: Message): Promise<void> {
  let store: JsonFileStore | undefined;
  try {
    store = await JsonFileStore.open({ file: m.file, sortFields: new Map(), compactAfterBytes: 100_000 });
  } catch (err) {
    process.send!({ round: m.round, outcome: err instanceof StoreLockedError ? 'locked' : `error: ${String(err)}` });
    return;
  }
  if (!store) throw new Error(`${m.file} does not exist; seed it first`);
  process.send!({ round: m.round, outcome: 'won' });
  const s = store;
  const writer = async (w: number): Promise<void> => {
    for (;;) {
      const created = await s.create({
        session: {
          id: randomUUID().replaceAll('-', ''),
          dateCreated: s.now().toISOString(),
          accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d',
          dialState: 'None',
          callState: 'Connected',
          queueState: 'None',
          channel: 'Voice',
          ended: false,
          holdReason: 'None',
          direction: 'Outgoing',
          wasMissed: false,
          displayName: `round ${m.round} writer ${w}`,
          log: [{ date: s.now().toISOString(), message: 'x'.repeat(500) }],
        },
      });
      process.send!({ round: m.round, outcome: 'acked', id: created.id });
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

process.on('message', (m: Message) => void race(m));
process.send!({ outcome: 'ready' });
