import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFile, copyFile, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { snapshotText } from '../../src/store/snapshot-format.js';
import type { StoreData } from '../../src/store/store-data.js';
import { StoreFileError } from '../../src/store/store-errors.js';
import { onCleanup, sessionSortFields, stored, tempDir } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const ACME = 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d';
const fixtures = await loadFixtures();
const SEEDED = 40;

type T = Parameters<typeof tempDir>[0];

async function openStore(file: string, extra: { compactAfterBytes?: number } = {}): Promise<JsonFileStore> {
  const store = await JsonFileStore.open({ file, sortFields: sessionSortFields(), ...extra });
  assert.ok(store, `${file} should exist`);
  return store;
}

let n = 0;
const session = (store: JsonFileStore): SessionInfo =>
  stored({ id: `rec${String(++n).padStart(29, '0')}`, accountId: ACME, dateCreated: store.now().toISOString(), ended: false }).session;

/** A store with `created` sessions acknowledged and not yet compacted, and a copy of its files as a crash would leave them. */
async function crashedCopy(t: T, created: number): Promise<{ dir: string; file: string; ids: string[] }> {
  const live = path.join(await tempDir(t), 'db.json');
  await seedStoreFile({ file: live, fixtures, seed: 3, sessions: SEEDED, now: NOW });
  const store = await openStore(live);
  const ids: string[] = [];
  await Promise.all(Array.from({ length: created }, async () => ids.push((await store.create({ session: session(store) })).id!)));
  const dir = await tempDir(t);
  const file = path.join(dir, 'db.json');
  await copyFile(live, file);
  await copyFile(`${live}.journal`, `${file}.journal`);
  await store.close();
  return { dir, file, ids };
}

describe('recovery after a crash', () => {
  it('replays the journal and ignores a torn last line', async (t) => {
    const { file, ids } = await crashedCopy(t, 25);
    await appendFile(`${file}.journal`, JSON.stringify({ session: session({ now: () => NOW } as JsonFileStore) }).slice(0, 77));
    const store = await openStore(file);
    onCleanup(t, () => store.close());
    assert.equal(store.stats.sessions, SEEDED + 25);
    for (const id of ids) assert.ok(store.exists(id, 'all'), `${id} was acknowledged`);
    const more = await store.create({ session: session(store) });
    await store.close();
    const again = await openStore(file);
    onCleanup(t, () => again.close());
    assert.equal(again.stats.sessions, SEEDED + 26);
    assert.ok(again.exists(more.id!, 'all'));
  });

  it('finishes a compaction that died before its snapshot was written', async (t) => {
    const { dir, file, ids } = await crashedCopy(t, 10);
    // The journal had been renamed for compaction, and a new one had started.
    await copyFile(`${file}.journal`, `${file}.journal.compacting`);
    await writeFile(`${file}.journal`, '');
    const store = await openStore(file);
    assert.equal(store.stats.sessions, SEEDED + 10);
    for (const id of ids) assert.ok(store.exists(id, 'all'));
    assert.ok(!(await readdir(dir)).includes('db.json.journal.compacting'), 'folded in on open');
    await store.close();
  });

  it('counts each session once when a compaction died after its snapshot was renamed', async (t) => {
    const { file, ids } = await crashedCopy(t, 10);
    const first = await openStore(file);
    await first.close(); // the snapshot now holds all 50
    await writeFile(`${file}.journal.compacting`, ids.map((id) => `${JSON.stringify(stored({ id, accountId: ACME, dateCreated: NOW.toISOString() }))}\n`).join(''));
    const store = await openStore(file);
    onCleanup(t, () => store.close());
    assert.equal(store.stats.sessions, SEEDED + 10);
  });

  it('takes over the lock of a process that is gone', async (t) => {
    const { file } = await crashedCopy(t, 1);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(`${file}.lock`, gone.stdout);
    const store = await openStore(file);
    await store.close();
  });

  it('refuses a snapshot that is not JSON, naming the file and what to do', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    await writeFile(file, '{"meta":');
    await assert.rejects(JsonFileStore.open({ file, sortFields: sessionSortFields() }), (err: unknown) => {
      assert.ok(err instanceof StoreFileError);
      assert.match(err.message, /db\.json: is not valid JSON.*seed --reset/);
      return true;
    });
  });

  it('refuses a file of another format', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    await writeFile(file, JSON.stringify({ meta: { format: 99 }, sessions: [] }));
    await assert.rejects(JsonFileStore.open({ file, sortFields: sessionSortFields() }), /format 99/);
  });
});

