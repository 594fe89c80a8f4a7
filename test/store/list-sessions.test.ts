import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listPage } from '../../src/store/list-page.js';
import { archiveCutoff, checkSessionQuery, listSessions, resolveSortField } from '../../src/store/list-sessions.js';
import { effectiveAccounts, SessionIndex } from '../../src/store/session-index.js';
import type { AccountScope, SessionPage, SessionQuery } from '../../src/store/session-store.js';
import { query, sessionSortFields, stored } from './helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const CUTOFF = archiveCutoff(NOW); // 2026-11-05T12:00:00.000Z
const A = 'acct-a';
const B = 'acct-b';
const C = 'acct-c';

const DATA = [
  stored({ id: 'a1', accountId: A, dateCreated: '2026-11-20T10:00:00.000Z', customerId: 'c1', endpointId: 'e1', fromAddress: '+15551230001', toAddress: '+15559990001', displayName: 'Zed', log: [{ date: '2026-11-20T10:00:00.000Z', message: 'Incoming call from +15551230001' }, { message: 'Answered by Dana' }] }),
  stored({ id: 'a2', accountId: A, dateCreated: '2026-11-19T23:59:59.999Z', customerId: 'c1', endpointId: 'e2', fromAddress: 'dana@example.com', toAddress: '+15558880002', displayName: 'alpha', callState: 'Connected', ended: false, log: [{ message: 'Voicemail recorded (12s)' }] }),
  stored({ id: 'a3', accountId: A, dateCreated: '2026-11-19T00:00:00.000Z', customerId: 'c2', endpointId: 'e1', fromAddress: '+447700900123', displayName: 'Beta', callState: 'Ringing', ended: false }),
  stored({ id: 'a4', accountId: A, dateCreated: CUTOFF, displayName: 'at the boundary' }),
  stored({ id: 'a5', accountId: A, dateCreated: '2026-11-05T11:59:59.999Z', displayName: 'just archived', customerId: 'c1' }),
  stored({ id: 'a6', accountId: A, dateCreated: '2026-10-01T08:00:00.000Z', displayName: 'old', log: [{ message: 'voicemail from October' }] }),
  stored({ id: 'b2', accountId: B, dateCreated: '2026-11-18T09:00:00.000Z', customerId: 'c3', endpointId: 'e3', displayName: 'tie' }, 'a1'),
  stored({ id: 'b1', accountId: B, dateCreated: '2026-11-18T09:00:00.000Z', customerId: 'c3', endpointId: 'e3', displayName: 'tie' }, 'a1'),
  stored({ id: 'c1', accountId: C, dateCreated: '2026-11-10T00:00:00.000Z', customerId: 'c9', toAddress: '+15558880009', displayName: 'other account' }),
];

const index = new SessionIndex();
for (const e of DATA) index.add(e);
const ctx = { archiveCutoff: CUTOFF, sortFields: sessionSortFields() };

function list(q: SessionQuery, scope: AccountScope = 'all'): SessionPage {
  const accounts = effectiveAccounts(q.accountIds, scope);
  const page = listPage(accounts?.size === 0 ? { lists: [], guaranteed: {} } : index.sources(q, accounts), q, accounts, ctx);
  // The index only narrows where to look: a full scan must give the same answer.
  const full = listSessions({ list: DATA, sorted: false }, q, accounts, ctx);
  assert.deepEqual(page, full, 'index and full scan disagree');
  return page;
}
const ids = (p: SessionPage) => p.items.map((s) => s.id);
const LIVE_NEWEST_FIRST = ['a1', 'a2', 'a3', 'b2', 'b1', 'c1', 'a4'];

