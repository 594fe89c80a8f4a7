import { open, readFile, unlink } from 'node:fs/promises';
import { StoreLockedError } from './store-errors.js';

const heldHere = new Set<string>();

/**
 * One process per store: two servers appending to one journal would interleave groups and each
 * compaction would drop the other's sessions. The lock file holds the owner's pid; a lock whose
 * process is gone (a SIGKILL) is taken over.
 */
export async function acquireLock(lockFile: string, storeFile: string): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(lockFile, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      heldHere.add(lockFile);
      return async () => {
        heldHere.delete(lockFile);
        await unlink(lockFile).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
    const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner) && (owner !== process.pid || heldHere.has(lockFile))) {
      throw new StoreLockedError(storeFile, owner);
    }
    await unlink(lockFile).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
