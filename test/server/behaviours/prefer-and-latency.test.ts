import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminClient, AdminError } from '../../../src/admin-client/admin-client.js';
import { sessionInfoCheck } from '../../../src/server/admin/session-info-check.js';
import { specExamples } from '../../../src/server/behaviours/spec-examples.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { mockPerFile, startMock } from '../helpers/mock-server.js';
import { CONTENT_TYPES } from '../helpers/wire.js';
import { LIST_WAYS } from './list-ways.js';

const api = loadApiModel();
const op = (id: string) => api.operations.find((o) => o.operationId === id)!;

const WAYS = LIST_WAYS;

const { mock, admin } = mockPerFile({ sessions: 30 });

function get(way: (typeof WAYS)[number], prefer: string): Promise<Response> {
  return mock.request(way.path, { user: 'dev', headers: { Prefer: prefer, ...(way.accept ? { Accept: way.accept } : {}) } });
}

describe('the Prefer header, per request, in every format on REST and predefined routes', () => {
  for (const way of WAYS) {
    it(`${way.name}: code=503 answers the ErrorResponse in the format`, async () => {
      const res = await get(way, 'code=503');
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('content-type'), CONTENT_TYPES[way.format]);
      const body = defaultCodecs.get(way.format).parse(await res.text(), api.errorResponse) as { responseStatus: { errorCode: string } };
      assert.equal(body.responseStatus.errorCode, 'ServiceUnavailable');
    });

    it(`${way.name}: example=ListSessions answers the spec's example, in the format`, async () => {
      const res = await get(way, 'example=ListSessions');
      assert.equal(res.status, 200);
      const expected = specExamples(op('ListSessions'), defaultCodecs).get('ListSessions');
      assert.equal(await res.text(), defaultCodecs.get(way.format).stringify(expected, op('ListSessions').responseType));
    });

    it(`${way.name}: dynamic=true answers a generated value that the spec accepts`, async () => {
      const res = await get(way, 'dynamic=true');
      assert.equal(res.status, 200);
      const value = defaultCodecs.get(way.format).parse(await res.text(), op('ListSessions').responseType);
      assert.deepEqual(sessionInfoCheck(api.document, op('ListSessions').responseType)(value), []);
    });

    it(`${way.name}: delay= holds the answer back; fault=malformed cuts it`, async () => {
      const started = performance.now();
      const slow = await get(way, 'delay=120');
      await slow.arrayBuffer();
      assert.ok(performance.now() - started >= 115);
      const bad = await get(way, 'fault=malformed');
      assert.equal(bad.status, 200);
      const text = await bad.text();
      assert.throws(() => defaultCodecs.get(way.format).parse(text, op('ListSessions').responseType));
    });
  }

  it('several preferences at once, and a quoted lognormal delay', async () => {
    const started = performance.now();
    const res = await mock.request('/sessions', { user: 'dev', headers: { Prefer: 'code=429, delay="lognormal:60,0"' } });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.ok(performance.now() - started >= 55);
  });

  it('an example written in XML in the spec answers in JSON too (GetSession)', async () => {
    const res = await mock.json<{ id?: string }>('/sessions/anything', { user: 'dev', headers: { Prefer: 'example=GetSession', Accept: 'application/json' } });
    assert.equal(res.status, 200);
    assert.ok(res.body && typeof res.body === 'object');
  });

  for (const o of api.operations) {
    // The examples are the DTO pages' placeholder samples (dates like 0001-01-01), which the spec's date-time
    // formats do not accept; Prefer: example= answers them as the spec gives them.
    it(`${o.operationId}: every example in the spec reads into its response type and answers through Prefer`, async () => {
      const examples = specExamples(o, defaultCodecs);
      assert.ok(examples.size > 0, 'the spec has an example');
      const path = o.path.replace('{sessionId}', 'any');
      const init = { method: o.method.toUpperCase(), user: 'dev' as const, headers: { Prefer: `example=${[...examples.keys()][0]}`, Accept: 'application/jsv', ...(o.method === 'post' ? { 'Content-Type': 'application/json' } : {}) }, ...(o.method === 'post' ? { body: '{}' } : {}) };
      const res = await mock.request(path, init);
      assert.equal(res.status, 200);
      assert.equal(await res.text(), defaultCodecs.get('jsv').stringify([...examples.values()][0], o.responseType));
    });
  }

  it('a wrong value is a 400 naming the preference; unknown preferences are ignored', async () => {
    for (const [prefer, field] of [
      ['code=abc', 'Prefer.code'],
      ['fault=boom', 'Prefer.fault'],
      ['delay=soon', 'Prefer.delay'],
      ['example=Nope', 'Prefer.example'],
    ] as const) {
      const res = await mock.json<{ responseStatus: { errors: { fieldName: string }[]; message: string } }>('/sessions', { user: 'dev', headers: { Prefer: prefer } });
      assert.equal(res.status, 400, prefer);
      assert.equal(res.body.responseStatus.errors[0]?.fieldName, field);
    }
    const listed = await mock.json<{ responseStatus: { message: string } }>('/sessions', { user: 'dev', headers: { Prefer: 'example=Nope' } });
    assert.match(listed.body.responseStatus.message, /it has ListSessions/);
    assert.equal((await mock.request('/sessions', { user: 'dev', headers: { Prefer: 'return=minimal, respond-async' } })).status, 200);
  });

  it('Prefer wins over a behaviour for its own request, and the behaviour is not used up', async () => {
    const { id } = await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 500 }, times: 1 });
    assert.equal((await mock.request('/sessions', { user: 'dev', headers: { Prefer: 'code=502' } })).status, 502);
    assert.equal((await admin.behaviours.get(id)).remaining, 1);
    await admin.behaviours.clear();
  });
});

describe('global latency', () => {
  it('POST /__admin/settings sets it for every answer (in any of the --latency forms) and null removes it', async () => {
    assert.deepEqual(await admin.settings.get(), { latency: null, journalSize: 1000 });
    assert.equal((await admin.settings.set({ latency: '100-140' })).latency, '100-140');
    const started = performance.now();
    await (await mock.request('/sessions/my', { user: 'dev' })).arrayBuffer();
    assert.ok(performance.now() - started >= 95);
    assert.equal((await admin.settings.set({ latency: { median: 50, sigma: 0.4 } })).latency, 'lognormal:50,0.4');
    assert.equal((await admin.settings.set({ latency: 100 })).latency, '100');
    assert.equal((await admin.settings.set({ latency: null })).latency, null);
  });

  it('refuses a latency it cannot read, or an unknown setting, with a 400', async () => {
    for (const body of [{ latency: 'fast' }, { latency: '300-100' }, { latencyMs: 5 }, { journalSize: -1 }]) {
      const err = await admin.settings.set(body as never).catch((e: unknown) => e);
      assert.ok(err instanceof AdminError && err.status === 400, JSON.stringify(body));
    }
  });

  it('applies from the start when the app is given one (--latency)', async () => {
    const slow = await startMock({ sessions: 3, settings: { latency: { kind: 'fixed', ms: 120 } } });
    try {
      const started = performance.now();
      await (await slow.request('/auth/status', { user: 'dev' })).arrayBuffer();
      assert.ok(performance.now() - started >= 115);
      assert.equal((await adminClient(slow.url).settings.get()).latency, '120');
    } finally {
      await slow.stop();
    }
  });
});
