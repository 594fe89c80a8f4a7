import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { SessionQueryError, StoreInputError, StoreLockedError } from '../../src/store/store-errors.js';
import { ACME, newCall, onCleanup, query, sessionSortFields, tempDir } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const fixtures = await loadFixtures();
const GLOBEX = 'c3d2e4f6a8b04d2c9e3b4c5d6e7f8a9b';
const EMPTY = 'e5b4a6c8d0e24b4e9a5c6d7e8f9a0b1c';
const dev = fixtures.users.find((u) => u.userName === 'dev@example.com')!;
const devScope = new Set(dev.accountIds);

async function seeded(t: Parameters<typeof tempDir>[0], sessions = 300): Promise<{ store: JsonFileStore; file: string }> {
  const file = path.join(await tempDir(t), 'db.json');
  await seedStoreFile({ file, fixtures, seed: 11, sessions, now: NOW });
  const store = await JsonFileStore.open({ file, sortFields: sessionSortFields() });
  assert.ok(store);
  onCleanup(t, () => store.close());
  return { store, file };
}

let counter = 0;
function newSession(store: JsonFileStore, accountId = ACME, over: Partial<SessionInfo> = {}): SessionInfo {
  return newCall({ id: `new${String(++counter).padStart(29, '0')}`, dateCreated: store.now().toISOString(), accountId, ...over });
}

describe('the store on a seeded file', () => {
  it('returns undefined for a file that does not exist yet', async (t) => {
    assert.equal(await JsonFileStore.open({ file: path.join(await tempDir(t), 'none.json'), sortFields: sessionSortFields() }), undefined);
  });

  it('answers another account\'s session as if it did not exist', async (t) => {
    const { store } = await seeded(t);
    const theirs = store.list(query({ accountIds: [GLOBEX], all: true }), 'all').items[0]!;
    assert.equal(store.get(theirs.id!, devScope), undefined);
    assert.equal(store.exists(theirs.id!, devScope), false);
    assert.equal(store.list(query({ specificIds: [theirs.id!] }), devScope).totalCount, 0);
    assert.equal(store.list(query({ accountIds: [GLOBEX] }), devScope).totalCount, 0);
    assert.ok(!store.active(devScope).some((s) => s.accountId === GLOBEX));
    assert.equal(store.get(theirs.id!, 'all')?.id, theirs.id);
    assert.equal(store.get(theirs.id!, new Set([GLOBEX]))?.id, theirs.id);
  });

  it('keeps the empty account empty', async (t) => {
    const { store } = await seeded(t);
    for (const searchArchive of [false, true]) {
      assert.equal(store.list(query({ searchArchive }), new Set([EMPTY])).totalCount, 0);
    }
    assert.deepEqual(store.active(new Set([EMPTY])), []);
  });

  it('returns the log with get() (the server applies the empty-log quirk)', async (t) => {
    const { store } = await seeded(t);
    const s = store.list(query(), devScope).items[0]!;
    assert.ok((store.get(s.id!, devScope)?.log ?? []).length > 0);
  });

  it('lists active sessions newest first, and GetMySessions as a subset of them', async (t) => {
    const { store } = await seeded(t);
    const active = store.active(devScope);
    assert.ok(active.length > 0);
    assert.ok(active.every((s) => !s.ended && devScope.has(s.accountId!)));
    assert.deepEqual([...active].map((s) => s.dateCreated), [...active].map((s) => s.dateCreated).sort().reverse());
    const mine = store.mine({ id: dev.id, endpointId: dev.endpointId }, devScope);
    assert.ok(mine.length > 0, 'the dev user has live sessions');
    for (const s of mine) {
      assert.ok(active.includes(s));
      assert.ok(s.endpointId === dev.endpointId || (s.members ?? []).some((m) => m.identity === dev.id || m.endpointId === dev.endpointId));
    }
  });

  it('refuses list() with a query checkQuery rejects', async (t) => {
    const { store } = await seeded(t);
    assert.deepEqual(store.checkQuery(query({ sortField: 'nope' })).map((p) => p.field), ['sortField']);
    assert.throws(() => store.list(query({ sortField: 'nope' }), 'all'), SessionQueryError);
  });

  it('hands out frozen sessions, so a caller cannot change the store by accident', async (t) => {
    const { store } = await seeded(t);
    const s = store.list(query(), 'all').items[0]!;
    assert.throws(() => {
      (s as { log?: unknown }).log = [];
    }, TypeError);
    assert.throws(() => (s.members as unknown[]).push({}), TypeError);
  });
});

