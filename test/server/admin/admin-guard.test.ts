import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminError, adminClient } from '../../../src/admin-client/admin-client.js';
import { isJson, isLoopbackHost } from '../../../src/server/admin/admin-guard.js';
import { startMock, type MockServer } from '../helpers/mock-server.js';

let mock: MockServer;
let open: MockServer;
let guarded: MockServer;

before(async () => {
  [mock, open, guarded] = await Promise.all([
    startMock({ sessions: 5 }),
    startMock({ sessions: 5, settings: { corsAnyOrigin: true } }),
    startMock({ sessions: 5, settings: { adminToken: 's3cret-token' } }),
  ]);
});
after(() => Promise.all([mock.stop(), open.stop(), guarded.stop()]));

const BEHAVIOUR = JSON.stringify({ match: { operation: 'ListSessions' }, respond: { status: 503 } });

describe('admin requests from web pages', () => {
  it('refuses a foreign Origin with 403, on reads, writes and preflights, even with --cors-any-origin', async () => {
    for (const target of [mock, open]) {
      for (const init of [
        { method: 'GET' },
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: BEHAVIOUR },
        { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } },
        { method: 'DELETE' },
      ] as RequestInit[]) {
        const res = await fetch(`${target.url}/__admin/behaviours`, { ...init, headers: { ...(init.headers as Record<string, string>), Origin: 'https://evil.example' } });
        assert.equal(res.status, 403, `${init.method}`);
        assert.equal(res.headers.get('access-control-allow-origin'), null);
      }
    }
    assert.deepEqual(await adminClient(mock.url).behaviours.list(), []);
  });

  it("accepts loopback origins and the mock's own", async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://[::1]:8080', mock.url]) {
      const res = await fetch(`${mock.url}/__admin/requests`, { headers: { Origin: origin } });
      assert.equal(res.status, 200, origin);
    }
  });

  it('a simple cross-site POST (text/plain or a form) is refused with 415 before it does anything', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain; charset=json', 'application/jsonx']) {
      const res = await fetch(`${mock.url}/__admin/behaviours`, { method: 'POST', headers: { 'Content-Type': type }, body: BEHAVIOUR });
      assert.equal(res.status, 415, type);
      assert.match(((await res.json()) as { responseStatus: { message: string } }).responseStatus.message, /application\/json/);
    }
    assert.deepEqual(await adminClient(mock.url).behaviours.list(), []);
  });

  it('the public API is not affected by the admin rules', async () => {
    const res = await mock.request('/sessions', { user: 'dev', headers: { Origin: 'https://evil.example' } });
    assert.equal(res.status, 200);
  });
});

describe('--admin-token', () => {
  it('without the token the admin API answers 401 with WWW-Authenticate: Bearer; with it, as usual', async () => {
    const res = await fetch(`${guarded.url}/__admin/behaviours`);
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
    const wrong = await adminClient(guarded.url, { token: 's3cret-tokem' }).behaviours.list().catch((e: unknown) => e);
    assert.ok(wrong instanceof AdminError && wrong.status === 401);
    assert.deepEqual(await adminClient(guarded.url, { token: 's3cret-token' }).behaviours.list(), []);
  });

  it('the health check and the public API need no admin token', async () => {
    assert.equal((await fetch(`${guarded.url}/__admin/health`)).status, 200);
    assert.equal((await guarded.request('/sessions', { user: 'dev' })).status, 200);
  });
});

describe('the media-type and host rules', () => {
  const MEDIA: readonly [string | undefined, boolean][] = [
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/merge-patch+json', true],
    ['application/json;', true],
    ['application/jsonx', false],
    ['text/json', false],
    ['text/plain; charset=json', false],
    ['application/json/x', false],
    ['', false],
    [undefined, false],
  ];
  for (const [type, json] of MEDIA) it(`${JSON.stringify(type)} is ${json ? '' : 'not '}JSON`, () => assert.equal(isJson(type), json));

  for (const [host, loopback] of [
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.20', false],
    ['::', false],
  ] as const) {
    it(`--host ${host} is ${loopback ? '' : 'not '}loopback`, () => assert.equal(isLoopbackHost(host), loopback));
  }
});