describe('compaction', () => {
  it('folds the journal into the snapshot while creates carry on, losing nothing', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await seedStoreFile({ file, fixtures, seed: 4, sessions: SEEDED, now: NOW });
    const store = await openStore(file, { compactAfterBytes: 1 });
    const ids: string[] = [];
    for (let round = 0; round < 20; round++) {
      const batch = await Promise.all(Array.from({ length: 15 }, () => store.create({ session: session(store) })));
      ids.push(...batch.map((s) => s.id!));
    }
    await store.compact();
    assert.ok(store.stats.journalBytes < 20 * 15 * 300, 'the journal was compacted along the way');
    await store.close();
    assert.deepEqual((await readdir(dir)).sort(), ['db.json', 'db.json.journal', 'db.json.seed', 'db.json.world']);
    const again = await openStore(file);
    onCleanup(t, () => again.close());
    assert.equal(again.stats.sessions, SEEDED + ids.length);
    for (const id of ids) assert.ok(again.exists(id, 'all'));
  });
});

/** Opens a store, keeping what it says on the way. */
async function openWarned(file: string): Promise<{ store: JsonFileStore; warnings: string[] }> {
  const warnings: string[] = [];
  const store = await JsonFileStore.open({ file, sortFields: sessionSortFields(), onWarning: (w) => warnings.push(w) });
  assert.ok(store);
  return { store, warnings };
}