describe('ListSessions filters', () => {
  const cases: { name: string; q: Partial<SessionQuery>; scope?: AccountScope; expect: string[] }[] = [
    { name: 'no filter: live sessions, newest first, ties by id (reversed)', q: {}, expect: LIVE_NEWEST_FIRST },
    { name: 'searchArchive: only sessions older than 15 days', q: { searchArchive: true }, expect: ['a5', 'a6'] },
    { name: 'archive boundary: created exactly 15 days ago is live', q: { specificIds: ['a4', 'a5'] }, expect: ['a4'] },
    { name: 'scope limits to the reachable accounts', q: {}, scope: new Set([B]), expect: ['b2', 'b1'] },
    { name: 'accountIds intersect with the scope', q: { accountIds: [A, B] }, scope: new Set([B, C]), expect: ['b2', 'b1'] },
    { name: 'accountIds outside the scope: nothing, not an error', q: { accountIds: [A] }, scope: new Set([B]), expect: [] },
    { name: 'accountIds for an administrator', q: { accountIds: [C] }, expect: ['c1'] },
    { name: 'specificIds, still within the scope', q: { specificIds: ['a2', 'b1', 'nope'] }, scope: new Set([A]), expect: ['a2'] },
    { name: 'customerIds: one', q: { customerIds: ['c1'] }, expect: ['a1', 'a2'] },
    { name: 'customerIds: several', q: { customerIds: ['c2', 'c1'] }, expect: ['a1', 'a2', 'a3'] },
    { name: 'customerIds combine with accountIds', q: { customerIds: ['c1', 'c3'], accountIds: [B] }, expect: ['b2', 'b1'] },
    { name: 'endpointIds', q: { endpointIds: ['e1', 'e3'] }, expect: ['a1', 'a3', 'b2', 'b1'] },
    { name: 'from: contains, on fromAddress', q: { from: '5551230' }, expect: ['a1'] },
    { name: 'from: case-insensitive', q: { from: 'DANA@' }, expect: ['a2'] },
    { name: 'to: contains, on toAddress', q: { to: '888000' }, expect: ['a2', 'c1'] },
    { name: 'log: text in any message, case-insensitive', q: { log: 'VOICEMAIL' }, expect: ['a2'] },
    { name: 'log: in the archive', q: { log: 'voicemail', searchArchive: true }, expect: ['a6'] },
    { name: 'log: a later message matches too', q: { log: 'answered by' }, expect: ['a1'] },
    { name: 'parentSessionId', q: { parentSessionId: 'a1' }, expect: ['b2', 'b1'] },
    { name: 'startDate includes its whole day', q: { startDate: '2026-11-19' }, expect: ['a1', 'a2', 'a3'] },
    { name: 'endDate includes its whole day (23:59:59.999)', q: { endDate: '2026-11-19', accountIds: [A] }, expect: ['a2', 'a3', 'a4'] },
    { name: 'startDate = endDate: one day', q: { startDate: '2026-11-19', endDate: '2026-11-19' }, expect: ['a2', 'a3'] },
    { name: 'startDate after endDate: nothing', q: { startDate: '2026-11-20', endDate: '2026-11-19' }, expect: [] },
    { name: 'dates and archive combine', q: { startDate: '2026-10-01', endDate: '2026-10-01', searchArchive: true }, expect: ['a6'] },
    { name: 'every filter at once', q: { accountIds: [A], customerIds: ['c1'], endpointIds: ['e1'], from: '+1555', to: '999', log: 'incoming', startDate: '2026-11-20', endDate: '2026-11-20' }, expect: ['a1'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(ids(list(query(c.q), c.scope)), c.expect));
  }
});

describe('ListSessions paging', () => {
  const total = LIVE_NEWEST_FIRST.length; // 7
  const cases: { name: string; q: Partial<SessionQuery>; expect: Omit<SessionPage, 'items'> & { ids: string[] } }[] = [
    { name: 'first page', q: { countPerPage: 3 }, expect: { ids: ['a1', 'a2', 'a3'], totalCount: total, totalPages: 3, hasMorePages: true } },
    { name: 'last page, partly filled', q: { countPerPage: 3, page: 2 }, expect: { ids: ['a4'], totalCount: total, totalPages: 3, hasMorePages: false } },
    { name: 'a page past the end is empty', q: { countPerPage: 3, page: 3 }, expect: { ids: [], totalCount: total, totalPages: 3, hasMorePages: false } },
    { name: 'far past the end', q: { countPerPage: 3, page: 1_000_000 }, expect: { ids: [], totalCount: total, totalPages: 3, hasMorePages: false } },
    { name: 'countPerPage 1', q: { countPerPage: 1, page: 6 }, expect: { ids: ['a4'], totalCount: total, totalPages: 7, hasMorePages: false } },
    { name: 'countPerPage 1, not last', q: { countPerPage: 1, page: 5 }, expect: { ids: ['c1'], totalCount: total, totalPages: 7, hasMorePages: true } },
    { name: 'exact fit: the last full page has no more', q: { countPerPage: 7 }, expect: { ids: LIVE_NEWEST_FIRST, totalCount: total, totalPages: 1, hasMorePages: false } },
    { name: 'countPerPage 0 means 25', q: { countPerPage: 0 }, expect: { ids: LIVE_NEWEST_FIRST, totalCount: total, totalPages: 1, hasMorePages: false } },
    { name: 'negative paging is clamped (the binder reports it)', q: { countPerPage: -5, page: -1 }, expect: { ids: LIVE_NEWEST_FIRST, totalCount: total, totalPages: 1, hasMorePages: false } },
    { name: 'all: every match, one page, page ignored', q: { all: true, countPerPage: 2, page: 3 }, expect: { ids: LIVE_NEWEST_FIRST, totalCount: total, totalPages: 1, hasMorePages: false } },
    { name: 'all with no match: zero pages', q: { all: true, from: 'nobody' }, expect: { ids: [], totalCount: 0, totalPages: 0, hasMorePages: false } },
    { name: 'no match', q: { from: 'nobody' }, expect: { ids: [], totalCount: 0, totalPages: 0, hasMorePages: false } },
    { name: 'simplifiedPaging: totals 0, hasMorePages kept', q: { simplifiedPaging: true, countPerPage: 3 }, expect: { ids: ['a1', 'a2', 'a3'], totalCount: 0, totalPages: 0, hasMorePages: true } },
    { name: 'simplifiedPaging, last page', q: { simplifiedPaging: true, countPerPage: 3, page: 2 }, expect: { ids: ['a4'], totalCount: 0, totalPages: 0, hasMorePages: false } },
    { name: 'simplifiedPaging past the end: empty items', q: { simplifiedPaging: true, countPerPage: 3, page: 9 }, expect: { ids: [], totalCount: 0, totalPages: 0, hasMorePages: false } },
    { name: 'simplifiedPaging with all', q: { simplifiedPaging: true, all: true }, expect: { ids: LIVE_NEWEST_FIRST, totalCount: 0, totalPages: 0, hasMorePages: false } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { items, ...rest } = list(query(c.q));
      assert.deepEqual({ ids: items.map((s) => s.id), ...rest }, c.expect);
    });
  }

  it('walking the pages visits every match once, in order', () => {
    const seen: (string | undefined)[] = [];
    for (let page = 0; ; page++) {
      const p = list(query({ countPerPage: 2, page }));
      seen.push(...ids(p));
      if (!p.hasMorePages) break;
    }
    assert.deepEqual(seen, LIVE_NEWEST_FIRST);
  });
});

