import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JsonServiceClient } from '@servicestack/client';
import { GetActiveSessions, GetMySessions, GetSession, ListSessions, NewSession } from '../../src/generated/client-dtos.js';
import type { ListResponse, SessionInfo } from '../../src/generated/dtos.js';
import { startMock, USERS, type MockServer } from '../server/helpers/mock-server.js';
import { Authenticate, devClient, rejection } from './client-helpers.js';

let mock: MockServer;
let emptyUnauthorized: MockServer;
const DEV_ACCOUNTS = new Set<string>();

before(async () => {
  [mock, emptyUnauthorized] = await Promise.all([startMock({ sessions: 150 }), startMock({ sessions: 5, settings: { empty401: true } })]);
  for (const id of mock.fixtures.users.find((u) => u.userName === USERS.dev.userName)!.accountIds) DEV_ACCOUNTS.add(id);
});
after(() => Promise.all([mock.stop(), emptyUnauthorized.stop()]));

describe('JsonServiceClient with the generated request DTOs (through /api/{Operation})', () => {
  it('ListSessions pages through the caller\'s sessions; totals agree with the REST route', async () => {
    const client = devClient(mock.url);
    const page0 = await client.get(new ListSessions({ countPerPage: 4 }));
    const page1 = await client.get(new ListSessions({ countPerPage: 4, page: 1 }));
    const rest = await mock.json<ListResponse<SessionInfo>>('/sessions?countPerPage=4&page=1', { user: 'dev' });
    assert.equal(page0.items?.length, 4);
    assert.deepEqual(page1, rest.body);
    assert.notDeepEqual(page0.items?.map((s) => s.id), page1.items?.map((s) => s.id));
    assert.equal(page0.totalPages, Math.ceil(page0.totalCount / 4));
    assert.ok(page0.items!.every((s) => DEV_ACCOUNTS.has(s.accountId!)));
  });

  it('list parameters travel as the client sends them (String(array): a,b), with simplified paging', async () => {
    const [first] = [...DEV_ACCOUNTS];
    const list = await devClient(mock.url).send(new ListSessions({ accountIds: [first!], simplifiedPaging: true, countPerPage: 3 }));
    assert.equal(list.totalCount, 0);
    assert.equal(list.items?.length, 3);
    assert.ok(list.items!.every((s) => s.accountId === first));
    assert.equal(list.hasMorePages, true);
  });

  it('GetSession by the sessionId in the DTO', async () => {
    const listed = await devClient(mock.url).get(new ListSessions({ countPerPage: 1 }));
    const session = await devClient(mock.url).get(new GetSession({ sessionId: listed.items![0]!.id! }));
    assert.equal(session.id, listed.items![0]!.id);
    assert.deepEqual(session.log, []);
  });

  it('NewSession creates; the session reads back through GetSession and ListSessions', async () => {
    const client = devClient(mock.url);
    const colleague = mock.data.agents.find((a) => a.accountIds.some((id) => DEV_ACCOUNTS.has(id)) && a.emailAddress !== USERS.dev.userName)!;
    const displayName = 'Created by "JsonServiceClient", {with} [hostile]: text\n🎧';
    const created = await client.post(new NewSession({ displayName, toAddress: '+15555550177', memberEmailAddresses: [colleague.emailAddress] }));
    assert.equal(created.displayName, displayName);
    assert.equal(created.fromAddress, USERS.dev.userName);
    assert.ok(created.members!.some((m) => m.identity === colleague.id));
    const read = await client.get(new GetSession({ sessionId: created.id! }));
    assert.deepEqual(read, { ...created, log: [] });
    const listed = await client.get(new ListSessions({ specificIds: [created.id!] }));
    assert.deepEqual(listed.items, [created]);
  });

  it('GetMySessions and GetActiveSessions answer their wrapper responses', async () => {
    const client = devClient(mock.url);
    const mine = await client.get(new GetMySessions());
    const active = await client.get(new GetActiveSessions());
    assert.ok(Array.isArray(mine.sessions));
    assert.ok(active.sessions!.length >= mine.sessions!.length);
    assert.ok(active.sessions!.every((s) => !s.ended && DEV_ACCOUNTS.has(s.accountId!)));
  });

  it('useBasePath(null) switches to /json/reply/{Operation}, which answers the same', async () => {
    const viaApi = await devClient(mock.url).get(new ListSessions({ countPerPage: 2 }));
    const viaReply = await devClient(mock.url).useBasePath(undefined).get(new ListSessions({ countPerPage: 2 }));
    assert.deepEqual(viaReply, viaApi);
  });
});

