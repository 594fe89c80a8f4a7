import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import type { StoredSession } from '../../../src/store/session-store.js';
import { ARCHIVE_CUTOFF, startMock, type ErrorBody, type ListBody, type MockServer, type UserName } from '../helpers/mock-server.js';

let mock: MockServer;
let noQuirks: MockServer;
const accountsOf = (user: string) => new Set(mock.fixtures.users.find((u) => u.userName === user)!.accountIds);

before(async () => {
  [mock, noQuirks] = await Promise.all([startMock({ sessions: 300 }), startMock({ sessions: 40, settings: { noQuirks: true } })]);
});
after(() => Promise.all([mock.stop(), noQuirks.stop()]));

/** Newer than 15 days: not archived, so GET /sessions/{id} answers it. */
function current(e: StoredSession): boolean {
  return (e.session.dateCreated as string) >= ARCHIVE_CUTOFF;
}

/** A seeded session in one of dev's accounts that has a log and is not archived. */
function devSession(): StoredSession {
  const dev = accountsOf('dev@example.com');
  return mock.seeded.find((e) => dev.has(e.session.accountId!) && (e.session.log ?? []).length > 0 && current(e))!;
}

describe('GetSession', () => {
  it('answers the session, with the real server\'s quirk: an empty log', async () => {
    const stored = devSession();
    const res = await mock.json<SessionInfo>(`/sessions/${stored.session.id}`, { user: 'dev' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { ...stored.session, log: [] });
  });

  it('ListSessions?specificIds=ID carries the log the quirk leaves out', async () => {
    const stored = devSession();
    const search = (stored.session.dateCreated as string) < ARCHIVE_CUTOFF ? '&searchArchive=true' : '';
    const res = await mock.json<ListBody>(`/sessions?specificIds=${stored.session.id}${search}`, { user: 'dev' });
    assert.deepEqual(res.body.items[0]!.log, stored.session.log);
  });

  it('with quirks off (--no-quirks) the log comes back', async () => {
    const stored = noQuirks.seeded.find((e) => (e.session.log ?? []).length > 0 && current(e))!;
    const res = await noQuirks.json<SessionInfo>(`/sessions/${stored.session.id}`, { user: 'admin' });
    assert.deepEqual(res.body.log, stored.session.log);
  });

  it('an archived session (older than 15 days) is a 404, and ListSessions with specificIds and searchArchive=true still reads it', async () => {
    const dev = accountsOf('dev@example.com');
    const archived = mock.seeded.find((e) => dev.has(e.session.accountId!) && !current(e))!;
    const id = archived.session.id as string;
    const res = await mock.json<ErrorBody>(`/sessions/${id}`, { user: 'dev' });
    assert.equal(res.status, 404);
    assert.equal(res.body.responseStatus.errorCode, 'NotFound');
    assert.match(res.body.responseStatus.message, /archived.*searchArchive=true/);
    assert.deepEqual((await mock.json<ListBody>(`/sessions?specificIds=${id}`, { user: 'dev' })).body.items, []);
    const found = await mock.json<ListBody>(`/sessions?specificIds=${id}&searchArchive=true`, { user: 'dev' });
    assert.deepEqual(found.body.items.map((s) => s.id), [id]);
  });

  it('an unknown id is a 404 in ServiceStack\'s shape', async () => {
    const res = await mock.json<ErrorBody>('/sessions/00000000000000000000000000000000', { user: 'dev' });
    assert.equal(res.status, 404);
    assert.equal(res.body.responseStatus.errorCode, 'NotFound');
    assert.deepEqual(res.body.responseStatus.errors, []);
  });
});

describe('cross-account isolation', () => {
  const rows: { user: UserName; owner: 'dev' | 'other'; status: number }[] = [
    { user: 'dev', owner: 'dev', status: 200 },
    { user: 'other', owner: 'dev', status: 404 },
    { user: 'dev', owner: 'other', status: 404 },
    { user: 'other', owner: 'other', status: 200 },
    { user: 'admin', owner: 'dev', status: 200 },
    { user: 'admin', owner: 'other', status: 200 },
  ];
  for (const row of rows) {
    it(`${row.user} reading a session of ${row.owner}'s account -> ${row.status}`, async () => {
      const accounts = accountsOf(`${row.owner}@example.com`);
      const stored = mock.seeded.find((e) => accounts.has(e.session.accountId!) && current(e))!;
      const res = await mock.json<ErrorBody>(`/sessions/${stored.session.id}`, { user: row.user });
      assert.equal(res.status, row.status);
      if (row.status === 404) {
        // Exactly what an id that does not exist gets: nothing says the session is there.
        const missing = await mock.json<ErrorBody>(`/sessions/${'f'.repeat(32)}`, { user: row.user });
        assert.equal(res.body.responseStatus.errorCode, missing.body.responseStatus.errorCode);
      }
    });
  }

  it('lists only hold the caller\'s accounts; admin sees every account', async () => {
    const other = await mock.json<ListBody>('/sessions?all=true&searchArchive=true', { user: 'other' });
    const otherAccounts = accountsOf('other@example.com');
    assert.ok(other.body.items.length > 0);
    assert.ok(other.body.items.every((s) => otherAccounts.has(s.accountId!)));
    const admin = await mock.json<ListBody>('/sessions?all=true&searchArchive=true', { user: 'admin' });
    const archived = mock.seeded.filter((e) => (e.session.dateCreated as string) < ARCHIVE_CUTOFF).length;
    assert.equal(admin.body.totalCount, archived);
    assert.ok(new Set(admin.body.items.map((s) => s.accountId)).size >= 3);
  });
});

describe('GetMySessions and GetActiveSessions', () => {
  it('/sessions/active: the signed-in phone user\'s live sessions (on the user\'s own endpoint), not the whole account\'s', async () => {
    const res = await mock.json<{ sessions: SessionInfo[] }>('/sessions/active', { user: 'dev' });
    assert.equal(res.status, 200);
    const devUser = mock.fixtures.users[0]!;
    const dev = accountsOf('dev@example.com');
    const onDevEndpoint = (s: SessionInfo) => s.endpointId === devUser.endpointId || (s.members ?? []).some((m) => m.endpointId === devUser.endpointId);
    const accountLive = mock.seeded.filter((e) => dev.has(e.session.accountId!) && e.session.ended !== true);
    const expected = accountLive.filter((e) => onDevEndpoint(e.session)).map((e) => e.session.id).sort();
    assert.ok(expected.length > 0, 'the seed puts some live calls on dev');
    assert.ok(expected.length < accountLive.length, 'and others on colleagues');
    assert.deepEqual(res.body.sessions.map((s) => s.id).sort(), expected);
  });

  it('/sessions/my: sessions not ended where the caller is a member or owns the endpoint', async () => {
    const devUser = mock.fixtures.users[0]!;
    const res = await mock.json<{ sessions: SessionInfo[] }>('/sessions/my', { user: 'dev' });
    assert.equal(res.status, 200);
    for (const s of res.body.sessions) {
      assert.notEqual(s.ended, true);
      assert.ok(s.endpointId === devUser.endpointId || (s.members ?? []).some((m) => m.endpointId === devUser.endpointId || m.identity === devUser.id));
    }
    const expected = mock.seeded.filter(
      (e) =>
        e.session.ended !== true &&
        accountsOf('dev@example.com').has(e.session.accountId!) &&
        (e.session.endpointId === devUser.endpointId || (e.session.members ?? []).some((m) => m.endpointId === devUser.endpointId || m.identity === devUser.id)),
    );
    assert.equal(res.body.sessions.length, expected.length);
  });

  it('/sessions/active refuses a signed-in user who is no phone user (no User endpoint), pointing at /sessions/my', async () => {
    const dev = mock.fixtures.users[0]!;
    const nophone = { ...dev, id: 'f0'.repeat(16), userName: 'nophone@example.com', password: 'nophone', bearerTokens: [], endpointId: 'e0'.repeat(16) };
    const other = await startMock({ sessions: 20, parts: { fixtures: { ...mock.fixtures, users: [...mock.fixtures.users, nophone] } } });
    try {
      const res = await other.json<ErrorBody>('/sessions/active', { headers: { Authorization: `Basic ${Buffer.from('nophone@example.com:nophone').toString('base64')}` } });
      assert.equal(res.status, 403);
      assert.equal(res.body.responseStatus.errorCode, 'Forbidden');
      assert.match(res.body.responseStatus.message, /phone-user endpoint.*\/sessions\/my/);
    } finally {
      await other.stop();
    }
  });

  it('a user with an empty account gets an empty wrapper, not an error', async () => {
    const res = await mock.json<{ sessions: SessionInfo[] }>('/sessions/active', { headers: { Authorization: `Basic ${Buffer.from('empty@example.com:empty').toString('base64')}` } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { sessions: [] });
  });
});