describe('ListSessions sorting', () => {
  const cases: { name: string; q: Partial<SessionQuery>; expect: string[] }[] = [
    { name: 'sortOrder Ascend alone: oldest first', q: { sortOrder: 'Ascend' }, expect: [...LIVE_NEWEST_FIRST].reverse() },
    { name: 'sortOrder Descend alone: newest first', q: { sortOrder: 'Descend' }, expect: LIVE_NEWEST_FIRST },
    { name: 'sortField camelCase, no order: Ascend, ordinal (upper case first), missing first', q: { sortField: 'displayName', accountIds: [A] }, expect: ['a3', 'a1', 'a2', 'a4'] },
    { name: 'sortField PascalCase is the same field', q: { sortField: 'DisplayName', accountIds: [A] }, expect: ['a3', 'a1', 'a2', 'a4'] },
    { name: 'Descend is the exact reverse', q: { sortField: 'DISPLAYNAME', sortOrder: 'Descend', accountIds: [A] }, expect: ['a4', 'a2', 'a1', 'a3'] },
    { name: 'enum fields sort by member position (Disconnected, Ringing, Connected)', q: { sortField: 'callState', accountIds: [A] }, expect: ['a1', 'a4', 'a3', 'a2'] },
    { name: 'booleans: false first', q: { sortField: 'Ended', accountIds: [A] }, expect: ['a2', 'a3', 'a1', 'a4'] },
    { name: 'ties break by id', q: { sortField: 'displayName', accountIds: [B] }, expect: ['b1', 'b2'] },
    { name: 'ties break by id, reversed in Descend', q: { sortField: 'displayName', sortOrder: 'Descend', accountIds: [B] }, expect: ['b2', 'b1'] },
    { name: 'lists sort by length', q: { sortField: 'log', sortOrder: 'Descend', accountIds: [A] }, expect: ['a1', 'a2', 'a4', 'a3'] },
    { name: 'dateCreated named explicitly: Ascend', q: { sortField: 'dateCreated' }, expect: [...LIVE_NEWEST_FIRST].reverse() },
    { name: 'sorting several unsorted lists (two customers)', q: { customerIds: ['c3', 'c1'], sortField: 'id' }, expect: ['a1', 'a2', 'b1', 'b2'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(ids(list(query({ ...c.q, all: true }))), c.expect));
  }

  it('resolves either case and rejects unknown fields', () => {
    const f = sessionSortFields();
    assert.equal(resolveSortField('DateCreated', f)?.key, 'dateCreated');
    assert.equal(resolveSortField('customerBreadcrumb', f)?.key, 'customerBreadcrumb');
    assert.equal(resolveSortField('Id', f)?.key, 'id');
    assert.equal(resolveSortField('nope', f), undefined);
    assert.equal(resolveSortField('parentSessionId', f), undefined, 'not a SessionInfo property');
  });
});

describe('checking a query', () => {
  const cases: { name: string; q: Partial<SessionQuery>; fields: string[] }[] = [
    { name: 'a fine query', q: { sortField: 'callState', sortOrder: 'Descend', startDate: '2026-02-28', endDate: '2024-02-29' }, fields: [] },
    { name: 'an empty sortField is no sort field', q: { sortField: '' }, fields: [] },
    { name: 'unknown sortField', q: { sortField: 'colour' }, fields: ['sortField'] },
    { name: 'sortOrder not in the enum', q: { sortOrder: 'Sideways' as 'Ascend' }, fields: ['sortOrder'] },
    { name: 'startDate not a day', q: { startDate: '2026-02-30' }, fields: ['startDate'] },
    { name: 'endDate in another format', q: { endDate: '20/11/2026' }, fields: ['endDate'] },
    { name: 'several problems at once', q: { sortField: 'x', startDate: 'today', endDate: '2026-13-01' }, fields: ['sortField', 'startDate', 'endDate'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(checkSessionQuery(query(c.q), sessionSortFields()).map((p) => p.field), c.fields));
  }

  it('archives at 15 days before the clock', () => {
    assert.equal(archiveCutoff(NOW), '2026-11-05T12:00:00.000Z');
  });
});
