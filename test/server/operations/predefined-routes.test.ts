import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { ARCHIVE_CUTOFF, basic, startMock, type ErrorBody, type ListBody, type MockServer, type UserName } from '../helpers/mock-server.js';
import { decode, encode } from '../helpers/wire.js';

const api = loadApiModel();
const NEW_SESSION = api.types.get('NewSession')!;
const SESSION = api.types.get('SessionInfo')!;

let mock: MockServer;
const accountsOf = (user: string) => new Set(mock.fixtures.users.find((u) => u.userName === user)!.accountIds);
const sessionOf = (user: string) => mock.seeded.find((e) => accountsOf(user).has(e.session.accountId!) && e.session.dateCreated! >= ARCHIVE_CUTOFF)!.session;

before(async () => {
  mock = await startMock({ sessions: 120 });
});
after(() => mock.stop());

const post = (path: string, body: string, contentType: string, user: UserName = 'dev', headers: Record<string, string> = {}) =>
  mock.request(path, { method: 'POST', user, headers: { 'Content-Type': contentType, ...headers }, body });

describe('every operation answers on /api/{Operation} exactly as on its REST route', () => {
  const pairs: { name: string; rest: () => string; predefined: () => string; user: UserName }[] = [
    { name: 'ListSessions with paging', rest: () => '/sessions?countPerPage=3&page=1', predefined: () => '/api/ListSessions?countPerPage=3&page=1', user: 'dev' },
    { name: 'ListSessions with lists and sorting', rest: () => '/sessions?sortField=dateCreated&sortOrder=Ascend&all=true', predefined: () => '/json/reply/ListSessions?SORTFIELD=dateCreated&sortOrder=Ascend&all=true', user: 'admin' },
    { name: 'GetSession: the path parameter comes from the DTO', rest: () => `/sessions/${sessionOf('dev@example.com').id}`, predefined: () => `/api/GetSession?sessionId=${sessionOf('dev@example.com').id}`, user: 'dev' },
    { name: 'GetMySessions', rest: () => '/sessions/my', predefined: () => '/api/GetMySessions', user: 'dev' },
    { name: 'GetActiveSessions', rest: () => '/sessions/active', predefined: () => '/json/oneway/GetActiveSessions', user: 'admin' },
  ];
  for (const pair of pairs) {
    it(pair.name, async () => {
      const [rest, predefined] = await Promise.all([mock.json(pair.rest(), { user: pair.user }), mock.json(pair.predefined(), { user: pair.user })]);
      assert.equal(predefined.status, 200, JSON.stringify(predefined.body));
      assert.deepEqual(predefined.body, rest.body);
    });
  }

  it('NewSession: POST /api/NewSession creates a session that reads back', async () => {
    const created = await post('/api/NewSession', JSON.stringify({ displayName: 'via /api' }), 'application/json');
    assert.equal(created.status, 200);
    const session = (await created.json()) as SessionInfo;
    assert.equal(session.displayName, 'via /api');
    const read = await mock.json<SessionInfo>(`/api/GetSession?sessionId=${session.id}`, { user: 'dev' });
    assert.equal(read.body.id, session.id);
  });

  it('oneway with no message queue runs synchronously and answers the normal response', async () => {
    const res = await post('/JSON/ONEWAY/newsession', JSON.stringify({ displayName: 'oneway' }), 'application/json');
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as SessionInfo).displayName, 'oneway');
  });
});

