import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, it } from 'node:test';
import { adminClient, AdminError } from '../../../src/admin-client/admin-client.js';
import { mockPerFile, startMock } from '../helpers/mock-server.js';

const { mock, admin } = mockPerFile({ sessions: 40 });
beforeEach(() => admin.behaviours.clear());

async function status(path: string, init: RequestInit & { user?: 'dev' | 'admin' | 'other' } = { user: 'dev' }): Promise<number> {
  const res = await mock.request(path, init);
  await res.arrayBuffer();
  return res.status;
}

async function refusal(promise: Promise<unknown>): Promise<AdminError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AdminError) return err;
    throw err;
  }
  assert.fail('the admin call should have been refused');
}

describe('POST /__admin/behaviours and the listing', () => {
  it('answers 201 with the id and a Location; GET lists it, GET /{id} reads it, DELETE /{id} removes it', async () => {
    const res = await fetch(`${mock.url}/__admin/behaviours`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ match: { operation: 'ListSessions' }, respond: { status: 503 }, times: 1 }),
    });
    assert.equal(res.status, 201);
    const created = (await res.json()) as { id: string; remaining: number; priority: number; hits: number };
    assert.match(created.id, /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('location'), `/__admin/behaviours/${created.id}`);
    assert.deepEqual([created.remaining, created.priority, created.hits], [1, 5, 0]);
    assert.deepEqual((await admin.behaviours.list()).map((b) => b.id), [created.id]);
    assert.equal((await admin.behaviours.get(created.id)).id, created.id);
    await admin.behaviours.remove(created.id);
    assert.deepEqual(await admin.behaviours.list(), []);
    assert.equal((await refusal(admin.behaviours.remove(created.id))).status, 404);
  });

  it('DELETE /__admin/behaviours removes all and says how many', async () => {
    await admin.behaviours.add({ respond: { delayMs: 1 } });
    await admin.behaviours.add({ respond: { delayMs: 1 } });
    assert.equal(await admin.behaviours.clear(), 2);
    assert.equal(await status('/sessions?countPerPage=1'), 200);
  });

  const BAD: readonly { readonly name: string; readonly body: unknown; readonly field: string }[] = [
    { name: 'no respond', body: { match: {} }, field: 'respond' },
    { name: 'an unknown member', body: { respond: { status: 503 }, stauts: 1 }, field: 'stauts' },
    { name: 'an unknown effect', body: { respond: { stauts: 503 } }, field: 'respond.stauts' },
    { name: 'a status out of range', body: { respond: { status: 99 } }, field: 'respond.status' },
    { name: 'an unknown fault', body: { respond: { fault: 'explode' } }, field: 'respond.fault' },
    { name: 'a backwards delay range', body: { respond: { delay: '300-50' } }, field: 'respond.delay' },
    { name: 'a negative delay', body: { respond: { delayMs: -1 } }, field: 'respond.delayMs' },
    { name: 'times of 0', body: { respond: { status: 503 }, times: 0 }, field: 'times' },
    { name: 'an unknown match member', body: { match: { operationId: 'X' }, respond: { status: 503 } }, field: 'match.operationId' },
    { name: 'an unknown operation', body: { match: { operation: 'ListSession' }, respond: { status: 503 } }, field: 'match.operation' },
    { name: 'a bad regex', body: { match: { headers: { 'x-a': { matches: '(' } } }, respond: { status: 503 } }, field: 'match.headers.x-a' },
    { name: 'a format the mock does not speak', body: { match: { format: 'csv' }, respond: { status: 503 } }, field: 'match.format' },
    { name: 'a body without an operation', body: { respond: { body: { items: [] } } }, field: 'respond.body' },
  ];
  for (const bad of BAD) {
    it(`refuses ${bad.name} with a 400 naming ${bad.field}`, async () => {
      const err = await refusal(admin.behaviours.add(bad.body as never));
      assert.equal(err.status, 400);
      assert.equal(err.responseStatus.errors?.[0]?.fieldName, bad.field, err.message);
    });
  }

  it('checks a fixed body against the spec, and sends it unchecked with validate:false', async () => {
    const err = await refusal(admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { body: { items: 'no', totalCount: 'x' } } }));
    assert.equal(err.status, 400);
    assert.match(err.message, /not a valid ListResponse/);
    assert.ok(err.responseStatus.errors?.some((e) => e.fieldName.startsWith('respond.body.')));
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { body: { items: 'no', extra: true }, validate: false } });
    const res = await mock.json<{ items: string }>('/sessions', { user: 'dev' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { items: 'no', extra: true });
  });

  it('refuses a non-JSON body with 415 and broken JSON with 400', async () => {
    const text = await fetch(`${mock.url}/__admin/behaviours`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(text.status, 415);
    const broken = await fetch(`${mock.url}/__admin/behaviours`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"respond":' });
    assert.equal(broken.status, 400);
    assert.equal(((await broken.json()) as { responseStatus: { errorCode: string } }).responseStatus.errorCode, 'SerializationException');
  });
});

