import assert from 'node:assert/strict';
import { readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openOrSeedStore, seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { seedWorld } from '../../src/seed/seed-data.js';
import { worldOfStore } from '../../src/seed/scenarios/store-world.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { onCleanup, sessionSortFields, stored, tempDir } from '../store/helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const fixtures = await loadFixtures();

/**
 * A store written by the version before the mutable store is exactly today's db.json without the
 * files now kept beside it (test/cli/recorded-answers.test.ts proves the seeded db.json bytes did
 * not change), so removing them gives such a store.
 */
describe('a store an earlier evo-mock wrote', () => {
  it('opens as it is, gains its world and its seeded state (with a line saying so), and then resets and takes scenarios', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await seedStoreFile({ file, fixtures, seed: 5, sessions: 60, now: NOW });
    const seededBytes = await readFile(file);
    const worldBytes = await readFile(`${file}.world`);
    await unlink(`${file}.seed`);
    await rename(`${file}.world`, `${file}.world-was`);
    const old = (await JsonFileStore.open({ file, sortFields: sessionSortFields() }))!;
    await old.create(stored({ id: 'made-before-upgrade', accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d', dateCreated: NOW.toISOString() }));
    await old.close();

    const warnings: string[] = [];
    const { store, seeded } = await openOrSeedStore({ file, fixtures, seed: 5, sessions: 60, sortFields: sessionSortFields(), onWarning: (w) => warnings.push(w) });
    onCleanup(t, () => store.close());
    assert.equal(seeded, undefined, 'opened, not seeded again');
    assert.equal(store.sessions.size, 61);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0]!, /written by an earlier evo-mock: wrote its world .*db\.json\.world/);
    assert.match(warnings[1]!, /no record of its seeded state .*rebuilt it from seed 5, 60 sessions/);
    assert.deepEqual(await readFile(`${file}.world`), worldBytes, 'the same world a new seed writes');
    assert.deepEqual(await readFile(`${file}.seed`), seededBytes, 'the seeded state, byte for byte');
    assert.deepEqual(await worldOfStore(fixtures, 5, store), seedWorld(fixtures, 5).world, 'scenarios draw on the stored world');

    const reset = await store.history.reset();
    assert.deepEqual([reset.deleted, reset.sessions], [1, 60]);
    await store.close();
    const again = (await JsonFileStore.open({ file, sortFields: sessionSortFields() }))!;
    onCleanup(t, () => again.close());
    assert.equal(again.world?.seed, 5);
    const quiet: string[] = [];
    await again.close();
    const third = await openOrSeedStore({ file, fixtures, seed: 5, sessions: 60, sortFields: sessionSortFields(), onWarning: (w) => quiet.push(w) });
    onCleanup(t, () => third.store.close());
    assert.deepEqual(quiet, [], 'migrated once');
  });
});
