/**
 * Child process for durability.test.ts: opens the store and creates sessions from many concurrent
 * writers, printing each id the moment its create() resolves (that is, once it is acknowledged),
 * until the parent kills it. Usage: create-under-load.ts DB_FILE COMPACT_AFTER_BYTES
 */
import { randomUUID } from 'node:crypto';
import { newCall, openSeededStore } from './helpers.js';

const [file, compactAfter] = process.argv.slice(2);
if (!file) throw new Error('usage: create-under-load.ts DB_FILE [COMPACT_AFTER_BYTES]');
const store = await openSeededStore(file, Number(compactAfter ?? 1 << 20));

const WRITERS = 50;
async function writer(w: number): Promise<void> {
  for (;;) {
    const session = await store.create({
      session: newCall({
        id: randomUUID().replaceAll('-', ''),
        dateCreated: store.now().toISOString(),
        displayName: `writer ${w}`,
        log: [{ date: store.now().toISOString(), message: 'x'.repeat(1500) }],
      }),
    });
    process.stdout.write(`${session.id}\n`);
  }
}
process.stdout.write('ready\n');
await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