describe('matching', () => {
  const CASES: readonly { readonly name: string; readonly match: Record<string, unknown>; readonly hit: [string, RequestInit & { user?: 'dev' | 'admin' | 'other' }]; readonly miss: [string, RequestInit & { user?: 'dev' | 'admin' | 'other' }] }[] = [
    { name: 'operation, on a predefined route too', match: { operation: 'listsessions' }, hit: ['/json/reply/ListSessions', { user: 'dev' }], miss: ['/sessions/active', { user: 'dev' }] },
    { name: 'method', match: { method: 'POST', path: '/sessions' }, hit: ['/sessions', { method: 'POST', user: 'dev', headers: { 'Content-Type': 'application/json' }, body: '{}' }], miss: ['/sessions', { user: 'dev' }] },
    { name: 'path pattern, one segment per *', match: { path: '/sessions/*' }, hit: ['/sessions/abc', { user: 'dev' }], miss: ['/sessions', { user: 'dev' }] },
    { name: 'path pattern with **', match: { path: '/json/**' }, hit: ['/json/reply/GetMySessions', { user: 'dev' }], miss: ['/api/GetMySessions', { user: 'dev' }] },
    { name: 'query value', match: { query: { countPerPage: '3' } }, hit: ['/sessions?countPerPage=3', { user: 'dev' }], miss: ['/sessions?countPerPage=4', { user: 'dev' }] },
    { name: 'query absent', match: { operation: 'ListSessions', query: { accountIds: { absent: true } } }, hit: ['/sessions', { user: 'dev' }], miss: ['/sessions?accountIds=x', { user: 'dev' }] },
    { name: 'header contains', match: { headers: { 'X-App': { contains: 'beta' } } }, hit: ['/sessions', { user: 'dev', headers: { 'x-app': 'web-beta-2' } }], miss: ['/sessions', { user: 'dev', headers: { 'x-app': 'web' } }] },
    { name: 'header regex', match: { headers: { 'user-agent': { matches: '^Mozilla' } } }, hit: ['/sessions', { user: 'dev', headers: { 'user-agent': 'Mozilla/5.0' } }], miss: ['/sessions', { user: 'dev', headers: { 'user-agent': 'curl/8' } }] },
    { name: 'signed-in user', match: { user: 'DEV@example.com' }, hit: ['/sessions', { user: 'dev' }], miss: ['/sessions', { user: 'admin' }] },
    { name: 'anonymous', match: { user: 'anonymous' }, hit: ['/sessions', {}], miss: ['/sessions', { user: 'dev' }] },
    { name: 'format', match: { format: 'xml' }, hit: ['/sessions', { user: 'dev', headers: { Accept: 'application/xml' } }], miss: ['/sessions', { user: 'dev', headers: { Accept: 'application/json' } }] },
    { name: 'format by suffix', match: { format: 'jsv', path: '/sessions/*' }, hit: ['/sessions/abc.jsv', { user: 'dev' }], miss: ['/sessions/abc.json', { user: 'dev' }] },
    {
      name: 'everything at once (the issue example)',
      match: { method: 'GET', path: '/sessions/*', user: 'dev@example.com', format: 'xml' },
      hit: ['/sessions/abc', { user: 'dev', headers: { Accept: 'application/xml' } }],
      miss: ['/sessions/abc', { user: 'other', headers: { Accept: 'application/xml' } }],
    },
  ];
  for (const c of CASES) {
    it(`on ${c.name}`, async () => {
      await admin.behaviours.add({ match: c.match, respond: { status: 599 } });
      assert.equal(await status(...c.hit), 599, 'should match');
      assert.notEqual(await status(...c.miss), 599, 'should not match');
    });
  }

  it('times: the behaviour expires after N matches and leaves the list', async () => {
    const { id } = await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 503 }, times: 2 });
    assert.equal(await status('/sessions'), 503);
    assert.equal((await admin.behaviours.get(id)).remaining, 1);
    assert.equal(await status('/sessions'), 503);
    assert.equal(await status('/sessions'), 200);
    assert.deepEqual(await admin.behaviours.list(), []);
  });

  it('priority: 1 is tried first whatever the order added; among equals the newest wins', async () => {
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 501 }, priority: 1 });
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 502 }, priority: 2 });
    assert.equal(await status('/sessions'), 501);
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 503 }, priority: 1 });
    assert.equal(await status('/sessions'), 503);
    assert.deepEqual((await admin.behaviours.list()).map((b) => b.respond.status), [503, 501, 502]);
  });

  it('counts hits', async () => {
    const { id } = await admin.behaviours.add({ match: { operation: 'GetMySessions' }, respond: { delayMs: 0 } });
    await status('/sessions/my');
    await status('/api/GetMySessions');
    assert.equal((await admin.behaviours.get(id)).hits, 2);
  });
});

describe('persistence', () => {
  it('keeps behaviours with persist: true across a restart, with their ids and what they have left; others go', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evo-mock-behaviours-'));
    const file = join(dir, 'behaviours.json');
    try {
      const first = await startMock({ sessions: 5, parts: { behavioursFile: file } });
      const a = adminClient(first.url);
      const kept = await a.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 503 }, times: 3, persist: true });
      await a.behaviours.add({ match: { operation: 'GetSession' }, respond: { status: 500 } });
      assert.equal((await first.request('/sessions', { user: 'dev' })).status, 503);
      await first.stop();
      const second = await startMock({ sessions: 5, parts: { behavioursFile: file } });
      try {
        const listed = await adminClient(second.url).behaviours.list();
        assert.deepEqual(listed.map((b) => [b.id, b.remaining, b.persist]), [[kept.id, 2, true]]);
        assert.equal((await second.request('/sessions', { user: 'dev' })).status, 503);
      } finally {
        await second.stop();
      }
      const saved = JSON.parse(await readFile(file, 'utf8')) as { behaviours: { behaviour: { times: number } }[] };
      assert.deepEqual(saved.behaviours.map((b) => b.behaviour.times), [1]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