describe('what ServiceStack answers 405 on predefined routes', () => {
  const rows: { name: string; method: string; path: string; headers?: Record<string, string>; message: string }[] = [
    { name: 'an unknown operation', method: 'GET', path: '/api/DeleteEverything', message: 'The operation does not exist for this service' },
    { name: 'an unknown operation on /xml/reply (read as JSON here)', method: 'POST', path: '/xml/reply/Nope?format=json', message: 'The operation does not exist for this service' },
    { name: 'a verb the operation has no method for', method: 'POST', path: '/api/ListSessions', message: 'Could not find method named Post(ListSessions) or Any(ListSessions) on Service SessionsService' },
    { name: 'GET on a POST operation', method: 'GET', path: '/json/reply/NewSession', message: 'Could not find method named Get(NewSession) or Any(NewSession) on Service SessionsService' },
    { name: 'X-Http-Method-Override: DELETE on a POST', method: 'POST', path: '/api/GetSession', headers: { 'X-Http-Method-Override': 'DELETE' }, message: 'Could not find method named Delete(GetSession) or Any(GetSession) on Service SessionsService' },
    { name: 'X-Http-Method-Override as a query parameter', method: 'POST', path: '/api/NewSession?X-Http-Method-Override=put', message: 'Could not find method named Put(NewSession) or Any(NewSession) on Service SessionsService' },
    { name: 'PUT on Authenticate', method: 'PUT', path: '/api/Authenticate', message: 'Could not find method named Put(Authenticate) or Any(Authenticate) on Service AuthenticateService' },
  ];
  for (const row of rows) {
    it(`${row.name}: 405 NotImplementedException "${row.message}"`, async () => {
      const res = await mock.json<ErrorBody>(row.path, { method: row.method, user: 'dev', headers: row.headers ?? {}, ...(row.method === 'GET' ? {} : { body: '{}' }) });
      assert.equal(res.status, 405);
      assert.equal(res.body.responseStatus.errorCode, 'NotImplementedException');
      assert.equal(res.body.responseStatus.message, row.message);
    });
  }

  it('X-Http-Method-Override picks the route on REST routes too (POST /sessions as DELETE)', async () => {
    const res = await mock.json<ErrorBody>('/sessions', { method: 'POST', user: 'dev', headers: { 'X-Http-Method-Override': 'DELETE' }, body: '{}' });
    assert.equal(res.status, 405);
  });

  it('an override to GET or POST is ignored, as in ServiceStack: the POST still creates', async () => {
    const res = await post('/sessions', JSON.stringify({ displayName: 'still a post' }), 'application/json', 'dev', { 'X-Http-Method-Override': 'GET' });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as SessionInfo).displayName, 'still a post');
  });
});

describe('binding on predefined routes (GenericHandler)', () => {
  it('the body is read in the route\'s format whatever Content-Type says: JSON on /api', async () => {
    const res = await post('/api/NewSession', JSON.stringify({ displayName: 'json despite the label' }), 'application/xml');
    assert.equal(res.status, 200);
    assert.equal(decode(res.headers.get('content-type'), await res.text(), 'json', SESSION)['displayName'], 'json despite the label');
  });

  it('XML on /xml/reply, answered in XML', async () => {
    const body = encode('xml', { displayName: 'xml body', toAddress: '+15555550199' }, NEW_SESSION);
    const res = await post('/xml/reply/NewSession', body, 'application/json');
    assert.equal(res.status, 200);
    const session = decode(res.headers.get('content-type'), await res.text(), 'xml', SESSION);
    assert.deepEqual([session['displayName'], session['toAddress']], ['xml body', '+15555550199']);
  });

  it('JSV on /jsv/reply', async () => {
    const res = await post('/jsv/reply/NewSession', encode('jsv', { displayName: 'jsv, body' }, NEW_SESSION), 'text/plain');
    assert.equal(res.status, 200);
    assert.equal(decode(res.headers.get('content-type'), await res.text(), 'jsv', SESSION)['displayName'], 'jsv, body');
  });

  it('/api/EXTENSION.xml reads an XML body', async () => {
    const res = await post('/api/NewSession.xml', encode('xml', { displayName: 'suffixed' }, NEW_SESSION), 'application/json');
    assert.equal(res.status, 200);
    assert.equal(decode(res.headers.get('content-type'), await res.text(), 'xml', SESSION)['displayName'], 'suffixed');
  });

  it('with a body, query values fill only what the body left null', async () => {
    const res = await post('/api/NewSession?displayName=from+query&toAddress=%2B15555550142', JSON.stringify({ displayName: 'from body' }), 'application/json');
    const session = (await res.json()) as SessionInfo;
    assert.deepEqual([session.displayName, session.toAddress], ['from body', '+15555550142']);
  });

  it('form fields override the query string', async () => {
    const res = await post('/api/NewSession?displayName=from+query&fromName=Q', 'displayName=from+form', 'application/x-www-form-urlencoded');
    const session = (await res.json()) as SessionInfo;
    assert.deepEqual([session.displayName, session.fromName], ['from form', 'Q']);
  });

  it('GET with a JSON body and a Content-Type reads the body and ignores the query', async () => {
    const { status, text } = await rawRequest('GET', '/api/ListSessions?countPerPage=5', { 'Content-Type': 'application/json', ...basic('dev') }, JSON.stringify({ countPerPage: 2 }));
    assert.equal(status, 200);
    assert.equal((JSON.parse(text) as ListBody).items.length, 2);
  });

  it('GET with a body but no Content-Type is bound from the query alone', async () => {
    const { status, text } = await rawRequest('GET', '/api/ListSessions?countPerPage=4', basic('dev'), JSON.stringify({ countPerPage: 2 }));
    assert.equal(status, 200);
    assert.equal((JSON.parse(text) as ListBody).items.length, 4);
  });

  it('an unreadable body is ServiceStack\'s 400 SerializationException', async () => {
    const res = await mock.json<ErrorBody>('/api/NewSession', { method: 'POST', user: 'dev', headers: { 'Content-Type': 'application/json' }, body: '{"displayName":' });
    assert.equal(res.status, 400);
    assert.equal(res.body.responseStatus.errorCode, 'SerializationException');
    assert.match(res.body.responseStatus.message, /^Could not deserialize 'application\/json' request using NewSession/);
  });
});

