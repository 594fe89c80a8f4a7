import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, type ErrorBody, mockPerFile, type MockServer, startMock, USERS } from '../helpers/mock-server.js';

const { mock } = mockPerFile({ sessions: 60 });

/** The cookies of a Set-Cookie list, by name. */
function cookiesOf(res: Response): Map<string, { value: string; attributes: string }> {
  const out = new Map<string, { value: string; attributes: string }>();
  for (const line of res.headers.getSetCookie()) {
    const [pair = '', ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    out.set(pair.slice(0, eq).trim(), { value: pair.slice(eq + 1).trim(), attributes: attrs.join(';').trim() });
  }
  return out;
}

async function signIn(body: Record<string, unknown>, path = '/auth/credentials', form = false): Promise<Response> {
  return mock.request(path, {
    method: 'POST',
    headers: { 'Content-Type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body),
  });
}

describe('signing in with credentials', () => {
  const ways: { name: string; path: string; body: Record<string, unknown>; form?: boolean }[] = [
    { name: 'POST /auth/credentials with JSON', path: '/auth/credentials', body: { userName: 'dev@example.com', password: 'dev' } },
    { name: 'POST /auth with provider credentials', path: '/auth', body: { provider: 'credentials', userName: 'dev@example.com', password: 'dev' } },
    { name: 'a form body, names in any case', path: '/auth/credentials', body: { UserName: 'DEV@example.com', Password: 'dev' }, form: true },
  ];
  for (const way of ways) {
    it(`${way.name}: AuthenticateResponse and an ss-id cookie that authenticates later calls`, async () => {
      const res = await signIn(way.body, way.path, way.form);
      assert.equal(res.status, 200);
      const body = (await res.json()) as Record<string, unknown>;
      assert.equal(body['userName'], 'dev@example.com');
      assert.equal(body['userId'], mock.fixtures.users[0]!.id);
      assert.equal(body['displayName'], 'Dana Developer');
      assert.deepEqual(body['roles'], ['User']);
      const cookies = cookiesOf(res);
      const ssId = cookies.get('ss-id')!;
      assert.equal(body['sessionId'], ssId.value);
      assert.match(ssId.attributes, /HttpOnly/);
      assert.equal(cookies.get('ss-opt')?.value, 'temp');
      const mine = await mock.request('/sessions/my', { headers: { Cookie: `ss-id=${ssId.value}` } });
      assert.equal(mine.status, 200);
    });
  }

  it('rememberMe: ss-opt=perm and a permanent ss-pid that works on its own', async () => {
    const res = await signIn({ provider: 'credentials', userName: 'dev@example.com', password: 'dev', rememberMe: true });
    assert.equal(res.status, 200);
    const cookies = cookiesOf(res);
    assert.equal(cookies.get('ss-opt')?.value, 'perm');
    assert.match(cookies.get('ss-pid')!.attributes, /Expires=/);
    const pid = cookies.get('ss-pid')!.value;
    assert.equal(((await res.json()) as { sessionId: string }).sessionId, pid);
    const res2 = await mock.request('/sessions/my', { headers: { Cookie: `ss-opt=perm; ss-pid=${pid}` } });
    assert.equal(res2.status, 200);
  });

  it('without rememberMe, ss-pid alone does not authenticate', async () => {
    const res = await signIn({ userName: 'dev@example.com', password: 'dev' });
    const pid = cookiesOf(res).get('ss-pid')!.value;
    const res2 = await mock.request('/sessions', { headers: { Cookie: `ss-pid=${pid}` } });
    assert.equal(res2.status, 401);
  });

  it('the session id also works in an X-ss-id header', async () => {
    const res = await signIn({ userName: 'other@example.com', password: 'other' });
    const { sessionId } = (await res.json()) as { sessionId: string };
    const status = await mock.json<{ emailAddress: string }>('/auth/status', { headers: { 'X-ss-id': sessionId } });
    assert.equal(status.body.emailAddress, 'other@example.com');
  });

  const failures: { name: string; body: Record<string, unknown>; status: number; code: string; message: RegExp }[] = [
    { name: 'a wrong password', body: { userName: 'dev@example.com', password: 'nope' }, status: 401, code: 'Unauthorized', message: /^Invalid UserName or Password$/ },
    { name: 'an unknown user', body: { userName: 'nobody@example.com', password: 'dev' }, status: 401, code: 'Unauthorized', message: /^Invalid UserName or Password$/ },
    { name: 'no password', body: { userName: 'dev@example.com' }, status: 400, code: 'NotEmpty', message: /Password/ },
  ];
  for (const f of failures) {
    it(`${f.name}: ${f.status} ${f.code}, no cookie`, async () => {
      const res = await signIn(f.body);
      assert.equal(res.status, f.status);
      assert.equal(res.headers.getSetCookie().length, 0);
      const body = (await res.json()) as ErrorBody;
      assert.equal(body.responseStatus.errorCode, f.code);
      assert.match(body.responseStatus.message, f.message);
    });
  }

  it('an unknown provider is a 404', async () => {
    const res = await signIn({ userName: 'dev@example.com', password: 'dev' }, '/auth/github');
    assert.equal(res.status, 404);
  });
});

describe('credentials on every request', () => {
  const rows: { name: string; headers: Record<string, string>; status: number }[] = [
    { name: 'Basic auth', headers: basic('dev'), status: 200 },
    { name: 'Basic auth with the user name in another case', headers: { Authorization: `Basic ${Buffer.from('DEV@EXAMPLE.COM:dev').toString('base64')}` }, status: 200 },
    { name: 'Bearer token from the fixtures', headers: { Authorization: `Bearer ${USERS.dev.token}` }, status: 200 },
    { name: 'bearer scheme in lower case', headers: { Authorization: `bearer ${USERS.dev.token}` }, status: 200 },
    { name: 'Basic auth with a wrong password', headers: { Authorization: `Basic ${Buffer.from('dev@example.com:x').toString('base64')}` }, status: 401 },
    { name: 'an unknown bearer token', headers: { Authorization: 'Bearer nope' }, status: 401 },
    { name: 'an unknown ss-id cookie', headers: { Cookie: 'ss-id=doesnotexist' }, status: 401 },
    { name: 'nothing at all', headers: {}, status: 401 },
  ];
  for (const row of rows) {
    it(`${row.name} -> ${row.status}`, async () => {
      const res = await mock.request('/sessions?countPerPage=1', { headers: row.headers });
      assert.equal(res.status, row.status);
    });
  }

  it('401 carries WWW-Authenticate and a ResponseStatus (Unauthorized, Not Authenticated)', async () => {
    const res = await mock.json<ErrorBody>('/sessions');
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'credentials realm="/auth/credentials"');
    assert.deepEqual(res.body, { responseStatus: { errorCode: 'Unauthorized', message: 'Not Authenticated', errors: [] } });
  });

  const roleRows: { path: string; user: 'guest' | 'dev'; status: number }[] = [
    { path: '/sessions/my', user: 'guest', status: 403 },
    { path: '/sessions/active', user: 'guest', status: 403 },
    { path: '/sessions?countPerPage=1', user: 'guest', status: 200 },
    { path: '/sessions/my', user: 'dev', status: 200 },
  ];
  for (const row of roleRows) {
    it(`${row.user} on ${row.path} -> ${row.status} (roles from the spec's x-required-roles)`, async () => {
      const res = await mock.json<ErrorBody>(row.path, { user: row.user });
      assert.equal(res.status, row.status);
      if (row.status === 403) assert.deepEqual(res.body.responseStatus, { errorCode: 'Forbidden', message: 'Invalid Role', errors: [] });
    });
  }

  it('guest cannot create a session (NewSession needs the User role)', async () => {
    const res = await mock.request('/sessions', { method: 'POST', user: 'guest', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 403);
  });
});

describe('auth status and logout', () => {
  it('GET /auth/status describes the signed-in user with their accounts', async () => {
    const res = await mock.json<Record<string, unknown>>('/auth/status', { user: 'dev' });
    assert.equal(res.status, 200);
    const dev = mock.fixtures.users[0]!;
    assert.deepEqual(res.body, {
      id: dev.id,
      isAuthenticated: true,
      firstName: 'Dana',
      lastName: 'Developer',
      name: 'Dana Developer',
      emailAddress: 'dev@example.com',
      roles: ['User'],
      accountIds: [...dev.accountIds],
      accountNames: dev.accountIds.map((id) => mock.fixtures.accounts.find((a) => a.id === id)!.name),
      avatarUrl: dev.avatarUrl,
    });
  });

  it('a system administrator reaches every account', async () => {
    const res = await mock.json<{ accountIds: string[] }>('/auth/status', { user: 'admin' });
    assert.deepEqual(res.body.accountIds, mock.fixtures.accounts.map((a) => a.id));
  });

  it('anonymous: isAuthenticated false', async () => {
    const res = await mock.json<{ isAuthenticated: boolean }>('/auth/status');
    assert.equal(res.status, 200);
    assert.equal(res.body.isAuthenticated, false);
  });

  it('GET /auth answers the current session, 401 without one', async () => {
    assert.equal((await mock.request('/auth')).status, 401);
    const res = await mock.json<{ userName: string }>('/auth', { user: 'other' });
    assert.equal(res.body.userName, 'other@example.com');
  });

  for (const method of ['GET', 'POST']) {
    it(`${method} /auth/logout ends the session and clears the cookies`, async () => {
      const signed = await signIn({ userName: 'dev@example.com', password: 'dev', rememberMe: true });
      const c = cookiesOf(signed);
      const cookie = `ss-id=${c.get('ss-id')!.value}; ss-pid=${c.get('ss-pid')!.value}; ss-opt=perm`;
      assert.equal((await mock.request('/sessions/my', { headers: { Cookie: cookie } })).status, 200);
      const out = await mock.request('/auth/logout', { method, headers: { Cookie: cookie } });
      assert.equal(out.status, 200);
      const cleared = cookiesOf(out);
      assert.match(cleared.get('ss-pid')!.attributes, /Expires=Thu, 01 Jan 1970/);
      assert.equal((await mock.request('/sessions/my', { headers: { Cookie: cookie } })).status, 401);
    });
  }
});

describe('the real server\'s empty 401 body, as an option', () => {
  let quiet401: MockServer;
  before(async () => {
    quiet401 = await startMock({ sessions: 10, settings: { empty401: true } });
  });
  after(() => quiet401.stop());

  it('401 with WWW-Authenticate and no body', async () => {
    const res = await quiet401.request('/sessions');
    assert.equal(res.status, 401);
    assert.equal(res.headers.get('www-authenticate'), 'credentials realm="/auth/credentials"');
    assert.equal(await res.text(), '');
  });
});
