import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { onCleanup, tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDED = 50;

/** A store of SEEDED sessions in a temp folder, for writers to load. */
async function seededFile(t: Parameters<typeof tempDir>[0]): Promise<string> {
  const file = path.join(await tempDir(t), 'db.json');
  await seedStoreFile({ file, fixtures: await loadFixtures(), seed: 9, sessions: SEEDED, now: new Date('2026-11-20T12:00:00.000Z') });
  return file;
}

/** Opens the store the killed writers left (closed after the test). */
async function reopen(t: Parameters<typeof tempDir>[0], file: string): Promise<JsonFileStore> {
  const store = await JsonFileStore.open({ file, sortFields: new Map() });
  assert.ok(store);
  onCleanup(t, () => store.close());
  return store;
}

/**
 * Runs a writer (`script`, a child process in this folder) on `file`, hands `onLine` each line it prints, and
 * SIGKILLs it once `onLine` answers true (or after `timeoutMs`). Fails if the writer exits by itself.
 */
function writeUntilKilled(script: string, file: string, compactAfterBytes: number, timeoutMs: number, onLine: (line: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, script), file, String(compactAfterBytes)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let enough = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) enough = onLine(line) || enough;
      if (enough && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve();
    });
  });
}

/** Runs create-under-load.ts and collects the ids it reports as acknowledged, SIGKILLing it after `killAfter` of them. */
async function createAndKill(file: string, compactAfterBytes: number, killAfter: number): Promise<{ acked: string[] }> {
  const acked: string[] = [];
  await writeUntilKilled('create-under-load.ts', file, compactAfterBytes, 30_000, (line) => {
    if (line !== 'ready') acked.push(line);
    return acked.length >= killAfter;
  });
  return { acked };
}