describe('JsonServiceClient on the custom routes', () => {
  it('client.get(\'/sessions\', args) pages; get, my and active by URL', async () => {
    const client = devClient(mock.url);
    const list = await client.get<ListResponse<SessionInfo>>('/sessions', { countPerPage: 2, page: 2, sortField: 'dateCreated', sortOrder: 'Ascend' });
    assert.equal(list.items?.length, 2);
    assert.ok(list.items![0]!.dateCreated! <= list.items![1]!.dateCreated!);
    const one = await client.get<SessionInfo>(`/sessions/${list.items![0]!.id}`);
    assert.equal(one.id, list.items![0]!.id);
    const mine = await client.get<{ sessions: SessionInfo[] }>('/sessions/my');
    const active = await client.get<{ sessions: SessionInfo[] }>('/sessions/active');
    assert.ok(Array.isArray(mine.sessions) && Array.isArray(active.sessions));
  });

  it('client.postToUrl(\'/sessions\', dto) creates; it reads back by URL', async () => {
    const client = devClient(mock.url);
    const created = await client.postToUrl('/sessions', new NewSession({ displayName: '  posted to a URL', channel: 'Chat' }));
    assert.equal(created.channel, 'Chat');
    const read = await client.get<SessionInfo>(`/sessions/${created.id}`);
    assert.equal(read.displayName, '  posted to a URL');
  });
});

describe('JsonServiceClient error handling', () => {
  it('a 404 surfaces responseStatus.errorCode and message', async () => {
    const err = await rejection(devClient(mock.url).get(new GetSession({ sessionId: 'no-such-session' })));
    assert.equal(err.responseStatus.errorCode, 'NotFound');
    assert.match(err.responseStatus.message, /no-such-session/);
    const byUrl = await rejection(devClient(mock.url).get('/sessions/no-such-session'));
    assert.equal(byUrl.responseStatus.errorCode, 'NotFound');
  });

  it('client.api() turns a 400 into an ApiResult with the field error', async () => {
    const result = await devClient(mock.url).api(new ListSessions({ sortOrder: 'Sideways' as ListSessions['sortOrder'] }));
    assert.equal(result.failed, true);
    assert.equal(result.errorCode, 'SerializationException');
    assert.match(result.fieldError('sortOrder')?.message ?? '', /'Sideways' is an Invalid value for 'SortOrder'/);
  });

  it('a 401 without credentials, with the ResponseStatus the mock sends by default', async () => {
    const err = await rejection(new JsonServiceClient(mock.url).get(new GetMySessions()));
    assert.equal(err.responseStatus.errorCode, 'Unauthorized');
    assert.equal(err.responseStatus.message, 'Not Authenticated');
  });

  it('a 401 with the real server\'s empty body: the client makes errorCode "401" from the status', async () => {
    const err = await rejection(new JsonServiceClient(emptyUnauthorized.url).get(new GetMySessions()));
    assert.equal(err.responseStatus.errorCode, '401');
  });

  it('a 403 for a user without the User role', async () => {
    const client = new JsonServiceClient(mock.url);
    client.setCredentials(USERS.guest.userName, USERS.guest.password);
    const err = await rejection(client.get(new GetMySessions()));
    assert.equal(err.responseStatus.errorCode, 'Forbidden');
  });
});

describe('signing in with JsonServiceClient', () => {
  it('client.post(new Authenticate(...)) signs in; the client keeps the ss-id cookie and later calls ride on it', async () => {
    const client = new JsonServiceClient(mock.url);
    const auth = await client.post(new Authenticate({ provider: 'credentials', userName: USERS.dev.userName, password: USERS.dev.password, rememberMe: true }));
    assert.equal(auth.userName, USERS.dev.userName);
    assert.ok(client.cookies['ss-id']?.value, 'the client stored the ss-id cookie');
    assert.equal(client.userName, undefined, 'no Basic credentials are involved');
    const mine = await client.get(new GetMySessions());
    assert.ok(Array.isArray(mine.sessions));
  });

  it('a wrong password is a 401 the client reports', async () => {
    const err = await rejection(new JsonServiceClient(mock.url).post(new Authenticate({ provider: 'credentials', userName: USERS.dev.userName, password: 'wrong' })));
    assert.equal(err.responseStatus.message, 'Invalid UserName or Password');
  });

  it('setCredentials sends Basic auth on every request', async () => {
    const client = devClient(mock.url);
    assert.ok(Array.isArray((await client.get(new GetMySessions())).sessions));
    assert.equal(Object.keys(client.cookies).length, 0, 'no session cookie was needed');
  });
});