describe('damaged files are never destroyed (issue 14, item 5)', () => {
  it('a torn last record: says how many were dropped and which id, and keeps the journal as it was aside', async (t) => {
    const { dir, file, ids } = await crashedCopy(t, 5);
    const torn = JSON.stringify({ session: { ...session({ now: () => NOW } as JsonFileStore), id: 'torn00000000000000000000000000001' } });
    await appendFile(`${file}.journal`, torn.slice(0, torn.length - 10));
    const original = await readFile(`${file}.journal`);
    const { store, warnings } = await openWarned(file);
    onCleanup(t, () => store.close());
    for (const id of ids) assert.ok(store.exists(id, 'all'));
    const aside = (await readdir(dir)).filter((f) => f.startsWith('db.json.journal.damaged-'));
    assert.equal(aside.length, 1, 'one copy kept aside');
    assert.deepEqual(await readFile(path.join(dir, aside[0]!)), original, 'the copy is the journal as it was, torn tail included');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /dropped 1 record \(session id torn00000000000000000000000000001\).*never acknowledged.*db\.json\.journal\.damaged-/);
    assert.ok(warnings[0]!.includes(path.join(dir, aside[0]!)), 'names the copy');
  });

  it('a journal that is all garbage is kept aside, not just cut to 0 bytes, and the message counts what was lost', async (t) => {
    const { dir, file } = await crashedCopy(t, 0);
    await writeFile(`${file}.journal`, 'garbage line one\n{"session":\ngarbage without end');
    const { store, warnings } = await openWarned(file);
    onCleanup(t, () => store.close());
    assert.equal(store.stats.sessions, SEEDED);
    const aside = (await readdir(dir)).filter((f) => f.startsWith('db.json.journal.damaged-'));
    assert.equal(aside.length, 1);
    assert.equal(await readFile(path.join(dir, aside[0]!), 'utf8'), 'garbage line one\n{"session":\ngarbage without end');
    assert.ok(warnings.some((w) => /dropped 3 records \(3 with no readable id\)/.test(w) && w.includes(aside[0]!)), warnings.join('\n'));
  });

  it('a damaged record in the middle: the ones after it are kept, the file is kept aside, and the message says it was damaged', async (t) => {
    const { dir, file, ids } = await crashedCopy(t, 4);
    const lines = (await readFile(`${file}.journal`, 'utf8')).split('\n');
    const broken = lines[1]!.replace('"session":{', '"session":{"broken');
    await writeFile(`${file}.journal`, [lines[0], broken, ...lines.slice(2)].join('\n'));
    const { store, warnings } = await openWarned(file);
    onCleanup(t, () => store.close());
    assert.equal(ids.filter((id) => store.exists(id, 'all')).length, 3);
    assert.ok((await readdir(dir)).some((f) => f.startsWith('db.json.journal.damaged-')));
    assert.ok(warnings.some((w) => /dropped 1 record \(session id \w+\).*damaged/.test(w)), warnings.join('\n'));
  });

  it('refuses to seed a new store over a journal whose snapshot is missing, and keeps the journal', async (t) => {
    const { file } = await crashedCopy(t, 3);
    await unlink(file);
    const journal = await readFile(`${file}.journal`);
    await assert.rejects(seedStoreFile({ file, fixtures, seed: 3, sessions: SEEDED, now: NOW }), (err: unknown) => {
      assert.ok(err instanceof StoreFileError);
      assert.ok(err.message.startsWith(`${file}.journal: holds`), err.message);
      assert.match(err.message, /is missing.*Put .*db\.json back.*db\.json\.seed/);
      return true;
    });
    assert.deepEqual(await readFile(`${file}.journal`), journal, 'the journal is untouched');
  });

  it('names the file when the snapshot or the journal is a directory', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await mkdir(file);
    await assert.rejects(JsonFileStore.open({ file, sortFields: sessionSortFields() }), (err: unknown) => {
      assert.ok(err instanceof StoreFileError);
      assert.match(err.message, /db\.json: cannot be read \(EISDIR\)/);
      assert.ok(err.message.includes(file));
      return true;
    });
    const other = await crashedCopy(t, 1);
    await unlink(`${other.file}.journal`);
    await mkdir(`${other.file}.journal`);
    await assert.rejects(JsonFileStore.open({ file: other.file, sortFields: sessionSortFields() }), (err: unknown) => {
      assert.ok(err instanceof StoreFileError);
      assert.ok(err.message.startsWith(`${other.file}.journal: cannot be read (EISDIR)`), err.message);
      return true;
    });
  });
});

describe('a store file edited by hand while the mock runs', () => {
  it('is never overwritten: the mock says so at once, stops compacting, keeps writes in the journal, and serves the edit after a restart', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await seedStoreFile({ file, fixtures, seed: 3, sessions: SEEDED, now: NOW });
    const { store, warnings } = await openWarned(file);
    const made = await store.create({ session: session(store) });

    // An editor saving the file in place: one session renamed.
    const data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
    const victim = data.sessions[0]!.session;
    (victim as { displayName?: string }).displayName = 'Edited by hand';
    await writeFile(file, snapshotText(data));
    const bytes = await readFile(file);
    for (let i = 0; i < 150 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(warnings.length, 1, 'said so once the edit was saved');
    assert.match(warnings[0]!, /db\.json was changed by another program .* will not overwrite it.*Restart evo-mock to serve your edit/);

    await store.compact();
    await store.create({ session: session(store) });
    await store.close();
    assert.deepEqual(await readFile(file), bytes, 'neither compaction nor close overwrote the edit');
    assert.equal(warnings.length, 1, 'said once');

    const again = await openStore(file);
    onCleanup(t, () => again.close());
    assert.ok(again.exists(made.id!, 'all'), 'what the API wrote meanwhile is replayed from the journal');
    assert.equal(again.stats.sessions, SEEDED + 2);
    assert.equal(again.sessions.get(victim.id!)?.session.displayName, 'Edited by hand', 'the edit is served');
  });
});