describe('auth, roles, isolation and validation apply on predefined routes as on REST routes', () => {
  const rows: { name: string; path: string; method?: string; body?: string; user?: UserName; status: number; field?: string }[] = [
    { name: 'no credentials', path: '/api/ListSessions', status: 401 },
    { name: 'without the User role', path: '/json/reply/GetMySessions', user: 'guest', status: 403 },
    { name: 'another account\'s session is as if it did not exist', path: '/api/GetSession?sessionId={other}', user: 'dev', status: 404 },
    { name: 'GetSession without its sessionId', path: '/api/GetSession', user: 'dev', status: 400, field: 'SessionId' },
    { name: 'a value that does not bind', path: '/api/ListSessions?countPerPage=many', user: 'dev', status: 400, field: 'CountPerPage' },
    { name: 'a value the spec forbids', path: '/api/ListSessions?sortOrder=Sideways', user: 'dev', status: 400, field: 'SortOrder' },
    { name: 'a bad enum in a body', path: '/api/NewSession', method: 'POST', body: '{"channel":"Pigeon"}', user: 'dev', status: 400, field: 'Channel' },
  ];
  for (const row of rows) {
    it(`${row.name} -> ${row.status}${row.field ? ` naming ${row.field}` : ''}`, async () => {
      const path = row.path.replace('{other}', sessionOf('other@example.com').id!);
      const res = await mock.json<ErrorBody>(path, {
        method: row.method ?? 'GET',
        ...(row.user ? { user: row.user } : {}),
        ...(row.body ? { body: row.body, headers: { 'Content-Type': 'application/json' } } : {}),
      });
      assert.equal(res.status, row.status, JSON.stringify(res.body));
      if (row.status === 401) assert.equal(res.headers.get('www-authenticate'), 'credentials realm="/auth/credentials"');
      if (row.field) assert.equal(res.body.responseStatus.errors[0]?.fieldName, row.field);
    });
  }

  it('a CORS preflight on /api is answered by CORS alone', async () => {
    const res = await mock.request('/api/ListSessions', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  });
});

describe('ServiceStack\'s Authenticate by name (as client.post(new Authenticate(...)) sends it)', () => {
  it('POST /api/Authenticate signs in and sets the session cookies; GET answers the session; DELETE signs out', async () => {
    const signIn = await mock.request('/api/Authenticate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ provider: 'credentials', userName: 'dev@example.com', password: 'dev' }),
    });
    assert.equal(signIn.status, 200);
    const ssId = signIn.headers.getSetCookie().find((c) => c.startsWith('ss-id='))!.split(';')[0]!;
    const session = await mock.json<{ userName: string; sessionId: string }>('/api/Authenticate', { headers: { Cookie: ssId } });
    assert.equal(session.body.userName, 'dev@example.com');
    assert.equal(`ss-id=${session.body.sessionId}`, ssId);
    assert.equal((await mock.request('/api/GetMySessions', { headers: { Cookie: ssId } })).status, 200);
    assert.equal((await mock.request('/api/Authenticate', { method: 'DELETE', headers: { Cookie: ssId } })).status, 200);
    assert.equal((await mock.request('/api/GetMySessions', { headers: { Cookie: ssId } })).status, 401);
  });

  it('POST /xml/reply/Authenticate with an XML body answers an XML AuthenticateResponse', async () => {
    const res = await mock.request('/xml/reply/Authenticate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/xml' },
      body: '<Authenticate xmlns="http://schemas.servicestack.net/types"><Password>dev</Password><UserName>dev@example.com</UserName></Authenticate>',
    });
    const text = await res.text();
    assert.equal(res.status, 200, text);
    assert.equal(res.headers.get('content-type'), 'application/xml');
    assert.match(text, /<AuthenticateResponse [^>]*xmlns="http:\/\/schemas\.servicestack\.net\/types">.*<UserName>dev@example\.com<\/UserName>/);
  });

  it('a wrong password is 401 Invalid UserName or Password', async () => {
    const res = await mock.json<ErrorBody>('/api/Authenticate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userName: 'dev@example.com', password: 'nope' }) });
    assert.equal(res.status, 401);
    assert.equal(res.body.responseStatus.message, 'Invalid UserName or Password');
  });
});

/** fetch cannot send a GET with a body; ServiceStack clients can. */
function rawRequest(method: string, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${mock.url}${path}`, { method, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
