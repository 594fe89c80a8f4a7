/**
 * Child process for durability.test.ts: opens the store and creates sessions from many concurrent
 * writers, printing each id the moment its create() resolves (that is, once it is acknowledged),
 * until the parent kills it. Usage: create-under-load.ts DB_FILE COMPACT_AFTER_BYTES
 */
import { randomUUID } from 'node:crypto';
import { JsonFileStore } from '../../src/store/json-file-store.js';

const [file, compactAfter] = process.argv.slice(2);
if (!file) throw new Error('usage: create-under-load.ts DB_FILE [COMPACT_AFTER_BYTES]');
const store = await JsonFileStore.open({ file, sortFields: new Map(), compactAfterBytes: Number(compactAfter ?? 1 << 20) });
if (!store) throw new Error(`${file} does not exist; seed it first`);

const WRITERS = 50;
async function writer(w: number): Promise<void> {
  for (;;) {
    const session = await store!.create({
      session: {
        id: randomUUID().replaceAll('-', ''),
        dateCreated: store!.now().toISOString(),
        accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d',
        dialState: 'None',
        callState: 'Connected',
        queueState: 'None',
        channel: 'Voice',
        ended: false,
        holdReason: 'None',
        direction: 'Outgoing',
        wasMissed: false,
        displayName: `writer ${w}`,
        log: [{ date: store!.now().toISOString(), message: 'x'.repeat(1500) }],
      },
    });
    process.stdout.write(`${session.id}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
