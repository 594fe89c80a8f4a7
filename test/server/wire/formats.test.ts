import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import type { WireObject } from '../../../src/spec/wire-type.js';
import { ARCHIVE_CUTOFF, startMock, type MockServer, type UserName } from '../helpers/mock-server.js';
import { decode, type Written } from '../helpers/wire.js';

const api = loadApiModel();
const ERROR = api.errorResponse;
const SESSION = api.types.get('SessionInfo')!;

let mock: MockServer;
let empty401: MockServer;
let id = '';
before(async () => {
  const failing = {
    GetActiveSessions: () => {
      throw new TypeError('secret internals');
    },
  };
  [mock, empty401] = await Promise.all([
    // The failures are expected: keep their stack traces out of the test output.
    startMock({ sessions: 40, parts: { handlers: failing, logger: { info: () => {}, error: () => {} } } }),
    startMock({ sessions: 5, settings: { empty401: true } }),
  ]);
  const dev = new Set(mock.fixtures.users.find((u) => u.userName === 'dev@example.com')!.accountIds);
  id = mock.seeded.find((e) => dev.has(e.session.accountId!) && e.session.dateCreated! >= ARCHIVE_CUTOFF)!.session.id!;
});
after(() => Promise.all([mock.stop(), empty401.stop()]));

/** One outcome, reached by its REST route and by the predefined route of the same operation. */
interface Case {
  readonly name: string;
  readonly status: number;
  /** responseStatus.errorCode; undefined for an answer (the session `id`). */
  readonly code?: string;
  readonly user?: UserName;
  readonly method?: string;
  readonly rest: () => string;
  /** The request name and query after /api/ or /{format}/reply/. */
  readonly predefined: () => string;
}

const CASES: readonly Case[] = [
  { name: 'an answer', status: 200, user: 'dev', rest: () => `/sessions/${id}`, predefined: () => `GetSession?sessionId=${id}` },
  { name: 'a 400', status: 400, code: 'SerializationException', user: 'dev', rest: () => '/sessions?page=x', predefined: () => 'ListSessions?page=x' },
  { name: 'a 401', status: 401, code: 'Unauthorized', rest: () => '/sessions', predefined: () => 'ListSessions' },
  { name: 'a 403', status: 403, code: 'Forbidden', user: 'guest', rest: () => '/sessions/my', predefined: () => 'GetMySessions' },
  { name: 'a 404', status: 404, code: 'NotFound', user: 'dev', rest: () => '/sessions/no-such-session', predefined: () => 'GetSession?sessionId=no-such-session' },
  { name: 'a 405', status: 405, code: 'NotImplementedException', user: 'dev', method: 'DELETE', rest: () => '/sessions', predefined: () => 'NoSuchOperation' },
  { name: 'a 500', status: 500, code: 'InternalServerError', user: 'dev', rest: () => '/sessions/active', predefined: () => 'GetActiveSessions' },
];

/** A way of asking for a format: how it changes the request, and what the answer must be written in. */
interface Way {
  readonly name: string;
  readonly url: (path: string) => string;
  readonly headers?: Record<string, string>;
  readonly written: Written;
}

const withQuery = (path: string, q: string) => `${path}${path.includes('?') ? '&' : '?'}${q}`;
const withSuffix = (path: string, suffix: string) => {
  const [p, q] = path.split('?');
  return `${p}${suffix}${q === undefined ? '' : `?${q}`}`;
};

const REST_WAYS: readonly Way[] = [
  { name: 'nothing asked', url: (p) => p, written: 'json' },
  { name: 'Accept: application/xml', url: (p) => p, headers: { Accept: 'application/xml' }, written: 'xml' },
  { name: 'Accept: text/jsv', url: (p) => p, headers: { Accept: 'text/jsv' }, written: 'jsv' },
  { name: '?format=jsv', url: (p) => withQuery(p, 'format=jsv'), written: 'jsv' },
  { name: 'a .xml suffix', url: (p) => withSuffix(p, '.xml'), written: 'xml' },
  { name: 'a .jsv suffix over Accept: application/xml and ?format=xml', url: (p) => withQuery(withSuffix(p, '.jsv'), 'format=xml'), headers: { Accept: 'application/xml' }, written: 'jsv' },
  { name: '?callback= (JSONP) over ?format=xml', url: (p) => withQuery(p, 'callback=cb&format=xml'), written: 'jsonp' },
];

const PREDEFINED_WAYS: readonly Way[] = [
  { name: '/api/X', url: (p) => `/api/${p}`, written: 'json' },
  { name: '/api/X ignores Accept', url: (p) => `/api/${p}`, headers: { Accept: 'application/xml' }, written: 'json' },
  { name: '/api/EXTENSION.xml', url: (p) => withSuffix(`/api/${p}`, '.xml'), written: 'xml' },
  { name: '/xml/reply/X', url: (p) => `/xml/reply/${p}`, written: 'xml' },
  { name: '/JSV/OneWay/X, any case', url: (p) => `/JSV/OneWay/${p}`, written: 'jsv' },
  { name: '/json/reply/X?format=xml', url: (p) => withQuery(`/json/reply/${p}`, 'format=xml'), written: 'xml' },
  { name: '/xml/reply/X?callback=cb', url: (p) => withQuery(`/xml/reply/${p}`, 'callback=cb'), written: 'jsonp' },
];

