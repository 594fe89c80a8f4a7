import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { writeFreshStore } from '../../src/store/durable-db.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { MemorySessionRepository } from '../../src/store/memory-session-repository.js';
import type { SessionChange, SessionRepository } from '../../src/store/session-repository.js';
import type { AccountScope, SessionQuery, StoredSession } from '../../src/store/session-store.js';
import { STORE_FORMAT, type StoreData } from '../../src/store/store-data.js';
import { query, sessionSortFields, stored, tempDir } from './helpers.js';

/**
 * The conformance suite of the SessionRepository seam: the same random sequences of put, delete and
 * list (with restarts and compactions of the file in between, and bursts of writes not awaited one
 * by one) run against the reference (MemorySessionRepository: filter, sort, slice) and the indexed,
 * journalled FileSessionRepository. Every answer must be identical: each list page, get, live, all,
 * size, what each write reports, and the change events in order.
 */
const NOW = new Date('2026-11-20T12:00:00.000Z');
const ACCOUNTS = ['acc-a', 'acc-b', 'acc-c'];
const IDS = Array.from({ length: 24 }, (_, i) => `s${String(i).padStart(2, '0')}`);
const fields = sessionSortFields();

const day = (d: number, h: number) => new Date(NOW.getTime() - d * 86_400_000 - h * 3_600_000).toISOString();

const sessionArb: fc.Arbitrary<StoredSession> = fc
  .record({
    id: fc.constantFrom(...IDS),
    accountId: fc.constantFrom(...ACCOUNTS),
    // Few distinct dates, so ties (broken by id) are common; some archived (over 15 days).
    dateCreated: fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 3)).map(([d, h]) => day(d, h)),
    customerId: fc.option(fc.constantFrom('cu-1', 'cu-2', 'cu-3'), { nil: undefined }),
    endpointId: fc.constantFrom('ep-1', 'ep-2'),
    ended: fc.boolean(),
    callState: fc.constantFrom('Ringing', 'Connected', 'Hold', 'Disconnected'),
    displayName: fc.option(fc.constantFrom('Alice', 'bob', 'Carol', ''), { nil: undefined }),
    fromAddress: fc.constantFrom('+15550001', 'dev@example.com'),
    parent: fc.option(fc.constantFrom('s00', 's01'), { nil: undefined }),
  })
  .map(({ parent, ...s }) => {
    const over = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as Parameters<typeof stored>[0];
    return stored(over, parent);
  });

const queryArb: fc.Arbitrary<SessionQuery> = fc
  .record({
    page: fc.integer({ min: 0, max: 3 }),
    countPerPage: fc.constantFrom(0, 2, 5),
    all: fc.boolean(),
    simplifiedPaging: fc.boolean(),
    searchArchive: fc.boolean(),
    specificIds: fc.oneof(fc.constant([]), fc.subarray(IDS, { maxLength: 4 })),
    accountIds: fc.oneof(fc.constant([]), fc.subarray(ACCOUNTS, { minLength: 1 })),
    customerIds: fc.oneof(fc.constant([]), fc.subarray(['cu-1', 'cu-2', 'cu-3'], { minLength: 1 })),
    endpointIds: fc.oneof(fc.constant([]), fc.constant(['ep-1'])),
    parentSessionId: fc.option(fc.constantFrom('s00', 's01'), { nil: undefined }),
    sortField: fc.option(fc.constantFrom('dateCreated', 'displayName', 'callState', 'ended'), { nil: undefined }),
    sortOrder: fc.option(fc.constantFrom('Ascend' as const, 'Descend' as const), { nil: undefined }),
    from: fc.option(fc.constantFrom('555', 'DEV'), { nil: undefined }),
  })
  .map((over) => query(Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined))));

const scopeArb: fc.Arbitrary<AccountScope> = fc.oneof(fc.constant('all' as const), fc.subarray(ACCOUNTS).map((ids) => new Set(ids)));

type Step =
  | { readonly op: 'put'; readonly entry: StoredSession }
  | { readonly op: 'delete'; readonly id: string }
  | { readonly op: 'burst'; readonly writes: readonly ({ readonly entry: StoredSession } | { readonly id: string })[] }
  | { readonly op: 'list'; readonly query: SessionQuery; readonly scope: AccountScope }
  | { readonly op: 'restart' }
  | { readonly op: 'crash' }
  | { readonly op: 'compact' };

