import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminClient, type AdminClient, AdminError, type JournalEntry } from '../../../src/admin-client/admin-client.js';
import { mockPerFile, startMock } from '../helpers/mock-server.js';

const { mock, admin } = mockPerFile({ sessions: 40, fresh: true });

async function call(path: string, init: RequestInit & { user?: 'dev' | 'admin' | 'other' } = {}): Promise<Response> {
  const res = await mock.request(path, init);
  await res.arrayBuffer();
  return res;
}

describe('the request journal', () => {
  it('records each request with time, method, path, query, operation, user, format, status and duration, newest first', async () => {
    const before = Date.now();
    await call('/sessions?countPerPage=2', { user: 'dev', headers: { Accept: 'application/xml' } });
    await call('/api/GetMySessions', { user: 'admin' });
    const { requests, total } = await admin.requests.list();
    assert.equal(total, 2);
    const [newest, oldest] = requests as [JournalEntry, JournalEntry];
    assert.deepEqual(
      { method: oldest.method, path: oldest.path, query: oldest.query, operation: oldest.operation, user: oldest.user, format: oldest.format, status: oldest.status },
      { method: 'GET', path: '/sessions', query: 'countPerPage=2', operation: 'ListSessions', user: 'dev@example.com', format: 'xml', status: 200 },
    );
    assert.deepEqual([newest.path, newest.operation, newest.user, newest.format], ['/api/GetMySessions', 'GetMySessions', 'admin@example.com', 'json']);
    assert.ok(Date.parse(oldest.time) >= before - 5 && Date.parse(oldest.time) <= Date.now());
    assert.ok(newest.id > oldest.id);
    assert.equal(typeof oldest.durationMs, 'number');
    assert.match(oldest.response?.body ?? '', /^<\?xml/);
    assert.equal(oldest.response?.headers['content-type'], 'application/xml');
  });

  it('redacts Authorization, cookies, session headers and passwords in sign-in bodies, in every format', async () => {
    await call('/sessions', { headers: { Authorization: 'Basic ZGV2QGV4YW1wbGUuY29tOmRldg==', Cookie: 'ss-id=abc; ss-opt=perm', 'X-ss-id': 'abc' } });
    const bodies: [string, string][] = [
      ['application/json', '{"userName":"dev@example.com","password":"dev"}'],
      ['application/x-www-form-urlencoded', 'userName=dev%40example.com&password=dev'],
      ['application/jsv', '{userName:dev@example.com,password:dev}'],
    ];
    for (const [type, body] of bodies) await call('/auth/credentials', { method: 'POST', headers: { 'Content-Type': type }, body });
    const { requests } = await admin.requests.list();
    const get = requests.find((r) => r.path === '/sessions')!;
    assert.equal(get.headers['authorization'], 'Basic [redacted]');
    assert.equal(get.headers['cookie'], 'ss-id=[redacted]; ss-opt=[redacted]');
    assert.equal(get.headers['x-ss-id'], '[redacted]');
    const signIns = requests.filter((r) => r.path === '/auth/credentials');
    assert.equal(signIns.length, 3);
    for (const r of signIns) {
      assert.ok(r.body && !/[:=]"?dev"?(?:[,}&]|$)/.test(r.body), r.body);
      assert.match(r.body ?? '', /\[redacted\]/);
      assert.equal(r.operation, 'Authenticate');
      assert.match(r.response?.headers['set-cookie'] ?? '', /ss-id=\[redacted\]/);
    }
  });

  it('keeps request bodies up to 4 096 characters and says it cut them', async () => {
    const displayName = 'x'.repeat(5000);
    await call('/sessions', { method: 'POST', user: 'dev', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ displayName }) });
    const [entry] = (await admin.requests.list()).requests;
    assert.equal(entry?.body?.length, 4096);
    assert.equal(entry?.bodyTruncated, true);
  });

  it('filters by operation, method, path, user, status and since, and pages', async () => {
    await call('/sessions', { user: 'dev' });
    const mid = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await call('/sessions/nope', { user: 'dev' });
    await call('/sessions/my', { user: 'admin' });
    await call('/sessions', { method: 'POST', user: 'dev', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const paths = async (f: Parameters<AdminClient['requests']['list']>[0]) => (await admin.requests.list(f)).requests.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(await paths({ operation: 'ListSessions' }), ['GET /sessions']);
    assert.deepEqual(await paths({ method: 'POST' }), ['POST /sessions']);
    assert.deepEqual(await paths({ path: '/sessions/*' }), ['GET /sessions/my', 'GET /sessions/nope']);
    assert.deepEqual(await paths({ user: 'admin@example.com' }), ['GET /sessions/my']);
    assert.deepEqual(await paths({ status: 404 }), ['GET /sessions/nope']);
    assert.deepEqual(await paths({ status: '4xx,5xx' }), ['GET /sessions/nope']);
    assert.deepEqual(await paths({ since: mid }), ['POST /sessions', 'GET /sessions/my', 'GET /sessions/nope']);
    const page = await admin.requests.list({ limit: 2, offset: 1 });
    assert.deepEqual([page.total, page.limit, page.offset, page.requests.map((r) => r.path)], [4, 2, 1, ['/sessions/my', '/sessions/nope']]);
  });

  it('refuses an unknown filter or a bad value with a 400 naming it', async () => {
    for (const [query, field] of [
      ['?stauts=5', 'stauts'],
      ['?status=5x', 'status'],
      ['?since=yesterday', 'since'],
      ['?limit=0', 'limit'],
    ] as const) {
      const res = await fetch(`${mock.url}/__admin/requests${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(((await res.json()) as { responseStatus: { errors: { fieldName: string }[] } }).responseStatus.errors[0]?.fieldName, field);
    }
  });

  it('lists what reached no operation at /unmatched', async () => {
    await call('/sessions', { user: 'dev' });
    await call('/session', { user: 'dev' });
    await call('/api/ListSession', { user: 'dev' });
    const { requests } = await admin.requests.unmatched();
    assert.deepEqual(requests.map((r) => [r.path, r.status]), [
      ['/api/ListSession', 405],
      ['/session', 404],
    ]);
  });

  it('counts requests matching a match as behaviours take it (WireMock verify), bare or wrapped', async () => {
    await call('/sessions', { user: 'dev' });
    await call('/json/reply/ListSessions', { user: 'dev', headers: { 'X-App': 'beta' } });
    await call('/sessions', { user: 'admin' });
    assert.equal(await admin.requests.count({ operation: 'ListSessions' }), 3);
    assert.equal(await admin.requests.count({ operation: 'ListSessions', user: 'dev@example.com' }), 2);
    assert.equal(await admin.requests.count({ headers: { 'x-app': 'beta' } }), 1);
    assert.equal(await admin.requests.count(), 3);
    const wrapped = await fetch(`${mock.url}/__admin/requests/count`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"match":{"user":"admin@example.com"}}' });
    assert.deepEqual(await wrapped.json(), { count: 1 });
  });

  it('records the behaviour that matched, and a Prefer header as "prefer"', async () => {
    const { id } = await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 503 }, times: 1 });
    await call('/sessions', { user: 'dev' });
    await call('/sessions', { user: 'dev', headers: { Prefer: 'code=500' } });
    const [prefer, behaviour] = (await admin.requests.list()).requests;
    assert.deepEqual([behaviour?.behaviour, behaviour?.status], [id, 503]);
    assert.deepEqual([prefer?.behaviour, prefer?.status], ['prefer', 500]);
  });

  it('GET /{id} answers one entry; DELETE empties the journal', async () => {
    await call('/sessions', { user: 'dev' });
    const [entry] = (await admin.requests.list()).requests;
    assert.equal((await admin.requests.get(entry!.id)).path, '/sessions');
    assert.equal(await admin.requests.clear(), 1);
    assert.equal((await admin.requests.list()).total, 0);
    await assert.rejects(admin.requests.get(entry!.id), (err: unknown) => err instanceof AdminError && err.status === 404);
  });

  it('does not record admin calls', async () => {
    await admin.behaviours.list();
    await admin.health();
    assert.equal((await admin.requests.list()).total, 0);
  });
});

describe('a bounded journal', () => {
  it('keeps the newest N (journalSize), resizable at run time, 0 for none', async () => {
    const small = await startMock({ sessions: 5, settings: { journalSize: 3 } });
    try {
      const a = adminClient(small.url);
      for (let i = 0; i < 5; i++) await (await small.request(`/sessions?page=${i}`, { user: 'dev' })).arrayBuffer();
      const listed = await a.requests.list();
      assert.deepEqual(listed.requests.map((r) => r.query), ['page=4', 'page=3', 'page=2']);
      assert.equal((await a.settings.set({ journalSize: 2 })).journalSize, 2);
      assert.deepEqual((await a.requests.list()).requests.map((r) => r.query), ['page=4', 'page=3']);
      await a.settings.set({ journalSize: 0 });
      await (await small.request('/sessions', { user: 'dev' })).arrayBuffer();
      assert.equal((await a.requests.list()).total, 0);
    } finally {
      await small.stop();
    }
  });
});

describe('GET /__admin/requests/stream', () => {
  it('sends each request as a Server-Sent Event as it happens, with the journal filters', async () => {
    const controller = new AbortController();
    const stream = admin.requests.stream({ operation: 'GetSession', signal: controller.signal });
    const first = stream.next();
    // The stream subscribes once its answer's headers are back; a request made before may be missed, so send until one arrives.
    let seen: IteratorResult<JournalEntry> | undefined;
    const winner = first.then((r) => (seen = r));
    for (let i = 0; i < 50 && !seen; i++) {
      await call('/sessions', { user: 'dev' });
      await call(`/sessions/s${i}`, { user: 'dev' });
      await Promise.race([winner, new Promise((r) => setTimeout(r, 20))]);
    }
    await winner;
    assert.equal(seen?.done, false);
    assert.equal(seen?.value.operation, 'GetSession');
    assert.match(seen?.value.path ?? '', /^\/sessions\/s\d+$/);
    controller.abort();
    await stream.return?.(undefined);
  });

  it('replays the last N, then follows; the raw stream is text/event-stream with ids', async () => {
    await call('/sessions?page=1', { user: 'dev' });
    await call('/sessions?page=2', { user: 'dev' });
    const res = await fetch(`${mock.url}/__admin/requests/stream?replay=2`);
    assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    let text = '';
    while ((text.match(/event: request/g) ?? []).length < 2) text += new TextDecoder().decode((await reader.read()).value);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    assert.equal(ids.length, 2);
    assert.ok(ids[0]! < ids[1]!, 'oldest first');
    assert.match(text, /"query":"page=1"[\s\S]*"query":"page=2"/);
    await reader.cancel();
  });

  it('ends open streams when the mock stops, so stopping does not wait on them', async () => {
    const other = await startMock({ sessions: 3 });
    const res = await fetch(`${other.url}/__admin/requests/stream`);
    const reader = res.body!.getReader();
    await reader.read();
    const started = performance.now();
    await other.stop();
    // Under the 10 s a connection that never finishes is given before it is cut.
    assert.ok(performance.now() - started < 9000, 'stop waited for the stream');
    for (;;) if ((await reader.read()).done) break;
  });
});

describe('memory', () => {
  it("keeps answers' headers and bodies for the newest 100 requests only, the request side for all", async () => {
    const big = await startMock({ sessions: 5, settings: { journalSize: 150 } });
    try {
      for (let i = 0; i < 120; i++) await (await big.request(`/sessions?page=${i}`, { user: 'dev' })).arrayBuffer();
      const { requests } = await adminClient(big.url).requests.list({ limit: 150 });
      assert.equal(requests.length, 120);
      assert.ok(requests.slice(0, 100).every((r) => r.response?.body !== undefined && r.response.headers['content-type'] !== undefined));
      assert.ok(requests.slice(100).every((r) => r.response === undefined && r.headers['authorization'] === 'Basic [redacted]'));
    } finally {
      await big.stop();
    }
  });
});
