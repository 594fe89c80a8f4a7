import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdminError } from '../../../src/admin-client/admin-client.js';
import { AuthSessions } from '../../../src/server/auth/auth-sessions.js';
import { WWW_AUTHENTICATE } from '../../../src/server/auth/authorize.js';
import { mockPerFile, startMock, USERS } from '../helpers/mock-server.js';

const { mock, admin } = mockPerFile({ sessions: 20 });

/** Signs in with credentials and answers the cookie header later calls send. */
async function signIn(user: keyof typeof USERS, rememberMe = false): Promise<{ cookie: string; sessionId: string }> {
  const res = await fetch(`${mock.url}/auth/credentials`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ userName: USERS[user].userName, password: USERS[user].password, rememberMe }),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { sessionId: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, sessionId: body.sessionId };
}

async function withCookie(cookie: string): Promise<Response> {
  return fetch(`${mock.url}/sessions/my`, { headers: { Cookie: cookie, Accept: 'application/json' } });
}

async function assertSignedOut(res: Response): Promise<void> {
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('www-authenticate'), WWW_AUTHENTICATE);
  const body = (await res.json()) as { responseStatus: { errorCode: string } };
  assert.equal(body.responseStatus.errorCode, 'Unauthorized');
}

describe('POST /__admin/auth/expire', () => {
  it('{"user"} ends that user\'s sessions (401 with WWW-Authenticate after) and leaves others signed in', async () => {
    const dev = await signIn('dev');
    const dev2 = await signIn('dev', true);
    const other = await signIn('other');
    assert.equal((await withCookie(dev.cookie)).status, 200);
    const result = await admin.auth.expire({ user: 'dev@example.com' });
    assert.equal(result.sessions, 2);
    await assertSignedOut(await withCookie(dev.cookie));
    await assertSignedOut(await withCookie(dev2.cookie));
    assert.equal((await withCookie(other.cookie)).status, 200);
    // Signing in again works as ever.
    assert.equal((await withCookie((await signIn('dev')).cookie)).status, 200);
  });

  it('{"user"} revokes the user\'s bearer token ("Token has expired") until they sign in again', async () => {
    const bearer = { Authorization: `Bearer ${USERS.guest.token}`, Accept: 'application/json' };
    assert.equal((await fetch(`${mock.url}/sessions`, { headers: bearer })).status, 200);
    const result = await admin.auth.expire({ user: USERS.guest.userName });
    assert.ok(result.bearerTokensRevoked >= 1);
    const res = await fetch(`${mock.url}/sessions`, { headers: bearer });
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), WWW_AUTHENTICATE);
    assert.equal(((await res.json()) as { responseStatus: { message: string } }).responseStatus.message, 'Token has expired');
    // Basic auth is not a sign-in: it keeps working.
    assert.equal((await mock.request('/sessions', { user: 'guest' })).status, 200);
    await signIn('guest');
    assert.equal((await fetch(`${mock.url}/sessions`, { headers: bearer })).status, 200);
  });

  it('{"sessionId"} ends one session, by its ss-id or ss-pid; an unknown one is a 404', async () => {
    const a = await signIn('admin', true);
    const b = await signIn('admin');
    assert.deepEqual(await admin.auth.expire({ sessionId: a.sessionId }), { sessions: 1, bearerTokensRevoked: 0 });
    await assertSignedOut(await withCookie(a.cookie));
    assert.equal((await withCookie(b.cookie)).status, 200);
    await assert.rejects(admin.auth.expire({ sessionId: a.sessionId }), (err: unknown) => err instanceof AdminError && err.status === 404);
  });

  it('{} ends every session and revokes every token', async () => {
    const a = await signIn('dev');
    const b = await signIn('other');
    const result = await admin.auth.expire();
    assert.ok(result.sessions >= 2);
    await assertSignedOut(await withCookie(a.cookie));
    await assertSignedOut(await withCookie(b.cookie));
    assert.equal((await fetch(`${mock.url}/sessions`, { headers: { Authorization: `Bearer ${USERS.other.token}` } })).status, 401);
    await signIn('other');
  });

  it('refuses an unknown user (404 listing the dev users) and unknown members (400)', async () => {
    const unknown = await admin.auth.expire({ user: 'nobody@example.com' }).catch((e: unknown) => e as AdminError);
    assert.ok(unknown instanceof AdminError);
    assert.equal(unknown.status, 404);
    assert.match(unknown.message, /dev@example\.com/);
    const res = await fetch(`${mock.url}/__admin/auth/expire`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"usr":"x"}' });
    assert.equal(res.status, 400);
  });

  it('sign-out through /auth/logout still ends a session', async () => {
    const a = await signIn('dev');
    await fetch(`${mock.url}/auth/logout`, { headers: { Cookie: a.cookie } });
    await assertSignedOut(await withCookie(a.cookie));
  });
});

describe('--session-ttl', () => {
  it('a sign-in lasts the TTL, then the same cookie meets a 401 with WWW-Authenticate', async () => {
    const ttl = await startMock({ sessions: 5, settings: { sessionTtl: 3000 } });
    try {
      const res = await fetch(`${ttl.url}/auth/credentials`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userName":"dev@example.com","password":"dev"}' });
      const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      assert.equal((await fetch(`${ttl.url}/sessions/my`, { headers: { Cookie: cookie } })).status, 200);
      await new Promise((r) => setTimeout(r, 3100));
      const after = await fetch(`${ttl.url}/sessions/my`, { headers: { Cookie: cookie } });
      assert.equal(after.status, 401);
      assert.equal(after.headers.get('www-authenticate'), WWW_AUTHENTICATE);
    } finally {
      await ttl.stop();
    }
  });

  it('AuthSessions drops a session at its expiry, on a clock it is given', () => {
    let now = 1_000;
    const sessions = new AuthSessions({ ttlMs: 60_000, now: () => now });
    sessions.save('u1', ['a', 'b']);
    assert.equal(sessions.get('b')?.userId, 'u1');
    now += 59_999;
    assert.equal(sessions.active(), 1);
    now += 1;
    assert.equal(sessions.get('a'), undefined);
    assert.equal(sessions.get('b'), undefined);
    assert.equal(sessions.active(), 0);
  });
});
