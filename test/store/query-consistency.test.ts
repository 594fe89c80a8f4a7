import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildSeedData } from '../../src/seed/seed-data.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { listPage } from '../../src/store/list-page.js';
import { archiveCutoff, listSessions } from '../../src/store/list-sessions.js';
import { compareStored, effectiveAccounts, SessionIndex } from '../../src/store/session-index.js';
import type { AccountScope, SessionQuery } from '../../src/store/session-store.js';
import { query, sessionSortFields } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const fixtures = await loadFixtures();
const data = buildSeedData(fixtures, { seed: 8, sessions: 1500, now: NOW, nowFixed: true });
const index = new SessionIndex();
for (const e of data.sessions) index.add(e);
const ctx = { archiveCutoff: archiveCutoff(NOW), sortFields: sessionSortFields() };
const sessions = data.sessions.map((e) => e.session);

/** Each filter is absent most of the time, so most queries still match something. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
const rarelySome = <T>(items: readonly T[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: fc.subarray([...new Set(items)].slice(0, 40), { minLength: 1, maxLength: 3 }) });
const day = fc.integer({ min: 0, max: 65 }).map((d) => new Date(NOW.getTime() - d * 86_400_000).toISOString().slice(0, 10));
const accountIds = fixtures.accounts.map((a) => a.id);

const queries: fc.Arbitrary<SessionQuery> = fc
  .record({
    page: fc.integer({ min: 0, max: 6 }),
    countPerPage: fc.constantFrom(0, 1, 7, 25),
    all: fc.boolean(),
    simplifiedPaging: fc.boolean(),
    searchArchive: fc.boolean(),
    specificIds: rarelySome(sessions.map((s) => s.id!)),
    accountIds: rarelySome(accountIds),
    customerIds: rarelySome(sessions.map((s) => s.customerId).filter((c): c is string => !!c)),
    endpointIds: rarelySome(sessions.map((s) => s.endpointId!)),
    parentSessionId: rarely(fc.constantFrom(...data.sessions.map((e) => e.parentSessionId).filter((p): p is string => !!p))),
    startDate: rarely(day),
    endDate: rarely(day),
    from: rarely(fc.constantFrom('+1', '555', '@', 'X')),
    log: rarely(fc.constantFrom('voicemail', 'ANSWERED', 'transfer')),
    sortField: rarely(fc.constantFrom('dateCreated', 'DisplayName', 'callState', 'ended', 'members', 'customerName')),
    sortOrder: rarely(fc.constantFrom('Ascend' as const, 'Descend' as const)),
  })
  .map((over) => query(Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined))));

const scopes: fc.Arbitrary<AccountScope> = fc.oneof(fc.constant('all' as const), fc.subarray(accountIds).map((ids) => new Set(ids)));

describe('the indexes never change an answer', () => {
  it('agrees with a full scan for any query and scope', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(queries, scopes, (q, scope) => {
        const accounts = effectiveAccounts(q.accountIds, scope);
        const viaIndex = listPage(accounts?.size === 0 ? { lists: [], guaranteed: {} } : index.sources(q, accounts), q, accounts, ctx);
        const fullScan = listSessions({ list: data.sessions, sorted: false }, q, accounts, ctx);
        assert.deepEqual(viaIndex, fullScan);
        // The windows and merge alone, every list as a source and nothing taken as guaranteed.
        assert.deepEqual(listPage({ lists: [data.sessions.slice().sort(compareStored)], guaranteed: {} }, q, accounts, ctx), fullScan);
        if (fullScan.items.length > 0) nonEmpty++;
      }),
      { numRuns: 1000, seed: 20261120 },
    );
    assert.ok(nonEmpty > 250, `only ${nonEmpty} of 1000 queries matched anything; the property would prove little`);
  });

  it('agrees with a full scan when a query names more lists than are merged (a dozen customers or endpoints)', () => {
    const customers = [...new Set(sessions.map((s) => s.customerId).filter((c): c is string => !!c))].slice(0, 12);
    const endpoints = [...new Set(sessions.map((s) => s.endpointId!))].slice(0, 12);
    fc.assert(
      fc.property(queries, scopes, fc.boolean(), (base, scope, byCustomer) => {
        const q = { ...base, ...(byCustomer ? { customerIds: customers } : { endpointIds: endpoints }) };
        const accounts = effectiveAccounts(q.accountIds, scope);
        const viaIndex = listPage(accounts?.size === 0 ? { lists: [], guaranteed: {} } : index.sources(q, accounts), q, accounts, ctx);
        assert.deepEqual(viaIndex, listSessions({ list: data.sessions, sorted: false }, q, accounts, ctx));
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });
});