const writeArb = fc.oneof(sessionArb.map((entry) => ({ entry })), fc.constantFrom(...IDS).map((id) => ({ id })));
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: sessionArb.map((entry) => ({ op: 'put' as const, entry })) },
  { weight: 3, arbitrary: fc.constantFrom(...IDS).map((id) => ({ op: 'delete' as const, id })) },
  { weight: 2, arbitrary: fc.array(writeArb, { minLength: 2, maxLength: 8 }).map((writes) => ({ op: 'burst' as const, writes })) },
  { weight: 5, arbitrary: fc.tuple(queryArb, scopeArb).map(([q, scope]) => ({ op: 'list' as const, query: q, scope })) },
  { weight: 1, arbitrary: fc.constant({ op: 'restart' as const }) },
  { weight: 2, arbitrary: fc.constant({ op: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'compact' as const }) },
);

const EMPTY_STORE: StoreData = {
  meta: { format: STORE_FORMAT, seed: 1, sessionCount: 0, now: NOW.toISOString(), nowFixed: true },
  customers: [],
  endpoints: [],
  agents: [],
  teams: [],
  sessions: [],
};

/** A fresh copy each time: the repositories freeze what they are given. */
const copy = (e: StoredSession): StoredSession => structuredClone(e);
const write = (repo: SessionRepository, w: { readonly entry: StoredSession } | { readonly id: string }) =>
  'entry' in w ? repo.put(copy(w.entry)).then((r) => r.previous?.session.id ?? null) : repo.delete(w.id).then((r) => r?.session.id ?? null);
const ids = (list: readonly StoredSession[]) => list.map((e) => e.session.id);

function sameState(a: SessionRepository, b: SessionRepository, at: string): void {
  assert.equal(b.size, a.size, `${at}: size`);
  assert.deepEqual(ids(b.all()), ids(a.all()), `${at}: all()`);
  assert.deepEqual(ids(b.live()), ids(a.live()), `${at}: live()`);
  assert.deepEqual(b.all(), a.all(), `${at}: stored sessions`);
  for (const id of IDS) assert.deepEqual(b.get(id), a.get(id), `${at}: get(${id})`);
}