describe('durability under SIGKILL', () => {
  const runs = [
    { name: 'killed mid-load: every acknowledged session is there', compactAfterBytes: 64 << 20, killAfter: 600 },
    { name: 'killed while compactions run: every acknowledged session is there', compactAfterBytes: 200_000, killAfter: 1500 },
  ];
  for (const run of runs) {
    it(run.name, async (t) => {
      const file = await seededFile(t);
      const { acked } = await createAndKill(file, run.compactAfterBytes, run.killAfter);
      assert.ok(acked.length >= run.killAfter, `only ${acked.length} creates were acknowledged before the kill`);

      JSON.parse(await readFile(file, 'utf8')); // the snapshot is whole, whatever moment the kill hit
      const store = await reopen(t, file);
      const missing = acked.filter((id) => !store.exists(id, 'all'));
      assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged sessions were lost`);
      assert.ok(store.stats.sessions >= SEEDED + acked.length);
    });
  }
});

type ContenderReply = { readonly outcome: string; readonly round?: number; readonly id?: string };

/** A store-contender.ts process; replies are read in order, acknowledged ids collected as they come. */
async function storeContender(acked: string[]): Promise<{ child: ChildProcess; next(): Promise<ContenderReply> }> {
  const child = fork(path.join(here, 'store-contender.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const queue: ContenderReply[] = [];
  const waiting: Array<(r: ContenderReply) => void> = [];
  child.on('message', (m: ContenderReply) => {
    if (m.outcome === 'acked') {
      acked.push(m.id!);
      return;
    }
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  });
  const next = () => new Promise<ContenderReply>((resolve) => (queue.length > 0 ? resolve(queue.shift()!) : waiting.push(resolve)));
  assert.equal((await next()).outcome, 'ready');
  return { child, next };
}

function sigkill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('simultaneous starters on a store a SIGKILL left locked', () => {
  it('serve one at a time, round after round, and lose no acknowledged create', async (t) => {
    const file = await seededFile(t);
    const CONTENDERS = 4;
    const ROUNDS = 5;
    const acked: string[] = [];
    const pool = await Promise.all(Array.from({ length: CONTENDERS }, () => storeContender(acked)));
    onCleanup(t, () => Promise.all(pool.map((c) => sigkill(c.child))));
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of pool) c.child.send({ kind: 'go', file, round });
      const outcomes = await Promise.all(pool.map((c) => c.next()));
      const winners = outcomes.flatMap((o, i) => (o.outcome === 'won' ? [i] : []));
      assert.deepEqual(outcomes.filter((o) => o.outcome !== 'won' && o.outcome !== 'locked'), []);
      assert.equal(winners.length, 1, `round ${round}: ${winners.length} of ${CONTENDERS} starters opened the store`);
      // Let the winner acknowledge creates (and compact), then kill it mid-load: its lock is left behind.
      const before = acked.length;
      // A winner that stalls fails the round instead of hanging the run.
      const deadline = Date.now() + 60_000;
      while (acked.length < before + 300) {
        assert.ok(Date.now() < deadline, `round ${round}: the winner acknowledged ${acked.length - before} creates in 60 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const w = winners[0]!;
      await sigkill(pool[w]!.child);
      pool[w] = await storeContender(acked);
    }
    await Promise.all(pool.map((c) => sigkill(c.child)));
    const store = await reopen(t, file);
    const missing = acked.filter((id) => !store.exists(id, 'all'));
    assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged sessions were lost`);
  });
});

interface Intent {
  readonly op: 'C' | 'U' | 'D';
  readonly id: string;
  readonly version: number;
}

/** What each id must hold after the kill: its last acknowledged state, or the state its writer's unacknowledged write would give. */
interface Expected {
  acked: number | 'deleted';
  inFlight?: number | 'deleted';
}

/** Runs mixed-writes-under-load.ts, following each writer's intents and acknowledgements, and SIGKILLs it after `killAfter` acknowledged writes. */
async function mixedAndKill(file: string, compactAfterBytes: number, killAfter: number): Promise<{ expected: Map<string, Expected>; acks: number; deletes: number; updates: number }> {
  const intents = new Map<string, Intent>();
  const expected = new Map<string, Expected>();
  let acks = 0;
  let deletes = 0;
  let updates = 0;
  const stateOf = (i: Intent): number | 'deleted' => (i.op === 'D' ? 'deleted' : i.version);
  await writeUntilKilled('mixed-writes-under-load.ts', file, compactAfterBytes, 60_000, (line) => {
    const [kind, w, op, id, version] = line.split(' ');
    if (kind === 'I') {
      const intent: Intent = { op: op as Intent['op'], id: id!, version: Number(version) };
      intents.set(w!, intent);
      const e = expected.get(intent.id);
      if (e) e.inFlight = stateOf(intent);
      else expected.set(intent.id, { acked: 'deleted', inFlight: stateOf(intent) });
    } else if (kind === 'A') {
      const intent = intents.get(w!)!;
      intents.delete(w!);
      expected.set(intent.id, { acked: stateOf(intent) });
      acks++;
      if (intent.op === 'D') deletes++;
      if (intent.op === 'U') updates++;
    }
    return acks >= killAfter;
  });
  return { expected, acks, deletes, updates };
}

describe('durability of updates and deletes under SIGKILL', () => {
  const runs = [
    { name: 'killed mid-burst: no acknowledged write lost, no acknowledged delete resurrected', compactAfterBytes: 64 << 20, killAfter: 1500 },
    { name: 'killed while compactions run: the same holds through the snapshot', compactAfterBytes: 150_000, killAfter: 2500 },
  ];
  for (const run of runs) {
    it(run.name, async (t) => {
      const file = await seededFile(t);
      const { expected, acks, deletes, updates } = await mixedAndKill(file, run.compactAfterBytes, run.killAfter);
      assert.ok(acks >= run.killAfter && deletes > 100 && updates > 100, `only ${acks} writes (${updates} updates, ${deletes} deletes) were acknowledged`);

      const store = await reopen(t, file);
      const wrong: string[] = [];
      for (const [id, e] of expected) {
        const held = store.sessions.get(id);
        const state = held ? Number(held.session.displayName!.slice(1)) : 'deleted';
        if (state !== e.acked && state !== e.inFlight) wrong.push(`${id}: holds ${state}, acknowledged ${e.acked}${e.inFlight !== undefined ? ` (in flight: ${e.inFlight})` : ''}`);
      }
      assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${expected.size} sessions are not as acknowledged`);
    });
  }
});
