import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import type { StoredSession } from '../../../src/store/session-store.js';
import { ARCHIVE_CUTOFF, startMock, type ErrorBody, type ListBody, type MockServer } from '../helpers/mock-server.js';

let mock: MockServer;
/** What dev@example.com reaches: the seeded sessions of their two accounts. */
let visible: StoredSession[];
const isLive = (e: StoredSession) => (e.session.dateCreated as string) >= ARCHIVE_CUTOFF;

before(async () => {
  mock = await startMock();
  const dev = mock.fixtures.users.find((u) => u.userName === 'dev@example.com')!;
  visible = mock.seeded.filter((e) => dev.accountIds.includes(e.session.accountId as string));
});
after(() => mock.stop());

/** Newest first, ties by id: the default order. */
const newestFirst = (a: StoredSession, b: StoredSession) =>
  a.session.dateCreated! < b.session.dateCreated! ? 1 : a.session.dateCreated! > b.session.dateCreated! ? -1 : a.session.id! < b.session.id! ? 1 : -1;

function mostCommon(values: (string | null | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

async function list(query: string, user: 'dev' | 'other' | 'admin' = 'dev') {
  const res = await mock.json<ListBody>(`/sessions?${query}`, { user });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

describe('ListSessions filters: each parameter narrows to exactly the matching sessions', () => {
  // Rows are built lazily: the values come from the seeded data.
  const rows: { name: string; query: () => string; match: (e: StoredSession) => boolean }[] = [
    { name: 'no parameters: every live session of the caller', query: () => '', match: isLive },
    {
      name: 'accountIds: one of the caller\'s accounts',
      query: () => `accountIds=${visible[0]!.session.accountId}`,
      match: (e) => isLive(e) && e.session.accountId === visible[0]!.session.accountId,
    },
    ...(['comma', 'brackets', 'repeated keys'] as const).map((form) => ({
      name: `customerIds as ${form}`,
      query: () => {
        const [a, b] = twoCustomers();
        return form === 'comma' ? `customerIds=${a},${b}` : form === 'brackets' ? `customerIds=[${a},${b}]` : `customerIds=${a}&customerIds=${b}`;
      },
      match: (e: StoredSession) => isLive(e) && twoCustomers().includes(e.session.customerId as string),
    })),
    {
      name: 'endpointIds',
      query: () => `endpointIds=${mostCommon(visible.filter(isLive).map((e) => e.session.endpointId))}`,
      match: (e) => isLive(e) && e.session.endpointId === mostCommon(visible.filter(isLive).map((x) => x.session.endpointId)),
    },
    {
      name: 'specificIds (archived ids left out unless searchArchive)',
      query: () => `specificIds=${visible[0]!.session.id},${visible[visible.length - 1]!.session.id}`,
      match: (e) => isLive(e) && [visible[0]!.session.id, visible[visible.length - 1]!.session.id].includes(e.session.id),
    },
    {
      name: 'parentSessionId',
      query: () => `parentSessionId=${aParent()}`,
      match: (e) => isLive(e) && e.parentSessionId === aParent(),
    },
    {
      name: 'from: contains, any case',
      query: () => `from=${encodeURIComponent(fromNeedle().toUpperCase())}`,
      match: (e) => isLive(e) && (e.session.fromAddress ?? '').toLowerCase().includes(fromNeedle().toLowerCase()),
    },
    {
      name: 'to: contains',
      query: () => `to=${encodeURIComponent(toNeedle())}`,
      match: (e) => isLive(e) && (e.session.toAddress ?? '').toLowerCase().includes(toNeedle().toLowerCase()),
    },
    {
      name: 'log: text in any log message, any case',
      query: () => `log=${encodeURIComponent(logNeedle().toUpperCase())}`,
      match: (e) => isLive(e) && (e.session.log ?? []).some((l) => (l.message ?? '').toLowerCase().includes(logNeedle().toLowerCase())),
    },
    {
      name: 'startDate: inclusive',
      query: () => `startDate=${middleDay()}`,
      match: (e) => isLive(e) && e.session.dateCreated!.slice(0, 10) >= middleDay(),
    },
    {
      name: 'endDate: inclusive',
      query: () => `endDate=${middleDay()}`,
      match: (e) => isLive(e) && e.session.dateCreated!.slice(0, 10) <= middleDay(),
    },
    {
      name: 'startDate and endDate on the same day: that day only',
      query: () => `startDate=${middleDay()}&endDate=${middleDay()}`,
      match: (e) => isLive(e) && e.session.dateCreated!.slice(0, 10) === middleDay(),
    },
    { name: 'searchArchive=true: only sessions older than 15 days', query: () => 'searchArchive=true', match: (e) => !isLive(e) },
    { name: 'searchArchive=false: only live sessions', query: () => 'searchArchive=false', match: isLive },
  ];

  for (const row of rows) {
    it(row.name, async () => {
      const expected = visible.filter(row.match).sort(newestFirst);
      assert.ok(expected.length > 0, 'the seeded data should hold matches for this row');
      const q = row.query();
      const body = await list(`${q}${q ? '&' : ''}all=true`);
      assert.equal(body.totalCount, expected.length);
      assert.deepEqual(body.items.map((s) => s.id), expected.map((e) => e.session.id));
    });
  }

  it('an account outside the caller\'s reach looks empty, not forbidden', async () => {
    const other = mock.fixtures.users.find((u) => u.userName === 'other@example.com')!;
    const body = await list(`accountIds=${other.accountIds[0]}`);
    assert.equal(body.totalCount, 0);
    assert.deepEqual(body.items, []);
  });

  function twoCustomers(): [string, string] {
    const counts = visible.filter(isLive).map((e) => e.session.customerId);
    const first = mostCommon(counts);
    return [first, mostCommon(counts.filter((c) => c !== first))];
  }
  function aParent(): string {
    return visible.filter(isLive).find((e) => e.parentSessionId)!.parentSessionId!;
  }
  function fromNeedle(): string {
    return visible.filter(isLive).find((e) => e.session.fromAddress?.startsWith('+'))!.session.fromAddress!.slice(0, 5);
  }
  function toNeedle(): string {
    return visible.filter(isLive).find((e) => e.session.toAddress)!.session.toAddress!.slice(-4);
  }
  function logNeedle(): string {
    return 'voicemail';
  }
  function middleDay(): string {
    const days = [...new Set(visible.filter(isLive).map((e) => e.session.dateCreated!.slice(0, 10)))].sort();
    return days[Math.floor(days.length / 2)]!;
  }
});

describe('ListSessions sorting', () => {
  const compareBy = (key: keyof SessionInfo) => (a: StoredSession, b: StoredSession) => {
    const va = a.session[key] as string | undefined;
    const vb = b.session[key] as string | undefined;
    if (va !== vb) {
      if (va === undefined) return -1;
      if (vb === undefined) return 1;
      return va < vb ? -1 : 1;
    }
    return a.session.id! < b.session.id! ? -1 : 1;
  };
  const rows: { query: string; key: keyof SessionInfo; descend: boolean }[] = [
    { query: 'sortField=dateCreated&sortOrder=Ascend', key: 'dateCreated', descend: false },
    { query: 'sortField=DATECREATED&sortOrder=Descend', key: 'dateCreated', descend: true },
    { query: 'sortField=displayName', key: 'displayName', descend: false },
    { query: 'SortField=DisplayName&SortOrder=descend', key: 'displayName', descend: true },
    { query: 'sortField=fromAddress&sortOrder=Ascend', key: 'fromAddress', descend: false },
  ];
  for (const row of rows) {
    it(`${row.query} orders by ${row.key}${row.descend ? ', descending' : ''}`, async () => {
      const expected = visible.filter(isLive).sort(compareBy(row.key));
      if (row.descend) expected.reverse();
      const body = await list(`${row.query}&all=true`);
      assert.deepEqual(body.items.map((s) => s.id), expected.map((e) => e.session.id));
    });
  }

  it('without sortField, newest first', async () => {
    const body = await list('countPerPage=10');
    assert.deepEqual(body.items.map((s) => s.id), visible.filter(isLive).sort(newestFirst).slice(0, 10).map((e) => e.session.id));
  });
});

describe('ListSessions paging', () => {
  let total: number;
  before(() => {
    total = visible.filter(isLive).length;
    assert.ok(total > 30, 'enough live sessions to page through');
  });

  const rows: { name: string; query: (total: number) => string; expect: (total: number) => Partial<ListBody> & { count: number } }[] = [
    { name: 'countPerPage defaults to 25', query: () => '', expect: (t) => ({ count: 25, totalCount: t, totalPages: Math.ceil(t / 25), hasMorePages: true }) },
    { name: 'countPerPage=0 means the default', query: () => 'countPerPage=0', expect: (t) => ({ count: 25, totalPages: Math.ceil(t / 25) }) },
    { name: 'countPerPage=1', query: () => 'countPerPage=1', expect: (t) => ({ count: 1, totalCount: t, totalPages: t, hasMorePages: true }) },
    {
      name: 'the last page holds the remainder, no more pages',
      query: (t) => `countPerPage=25&page=${Math.ceil(t / 25) - 1}`,
      expect: (t) => ({ count: t - 25 * (Math.ceil(t / 25) - 1), totalCount: t, hasMorePages: false }),
    },
    {
      name: 'a page past the end is empty, totals still exact',
      query: (t) => `countPerPage=25&page=${Math.ceil(t / 25)}`,
      expect: (t) => ({ count: 0, totalCount: t, totalPages: Math.ceil(t / 25), hasMorePages: false }),
    },
    { name: 'all=true returns everything on one page', query: () => 'all=true&countPerPage=5&page=3', expect: (t) => ({ count: t, totalCount: t, totalPages: 1, hasMorePages: false }) },
    { name: 'simplifiedPaging writes 0 totals, keeps hasMorePages', query: () => 'simplifiedPaging=true&countPerPage=10', expect: () => ({ count: 10, totalCount: 0, totalPages: 0, hasMorePages: true }) },
    {
      name: 'simplifiedPaging on the last page: no more pages',
      query: (t) => `simplifiedPaging=true&countPerPage=10&page=${Math.ceil(t / 10) - 1}`,
      expect: () => ({ totalCount: 0, totalPages: 0, hasMorePages: false, count: -1 }),
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const body = await list(row.query(total));
      const { count, ...rest } = row.expect(total);
      if (count >= 0) assert.equal(body.items.length, count);
      for (const [k, v] of Object.entries(rest)) assert.equal(body[k as keyof ListBody], v, k);
    });
  }

  it('pages put together give the whole list, each session once, in order', async () => {
    const pages: string[] = [];
    for (let page = 0; ; page++) {
      const body = await list(`countPerPage=40&page=${page}`);
      pages.push(...body.items.map((s) => s.id!));
      if (!body.hasMorePages) break;
    }
    assert.deepEqual(pages, visible.filter(isLive).sort(newestFirst).map((e) => e.session.id));
  });
});

describe('ListSessions rejects a bad value for each parameter it can with 400 naming the field', () => {
  const rows: { query: string; field: string; code: string }[] = [
    { query: 'page=abc', field: 'Page', code: 'SerializationException' },
    { query: 'page=-1', field: 'Page', code: 'ArgumentException' },
    { query: 'countPerPage=ten', field: 'CountPerPage', code: 'SerializationException' },
    { query: 'countPerPage=-5', field: 'CountPerPage', code: 'ArgumentException' },
    { query: 'countPerPage=99999999999', field: 'CountPerPage', code: 'SerializationException' },
    { query: 'all=maybe', field: 'All', code: 'SerializationException' },
    { query: 'simplifiedPaging=perhaps', field: 'SimplifiedPaging', code: 'SerializationException' },
    { query: 'searchArchive=sometimes', field: 'SearchArchive', code: 'SerializationException' },
    { query: 'sortOrder=Sideways', field: 'SortOrder', code: 'SerializationException' },
    { query: 'sortField=favouriteColour', field: 'SortField', code: 'ArgumentException' },
    { query: 'startDate=2026-13-01', field: 'StartDate', code: 'RegularExpression' },
    { query: 'endDate=20261120', field: 'EndDate', code: 'RegularExpression' },
    { query: 'specificIds=[a,b', field: 'SpecificIds', code: 'SerializationException' },
    { query: 'accountIds="a', field: 'AccountIds', code: 'SerializationException' },
    { query: 'customerIds=[x', field: 'CustomerIds', code: 'SerializationException' },
    { query: 'endpointIds=a,"b', field: 'EndpointIds', code: 'SerializationException' },
  ];
  for (const row of rows) {
    it(`${row.query} -> 400 ${row.code} on ${row.field}`, async () => {
      const res = await mock.json<ErrorBody>(`/sessions?${row.query}`, { user: 'dev' });
      assert.equal(res.status, 400);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      const status = res.body.responseStatus;
      assert.equal(status.errors.length, 1, JSON.stringify(status));
      assert.equal(status.errors[0]!.fieldName, row.field);
      assert.equal(status.errors[0]!.errorCode, row.code);
      assert.match(status.errors[0]!.message, /expected|use|not a/i, 'the message says what is allowed');
    });
  }

  it('every bad field is reported at once', async () => {
    const res = await mock.json<ErrorBody>('/sessions?page=x&all=y2&sortOrder=Up', { user: 'dev' });
    assert.equal(res.status, 400);
    assert.equal(res.body.responseStatus.errorCode, 'SerializationException');
    assert.equal(res.body.responseStatus.message, "Unable to bind to request 'ListSessions'");
    assert.deepEqual(res.body.responseStatus.errors.map((e) => e.fieldName).sort(), ['All', 'Page', 'SortOrder']);
  });

  it('query names bind in any case, and format/callback/debug/jsconfig are never bound', async () => {
    const body = await list('COUNTPERPAGE=3&Page=1&debug=x&jsconfig=y');
    assert.equal(body.items.length, 3);
  });
});