async function expectOutcome(c: Case, way: Way, path: string): Promise<void> {
  const res = await mock.request(way.url(path), { method: c.method ?? 'GET', ...(c.user ? { user: c.user } : {}), headers: way.headers ?? {} });
  const text = await res.text();
  // Under JSONP an error is still an answer a script tag can read: status 200.
  assert.equal(res.status, way.written === 'jsonp' ? 200 : c.status, text.slice(0, 300));
  const type: WireObject = c.code ? ERROR : SESSION;
  const body = decode(res.headers.get('content-type'), text, way.written, type);
  if (!c.code) {
    assert.equal(body['id'], id);
    return;
  }
  const status = body['responseStatus'] as { errorCode: string; message: string; errors?: unknown[] };
  assert.equal(status.errorCode, c.code);
  assert.ok(status.message.length > 0);
  assert.doesNotMatch(text, /secret internals/);
  if (way.written === 'xml') {
    assert.match(text, /^<\?xml version="1\.0" encoding="utf-8"\?><ErrorResponse [^>]*xmlns="http:\/\/schemas\.servicestack\.net\/types"><ResponseStatus><ErrorCode>/);
  }
}

describe('answers and errors on REST routes, in the format each way of asking chooses', () => {
  for (const c of CASES) {
    for (const way of REST_WAYS) {
      it(`${c.name} (${c.method ?? "GET"} REST) asked by ${way.name} -> ${way.written}`, () => expectOutcome(c, way, c.rest()));
    }
  }
});

describe('answers and errors on predefined routes, in the route\'s format unless ?format= or ?callback= say otherwise', () => {
  for (const c of CASES) {
    for (const way of PREDEFINED_WAYS) {
      const predefinedCase = c.method ? { ...c, method: 'GET' } : c;
      it(`${c.name} asked by ${way.name} -> ${way.written}`, () => expectOutcome(predefinedCase, way, c.predefined()));
    }
  }
});

describe('the first path segment on a path no route takes', () => {
  const rows: { path: string; written: Written }[] = [
    { path: '/xml/nowhere', written: 'xml' },
    { path: '/jsv/reply', written: 'jsv' },
    { path: '/json/nowhere?format=xml', written: 'xml' },
    { path: '/nowhere.jsv', written: 'jsv' },
  ];
  for (const row of rows) {
    it(`${row.path}: 404 in ${row.written}`, async () => {
      const res = await mock.request(row.path, { headers: { Accept: 'application/json' } });
      assert.equal(res.status, 404);
      const body = decode(res.headers.get('content-type'), await res.text(), row.written, ERROR);
      assert.equal((body['responseStatus'] as { errorCode: string }).errorCode, 'NotFound');
    });
  }
});

describe('Accept: */* answers in the request\'s own Content-Type (curl sends */*)', () => {
  const rows: { name: string; contentType: string; body: string; status: number; written: Written; type: typeof ERROR; check(body: Record<string, unknown>): void }[] = [
    {
      name: 'an XML body gets an XML answer (here a 400 for a bad parent)',
      contentType: 'application/xml',
      body: '<NewSession xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Sessions"><ParentSessionId>nope</ParentSessionId></NewSession>',
      status: 400,
      written: 'xml',
      type: ERROR,
      check: (body) => assert.equal((body['responseStatus'] as { errors: { fieldName: string }[] }).errors[0]!.fieldName, 'ParentSessionId'),
    },
    {
      name: 'a form body gets the default, JSON',
      contentType: 'application/x-www-form-urlencoded',
      body: 'displayName=form',
      status: 200,
      written: 'json',
      type: SESSION,
      check: (body) => assert.equal(body['displayName'], 'form'),
    },
  ];
  for (const row of rows) {
    it(row.name, async () => {
      const res = await mock.request('/sessions', { method: 'POST', user: 'dev', headers: { Accept: '*/*', 'Content-Type': row.contentType }, body: row.body });
      assert.equal(res.status, row.status);
      row.check(decode(res.headers.get('content-type'), await res.text(), row.written, row.type));
    });
  }
});

describe('JSONP details', () => {
  it('the callback is made a safe variable reference, so it cannot inject script', async () => {
    const res = await mock.request(`/sessions/${id}?callback=${encodeURIComponent('x);alert(1)//')}`, { user: 'dev' });
    const text = await res.text();
    assert.ok(text.startsWith('x__alert_1___({'), text.slice(0, 40));
  });

  it('with the real server\'s empty 401 body switched on, a JSONP 401 still carries its error', async () => {
    const plain = await empty401.request('/sessions');
    assert.equal(plain.status, 401);
    assert.equal(await plain.text(), '');
    const res = await empty401.request('/sessions?callback=cb');
    assert.equal(res.status, 200);
    const body = decode(res.headers.get('content-type'), await res.text(), 'jsonp', ERROR);
    assert.equal((body['responseStatus'] as { errorCode: string }).errorCode, 'Unauthorized');
  });

  it('auth answers are wrapped too', async () => {
    const res = await mock.request('/auth/status?callback=onStatus', { user: 'dev' });
    assert.equal(res.headers.get('content-type'), 'text/javascript');
    assert.match(await res.text(), /^onStatus\(\{"id":"[^"]+","isAuthenticated":true,/);
  });
});
