/**
 * Child process for file-lock.test.ts: waits for the parent's `go`, then races the other contenders
 * for the lock and reports whether it won; a winner holds the lock until told to release it.
 */
import { acquireLock } from '../../src/store/file-lock.js';
import { StoreLockedError } from '../../src/store/store-errors.js';

type Message = { readonly kind: 'go'; readonly lockFile: string; readonly round: number } | { readonly kind: 'release' } | { readonly kind: 'exit' };

let release: (() => Promise<void>) | undefined;
process.on('message', (m: Message) => {
  if (m.kind === 'go') {
    acquireLock(m.lockFile, 'db.json').then(
      (r) => {
        release = r;
        process.send!({ round: m.round, outcome: 'won' });
      },
      (err: unknown) => process.send!({ round: m.round, outcome: err instanceof StoreLockedError ? 'locked' : `error: ${String(err)}` }),
    );
  } else if (m.kind === 'release') {
    const r = release;
    release = undefined;
    void (r ? r() : Promise.resolve()).then(() => process.send!({ outcome: 'released' }));
  } else process.exit(0);
});
process.send!({ outcome: 'ready' });