describe('every SessionRepository answers as the reference does', () => {
  it('random put/delete/list sequences, with restarts and compactions, give identical answers', async (t) => {
    const dir = await tempDir(t);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 45 }), async (steps) => {
        let file = path.join(dir, `db-${run++}.json`);
        await writeFreshStore(file, EMPTY_STORE);
        const reference = new MemorySessionRepository(fields);
        const open = async () => (await JsonFileStore.open({ file, sortFields: fields, clock: () => NOW }))!;
        let crashes = 0;
        let store = await open();
        const heard: { reference: SessionChange[]; file: SessionChange[] } = { reference: [], file: [] };
        reference.onChange((c) => heard.reference.push(c));
        let unsubscribe = store.sessions.onChange((c) => heard.file.push(c));
        try {
          for (const [i, step] of steps.entries()) {
            const at = `step ${i} (${step.op})`;
            switch (step.op) {
              case 'put':
              case 'delete': {
                const w = step.op === 'put' ? { entry: step.entry } : { id: step.id };
                assert.deepEqual(await write(store.sessions, w), await write(reference, w), `${at}: what the write replaced`);
                break;
              }
              case 'burst': {
                // Not awaited one by one: the group commit takes them together, and order must still hold.
                const viaFile = Promise.all(step.writes.map((w) => write(store.sessions, w)));
                const viaReference = Promise.all(step.writes.map((w) => write(reference, w)));
                assert.deepEqual(await viaFile, await viaReference, `${at}: what each write replaced`);
                break;
              }
              case 'list':
                assert.deepEqual(store.sessions.list(step.query, step.scope, NOW), reference.list(step.query, step.scope, NOW), `${at}: ${JSON.stringify(step.query)}`);
                break;
              case 'restart':
                unsubscribe();
                await store.close();
                store = await open();
                unsubscribe = store.sessions.onChange((c) => heard.file.push(c));
                break;
              case 'crash': {
                // The files as a kill would leave them (every acknowledged write is on disk), opened
                // elsewhere while the old store still runs: recovery replays the journal, no close folds it in.
                const copyTo = `${file}.crash${++crashes}.json`;
                for (const suffix of ['', '.journal', '.journal.compacting']) await copyFile(`${file}${suffix}`, `${copyTo}${suffix}`).catch(() => undefined);
                unsubscribe();
                await store.close();
                file = copyTo;
                store = await open();
                unsubscribe = store.sessions.onChange((c) => heard.file.push(c));
                break;
              }
              case 'compact':
                await store.compact();
                break;
            }
            sameState(reference, store.sessions, at);
          }
          assert.deepEqual(heard.file, heard.reference, 'the change events');
          // What is on disk now is what was acknowledged: a crash now, and a clean restart, find exactly the reference.
          const last = `${file}.last.json`;
          for (const suffix of ['', '.journal', '.journal.compacting']) await copyFile(`${file}${suffix}`, `${last}${suffix}`).catch(() => undefined);
          unsubscribe();
          await store.close();
          store = await open();
          sameState(reference, store.sessions, 'after the last restart');
          await store.close();
          file = last;
          store = await open();
          sameState(reference, store.sessions, 'after a crash at the end');
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('large groups of writes (a reset, a restore, a bulk delete) answer as one write at a time does', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    await writeFreshStore(file, EMPTY_STORE);
    const store = (await JsonFileStore.open({ file, sortFields: fields, clock: () => NOW }))!;
    t.after(() => store.close());
    const reference = new MemorySessionRepository(fields);
    const heard: { reference: SessionChange[]; file: SessionChange[] } = { reference: [], file: [] };
    reference.onChange((c) => heard.reference.push(c));
    store.sessions.onChange((c) => heard.file.push(c));
    const entry = (n: number, version: number) =>
      stored({ id: `b${String(n).padStart(3, '0')}`, accountId: ACCOUNTS[n % 3]!, dateCreated: day(n % 20, version % 2 ? 3 : 0), ended: (n + version) % 2 === 0, endpointId: 'ep-1', ...(n % 4 ? { customerId: `cu-${n % 3}` } : {}) }, n % 7 === 0 && n > 0 ? 'b000' : undefined);
    // Unawaited, so each burst reaches the file store as one group of 100-200 records, each id once.
    const bursts: (readonly ({ readonly entry: StoredSession } | { readonly id: string })[])[] = [
      Array.from({ length: 200 }, (_, n) => ({ entry: entry(n, 0) })),
      Array.from({ length: 200 }, (_, n) => (n % 3 === 0 ? { id: `b${String(n).padStart(3, '0')}` } : { entry: entry(n, 1) })),
      Array.from({ length: 120 }, (_, n) => (n % 2 ? { entry: entry(n + 150, 2) } : { id: `b${String(n + 150).padStart(3, '0')}` })),
    ];
    for (const [i, writes] of bursts.entries()) {
      const viaFile = Promise.all(writes.map((w) => write(store.sessions, w)));
      const viaReference = Promise.all(writes.map((w) => write(reference, w)));
      assert.deepEqual(await viaFile, await viaReference, `burst ${i}: what each write replaced`);
      sameState(reference, store.sessions, `burst ${i}`);
      for (const q of [query({ all: true }), query({ accountIds: ['acc-b'], all: true }), query({ customerIds: ['cu-1'], all: true }), query({ parentSessionId: 'b000', all: true })]) {
        assert.deepEqual(store.sessions.list(q, 'all', NOW), reference.list(q, 'all', NOW), `burst ${i}: ${JSON.stringify(q)}`);
      }
    }
    assert.deepEqual(heard.file, heard.reference, 'the change events, in order');
  });

  it('refuses a session without the fields every implementation indexes, in both', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    await writeFreshStore(file, EMPTY_STORE);
    const store = (await JsonFileStore.open({ file, sortFields: fields }))!;
    t.after(() => store.close());
    const bad = [
      { session: { id: 'x', accountId: 'a', dateCreated: '2026-11-20' } },
      { session: { id: '', accountId: 'a', dateCreated: NOW.toISOString() } },
      { session: { id: 'x', dateCreated: NOW.toISOString() } },
    ] as unknown as StoredSession[];
    for (const entry of bad) {
      await assert.rejects(store.sessions.put(entry), { name: 'StoreInputError' });
      await assert.rejects(new MemorySessionRepository(fields).put(entry), { name: 'StoreInputError' });
    }
    assert.equal(store.sessions.size, 0);
  });
});
