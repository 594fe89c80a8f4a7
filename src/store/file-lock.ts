import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreLockedError } from './store-errors.js';

/** The contents of the locks and guards this process holds or is taking (a second open in the same process is refused too). */
const heldHere = new Set<string>();

/** A takeover guard's holder dying mid-takeover is itself a stale lock; past this depth something else is wrong. */
const MAX_GUARD_DEPTH = 4;
/** How long a starter waits for another one's takeover (a few file operations) before giving up. */
const TAKEOVER_WAIT_MS = 5_000;
/** A lock file with no pid yet may be an older evo-mock between create and write; after this it is stale. */
const EMPTY_GRACE_MS = 500;

/** Thrown inside claim(): `file` is held by a live process. */
class Held extends Error {
  constructor(readonly pid: number) {
    super(`held by ${pid}`);
  }
}

/**
 * One process per store: two servers appending to one journal would interleave groups and each
 * compaction would drop the other's sessions. The lock file names its owner (pid, then a nonce) and
 * appears with that content already in it (written aside, then hard-linked into place, which fails if
 * the file exists), so no reader ever sees it empty. A lock whose process is gone (a SIGKILL) or is an
 * unreaped zombie is stale and is replaced by rename, which swaps in the new owner with no moment
 * without a lock. Two starters that find the same stale lock must not both replace it (the second
 * would overwrite the first's fresh lock): each first takes a guard named after exactly the content it
 * judged stale, with the same create-if-absent step, and replaces the lock only if it still holds that
 * content. Of N simultaneous starters exactly one serves; the others see its live pid and refuse.
 */
export async function acquireLock(lockFile: string, storeFile: string): Promise<() => Promise<void>> {
  const content = `${process.pid}\n${randomBytes(12).toString('hex')}\n`;
  // Held from the first step, so a second acquireLock in this process sees its guards and lock as live.
  heldHere.add(content);
  try {
    await claim(lockFile, content, 0);
  } catch (err) {
    heldHere.delete(content);
    if (err instanceof Held) throw new StoreLockedError(storeFile, err.pid);
    throw err;
  }
  return async () => {
    heldHere.delete(content);
    // Only our own lock: never remove one that someone took over from us (after a pause long enough to look dead).
    if ((await readFile(lockFile, 'utf8').catch(() => '')) === content) await unlink(lockFile).catch(() => undefined);
  };
}

/** Makes `file` hold `content`, or throws Held naming the live owner. */
async function claim(file: string, content: string, depth: number): Promise<void> {
  if (depth > MAX_GUARD_DEPTH) throw new Error(`${file}: too many interrupted takeovers of this lock; delete the ${file.replace(/(\.lock).*$/, '$1')}* files if no evo-mock is running.`);
  const deadline = Date.now() + TAKEOVER_WAIT_MS;
  for (;;) {
    if (await createWith(file, content)) return;
    const seen = await readLock(file);
    if (seen === undefined) continue; // released in between: try to create it again
    if (isHeld(seen)) throw new Held(seen.pid);
    // Stale. Only the holder of this content's guard may replace it.
    const guard = `${file}.takeover-${createHash('sha256').update(seen.text).digest('hex').slice(0, 16)}`;
    try {
      await claim(guard, content, depth + 1);
    } catch (err) {
      if (!(err instanceof Held)) throw err;
      // Another starter is replacing this stale lock: look again once it has (its lock will be live).
      if (Date.now() > deadline) throw new Held(err.pid);
      await sleep(10);
      continue;
    }
    try {
      if ((await readLock(file))?.text === seen.text) {
        await replaceWith(file, content);
        return;
      }
    } finally {
      await unlink(guard).catch(() => undefined);
    }
  }
}

interface LockContent {
  readonly text: string;
  /** NaN when the file holds no pid. */
  readonly pid: number;
}

/** The lock's content; undefined if there is no lock file. An empty file is given a moment to be written. */
async function readLock(file: string): Promise<LockContent | undefined> {
  const started = Date.now();
  for (;;) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    // Older versions wrote just the pid, after creating the file empty.
    if (text.trim() !== '' || Date.now() - started > EMPTY_GRACE_MS) return { text, pid: Number(text.split('\n')[0]!.trim()) };
    await sleep(20);
  }
}

function isHeld(lock: LockContent): boolean {
  if (!Number.isInteger(lock.pid) || lock.pid <= 0) return false;
  // Our own pid in a lock we do not hold is a previous process that had the same pid (a restarted container).
  if (lock.pid === process.pid) return heldHere.has(lock.text);
  return isRunning(lock.pid);
}

/** Alive and not a zombie (a zombie still answers kill(pid, 0) until its parent reaps it). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return false; // no /proc (macOS, Windows): kill(pid, 0) is all there is
  }
  // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'.
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

/** Creates `file` holding `content` in one step: false if it exists. */
async function createWith(file: string, content: string): Promise<boolean> {
  const aside = await writeAside(file, content);
  try {
    await link(aside, file);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A filesystem without hard links: exclusive create, then write (readers wait out the empty moment).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(file, content);
    throw err;
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function createExclusive(file: string, content: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await fh.writeFile(content);
  } finally {
    await fh.close();
  }
  return true;
}

/** Replaces `file` with one holding `content`, atomically. */
async function replaceWith(file: string, content: string): Promise<void> {
  const aside = await writeAside(file, content);
  try {
    await rename(aside, file);
  } catch (err) {
    await unlink(aside).catch(() => undefined);
    throw err;
  }
}

async function writeAside(file: string, content: string): Promise<string> {
  const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, content, { flag: 'wx' });
  return aside;
}
