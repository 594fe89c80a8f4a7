import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openOrSeedStore } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { onCleanup, sessionSortFields, stored, tempDir } from '../store/helpers.js';

describe('opening or seeding the store (what serve calls)', () => {
  it('seeds on first start, keeps created sessions on the next, and starts again on reset', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    const fixtures = await loadFixtures();
    const opts = { file, fixtures, seed: 2, sessions: 30, now: new Date('2026-11-20T12:00:00.000Z'), sortFields: sessionSortFields() };

    const first = await openOrSeedStore(opts);
    assert.equal(first.seeded?.meta.sessionCount, 30);
    const created = await first.store.create(stored({ id: 'f'.repeat(32), accountId: fixtures.accounts[0]!.id, dateCreated: first.store.now().toISOString() }));
    await first.store.close();

    const second = await openOrSeedStore({ ...opts, seed: 99 });
    assert.equal(second.seeded, undefined, 'an existing store is kept');
    assert.ok(second.store.exists(created.id!, 'all'));
    assert.equal(second.store.stats.sessions, 31);
    await second.store.close();

    const third = await openOrSeedStore({ ...opts, reset: true });
    onCleanup(t, () => third.store.close());
    assert.ok(third.seeded);
    assert.equal(third.store.exists(created.id!, 'all'), false);
    assert.equal(third.store.stats.sessions, 30);
  });

  it('refuses to reset a store another process has open', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    const opts = { file, fixtures: await loadFixtures(), seed: 1, sessions: 5, sortFields: sessionSortFields() };
    const open = await openOrSeedStore(opts);
    onCleanup(t, () => open.store.close());
    await assert.rejects(openOrSeedStore({ ...opts, reset: true }), /in use by process/);
  });
});
