import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { acquireLock } from '../../src/store/file-lock.js';
import { StoreLockedError } from '../../src/store/store-errors.js';
import { onCleanup, tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

type Reply = { readonly outcome: string; readonly round?: number };

/** A contender process, ready to race; `next()` is its next message. */
interface Contender {
  readonly child: ChildProcess;
  next(): Promise<Reply>;
}

async function contender(): Promise<Contender> {
  const child = fork(path.join(here, 'lock-contender.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const queue: Reply[] = [];
  const waiting: Array<(r: Reply) => void> = [];
  child.on('message', (m: Reply) => {
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const c = {
    child,
    next: () => new Promise<Reply>((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve))),
  };
  assert.equal((await c.next()).outcome, 'ready');
  return c;
}

function killed(c: Contender): Promise<void> {
  return new Promise((resolve) => {
    if (c.child.exitCode !== null || c.child.signalCode !== null) return resolve();
    c.child.once('exit', () => resolve());
    c.child.kill('SIGKILL');
  });
}

describe('the store lock', () => {
  it('lets exactly one of many simultaneous starters take a lock a SIGKILL left, round after round', async (t) => {
    const lockFile = path.join(await tempDir(t), 'db.json.lock');
    const CONTENDERS = 6;
    const ROUNDS = 12;
    const pool = await Promise.all(Array.from({ length: CONTENDERS }, () => contender()));
    onCleanup(t, () => Promise.all(pool.map(killed)));
    // Round 0 leaves the first stale lock: one holder, killed while holding it.
    let round = 0;
    const first = pool[0]!;
    first.child.send({ kind: 'go', lockFile, round });
    assert.equal((await first.next()).outcome, 'won');
    await killed(first);
    pool[0] = await contender();
    for (round = 1; round <= ROUNDS; round++) {
      for (const c of pool) c.child.send({ kind: 'go', lockFile, round });
      const outcomes = await Promise.all(pool.map((c) => c.next()));
      const winners = outcomes.flatMap((o, i) => (o.outcome === 'won' ? [i] : []));
      assert.deepEqual(
        outcomes.filter((o) => o.outcome !== 'won' && o.outcome !== 'locked'),
        [],
        'every starter either takes the lock or is refused with StoreLockedError',
      );
      assert.equal(winners.length, 1, `round ${round}: ${winners.length} of ${CONTENDERS} starters took the lock`);
      const [w] = winners as [number];
      // The lock names the winner, and is whole.
      assert.equal(Number((await readFile(lockFile, 'utf8')).split('\n')[0]), pool[w]!.child.pid);
      await killed(pool[w]!);
      pool[w] = await contender();
    }
  });

  it('takes over a lock whose process is an unreaped zombie', async (t) => {
    const dir = await tempDir(t);
    // The background sleep exits at once; its parent (exec'd into the long sleep) never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
    onCleanup(t, () => parent.kill('SIGKILL'));
    const zombie = await new Promise<number>((resolve) => parent.stdout.setEncoding('utf8').once('data', (d: string) => resolve(Number(d.trim()))));
    for (let i = 0; i < 100; i++) {
      const stat = await readFile(`/proc/${zombie}/stat`, 'utf8').catch(() => '');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const lockFile = path.join(dir, 'db.json.lock');
    await writeFile(lockFile, `${zombie}\n`);
    const release = await acquireLock(lockFile, path.join(dir, 'db.json'));
    assert.equal(Number((await readFile(lockFile, 'utf8')).split('\n')[0]), process.pid);
    await release();
  });

  it('refuses while a live process holds the lock, naming it', async (t) => {
    const dir = await tempDir(t);
    const lockFile = path.join(dir, 'db.json.lock');
    const release = await acquireLock(lockFile, path.join(dir, 'db.json'));
    onCleanup(t, release);
    await assert.rejects(acquireLock(lockFile, path.join(dir, 'db.json')), (err: unknown) => err instanceof StoreLockedError && err.pid === process.pid);
  });
});