describe('creating sessions', () => {
  it('stores, indexes and survives a reopen', async (t) => {
    const { store, file } = await seeded(t, 50);
    const parent = store.list(query({ accountIds: [ACME] }), 'all').items[0]!;
    const s = newSession(store, ACME, { customerId: 'cust-x', log: [{ date: store.now().toISOString(), message: 'Session created' }] });
    const returned = await store.create({ session: s, parentSessionId: parent.id! });
    assert.equal(returned.id, s.id);
    assert.equal(store.get(s.id!, devScope)?.id, s.id);
    assert.equal(store.list(query({ countPerPage: 1 }), devScope).items[0]?.id, s.id, 'newest first');
    assert.deepEqual(store.list(query({ parentSessionId: parent.id!, customerIds: ['cust-x'] }), devScope).items.map((x) => x.id), [s.id]);
    assert.ok(store.active(devScope).some((x) => x.id === s.id));
    await store.close();
    const again = await JsonFileStore.open({ file, sortFields: sessionSortFields() });
    assert.ok(again);
    onCleanup(t, () => again.close());
    assert.deepEqual(again.get(s.id!, 'all'), s);
    assert.equal(again.stats.sessions, 51);
    assert.equal(again.stats.journalBytes, 0, 'close compacted the journal into the snapshot');
  });

  it('refuses a duplicate id, including one still being written', async (t) => {
    const { store } = await seeded(t, 20);
    const s = newSession(store);
    const first = store.create({ session: s });
    await assert.rejects(store.create({ session: { ...s } }), StoreInputError);
    await first;
    await assert.rejects(store.create({ session: { ...s } }), /already exists/);
  });

  const bad: { name: string; session: Partial<SessionInfo>; message: RegExp }[] = [
    { name: 'no id', session: { id: '' }, message: /needs an id/ },
    { name: 'no account', session: { accountId: undefined }, message: /needs an accountId/ },
    { name: 'a date without milliseconds', session: { dateCreated: '2026-11-20T12:00:00Z' }, message: /toISOString/ },
    { name: 'a date with an offset', session: { dateCreated: '2026-11-20T12:00:00.000+01:00' }, message: /toISOString/ },
  ];
  for (const c of bad) {
    it(`refuses a session with ${c.name}`, async (t) => {
      const { store } = await seeded(t, 5);
      await assert.rejects(store.create({ session: { ...newSession(store), ...c.session } }), c.message);
    });
  }

  it('groups concurrent creates into few fsyncs', async (t) => {
    const { store } = await seeded(t, 20);
    const before = store.stats.groups;
    await Promise.all(Array.from({ length: 200 }, () => store.create({ session: newSession(store) })));
    const groups = store.stats.groups - before;
    assert.ok(groups <= 10, `200 concurrent creates took ${groups} groups`);
    assert.equal(store.stats.sessions, 220);
  });

  it('refuses creates after close', async (t) => {
    const { store } = await seeded(t, 5);
    await store.close();
    await assert.rejects(store.create({ session: newSession(store) }), /closing|closed/);
  });
});

describe('one process per store', () => {
  it('refuses a second open of the same file', async (t) => {
    const { file } = await seeded(t, 5);
    await assert.rejects(JsonFileStore.open({ file, sortFields: sessionSortFields() }), StoreLockedError);
  });
});

describe('lookups beside the sessions', () => {
  it('finds customers with their breadcrumb, within the scope', async (t) => {
    const { store } = await seeded(t, 100);
    const withCrumbs = store.list(query({ all: true }), 'all').items.find((s) => (s.customerBreadcrumb?.length ?? 0) > 1)!;
    const c = store.customer(withCrumbs.customerId!, 'all');
    assert.deepEqual(c?.breadcrumb, withCrumbs.customerBreadcrumb);
    assert.equal(c?.name, withCrumbs.customerName);
    const other = withCrumbs.accountId === GLOBEX ? new Set([ACME]) : new Set([GLOBEX]);
    assert.equal(store.customer(withCrumbs.customerId!, other), undefined);
  });

  it('finds agents by id and by email (any case), teams and endpoints, within the scope', async (t) => {
    const { store } = await seeded(t, 5);
    assert.equal(store.agent(dev.id, devScope)?.endpointId, dev.endpointId);
    assert.equal(store.agentByEmail(' DEV@Example.com ', devScope)?.id, dev.id);
    assert.equal(store.agent(dev.id, new Set([GLOBEX])), undefined);
    assert.equal(store.endpoint(dev.endpointId, 'all')?.kind, 'User');
    assert.equal(store.agent('nobody', 'all'), undefined);
  });
});

describe('the store clock', () => {
  it('starts at the seed\'s --now and runs on', async (t) => {
    const { store } = await seeded(t, 5);
    const d = store.now().getTime() - NOW.getTime();
    assert.ok(d >= 0 && d < 60_000, `clock is ${d} ms past --now`);
  });

  it('starts where --now says when opening', async (t) => {
    const { store, file } = await seeded(t, 5);
    await store.close();
    const later = new Date('2027-01-01T00:00:00.000Z');
    const again = await JsonFileStore.open({ file, sortFields: sessionSortFields(), now: later });
    onCleanup(t, () => again!.close());
    assert.ok(again!.now().getTime() - later.getTime() < 60_000);
  });

  it('is the wall clock for a store seeded without --now', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    await seedStoreFile({ file, fixtures, seed: 1, sessions: 5 });
    const store = await JsonFileStore.open({ file, sortFields: sessionSortFields() });
    onCleanup(t, () => store!.close());
    assert.ok(Math.abs(store!.now().getTime() - Date.now()) < 60_000);
    assert.equal(store!.meta.nowFixed, false);
  });
});
