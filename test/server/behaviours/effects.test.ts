import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { describe, it } from 'node:test';
import type { BehaviourResponse } from '../../../src/admin-client/admin-client.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { basic, mockPerFile } from '../helpers/mock-server.js';
import { CONTENT_TYPES } from '../helpers/wire.js';
import { LIST_WAYS } from './list-ways.js';

const api = loadApiModel();
const listSessions = api.operations.find((op) => op.operationId === 'ListSessions')!;

const WAYS = LIST_WAYS;

const { mock, admin } = mockPerFile({ sessions: 60 });

async function get(way: (typeof WAYS)[number], extra: Record<string, string> = {}): Promise<Response> {
  return mock.request(way.path, { user: 'dev', headers: { ...(way.accept ? { Accept: way.accept } : {}), ...extra } });
}

/** A behaviour for this way only (operation + format), used once, so the cases cannot see each other's. */
async function once(way: (typeof WAYS)[number], respond: BehaviourResponse): Promise<string> {
  const added = await admin.behaviours.add({ match: { operation: 'ListSessions', format: way.format }, respond, times: 1 });
  return added.id;
}

function errorOf(way: (typeof WAYS)[number], res: Response, text: string) {
  assert.equal(res.headers.get('content-type'), CONTENT_TYPES[way.format], text);
  return defaultCodecs.get(way.format).parse(text, api.errorResponse)['responseStatus'] as { errorCode: string; message: string; errors: { fieldName: string; errorCode: string; message: string }[] };
}

/** A raw exchange, so a reset or an empty reply shows as what it is rather than as fetch's generic failure. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status?: number; body?: string; error?: NodeJS.ErrnoException }> {
  return new Promise((resolve) => {
    const req = httpRequest(mock.url + path, { headers: { ...headers, Connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
      res.on('error', (error) => resolve({ error }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error }));
    req.end();
  });
}

describe('every effect, in every format, on REST and predefined routes', () => {
  for (const way of WAYS) {
    it(`${way.name}: status 503 answers ServiceStack's ErrorResponse in the format, with Retry-After`, async () => {
      const id = await once(way, { status: 503 });
      const res = await get(way);
      const text = await res.text();
      assert.equal(res.status, 503);
      assert.equal(res.headers.get('retry-after'), '1');
      const status = errorOf(way, res, text);
      assert.equal(status.errorCode, 'ServiceUnavailable');
      assert.equal(status.message, 'Service Unavailable');
      const [entry] = (await admin.requests.list({ limit: 1 })).requests;
      assert.equal(entry?.behaviour, id);
      assert.equal(entry?.status, 503);
    });

    it(`${way.name}: 429 with Retry-After, errorCode, message and field errors as given`, async () => {
      await once(way, { status: 429, retryAfter: 7, errorCode: 'RateLimited', message: 'Slow down.', errors: [{ fieldName: 'AccountIds', message: 'Too many per minute.' }] });
      const res = await get(way);
      const text = await res.text();
      assert.equal(res.status, 429);
      assert.equal(res.headers.get('retry-after'), '7');
      const status = errorOf(way, res, text);
      assert.deepEqual(
        { errorCode: status.errorCode, message: status.message, errors: status.errors },
        { errorCode: 'RateLimited', message: 'Slow down.', errors: [{ errorCode: 'ValidationException', fieldName: 'AccountIds', message: 'Too many per minute.' }] },
      );
    });

    it(`${way.name}: a fixed body is the answer, written in the format`, async () => {
      const body = { items: [], totalCount: 0, totalPages: 0, hasMorePages: false };
      await once(way, { body });
      const res = await get(way);
      const text = await res.text();
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), CONTENT_TYPES[way.format]);
      assert.equal(text, defaultCodecs.get(way.format).stringify(body, listSessions.responseType));
    });

    it(`${way.name}: a delay holds the ordinary answer back`, async () => {
      const plain = await (await get(way)).text();
      await once(way, { delayMs: 150 });
      const started = performance.now();
      const res = await get(way);
      const text = await res.text();
      assert.ok(performance.now() - started >= 145, 'answered before the delay');
      assert.equal(res.status, 200);
      assert.equal(text, plain);
    });

    it(`${way.name}: fault reset cuts the connection`, async () => {
      await once(way, { fault: 'reset' });
      const got = await rawGet(way.path, { ...basic('dev'), ...(way.accept ? { Accept: way.accept } : {}) });
      assert.equal(got.error?.code, 'ECONNRESET', JSON.stringify(got));
      const [entry] = (await admin.requests.list({ limit: 1 })).requests;
      assert.equal(entry?.status, 0);
      assert.equal(entry?.fault, 'reset');
    });

    it(`${way.name}: fault empty closes the connection with no answer`, async () => {
      await once(way, { fault: 'empty' });
      const got = await rawGet(way.path, { ...basic('dev'), ...(way.accept ? { Accept: way.accept } : {}) });
      assert.equal(got.status, undefined);
      assert.ok(got.error, 'the request should fail');
      assert.match(got.error.message, /socket hang up|ECONNRESET/);
    });

    it(`${way.name}: fault malformed sends a body in the format that does not parse`, async () => {
      await once(way, { fault: 'malformed' });
      const res = await get(way);
      const text = await res.text();
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), CONTENT_TYPES[way.format]);
      assert.ok(text.length > 10);
      assert.throws(() => defaultCodecs.get(way.format).parse(text, listSessions.responseType));
    });

    it(`${way.name}: fault dribble trickles the whole answer out in chunks`, async () => {
      const plain = await (await get(way)).text();
      await once(way, { fault: 'dribble', dribble: { bytes: 1024, intervalMs: 20 } });
      const res = await get(way);
      assert.equal(res.headers.get('transfer-encoding'), 'chunked');
      assert.equal(res.headers.get('content-length'), null);
      let chunks = 0;
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body!) {
        chunks++;
        text += decoder.decode(chunk, { stream: true });
      }
      assert.equal(text, plain);
      // Reads may coalesce writes on a busy machine; more than one shows it was not sent at once.
      assert.ok(chunks >= 2, `${chunks} chunks for ${Buffer.byteLength(plain)} bytes`);
    });
  }
});

describe('effects combined and on other answers', () => {
  it('a status below 400 with no body keeps the ordinary answer under that status', async () => {
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 202, headers: { 'X-Test': 'yes' } }, times: 1 });
    const res = await mock.request('/sessions?countPerPage=1', { user: 'dev' });
    assert.equal(res.status, 202);
    assert.equal(res.headers.get('x-test'), 'yes');
    assert.equal(((await res.json()) as { items: unknown[] }).items.length, 1);
  });

  it('an error before anything is written: a 503 on NewSession creates no session', async () => {
    const before = (await mock.json<{ totalCount: number }>('/sessions?countPerPage=1', { user: 'dev' })).body.totalCount;
    await admin.behaviours.add({ match: { operation: 'NewSession' }, respond: { status: 503 }, times: 1 });
    const res = await mock.request('/sessions', { method: 'POST', user: 'dev', headers: { 'Content-Type': 'application/json' }, body: '{"displayName":"x"}' });
    assert.equal(res.status, 503);
    const afterCount = (await mock.json<{ totalCount: number }>('/sessions?countPerPage=1', { user: 'dev' })).body.totalCount;
    assert.equal(afterCount, before);
  });

  it('a string body is sent as is, in the negotiated content type', async () => {
    await admin.behaviours.add({ match: { operation: 'GetSession' }, respond: { body: '{"id":"raw"}' }, times: 1 });
    const res = await mock.request('/sessions/anything', { user: 'dev' });
    assert.equal(await res.text(), '{"id":"raw"}');
    assert.equal(res.headers.get('content-type'), CONTENT_TYPES.json);
  });

  it('a body given with an error status is the error body', async () => {
    await admin.behaviours.add({
      match: { operation: 'GetSession' },
      respond: { status: 409, body: { responseStatus: { errorCode: 'Conflict', message: 'Busy', errors: [] } } },
      times: 1,
    });
    const res = await mock.json<{ responseStatus: { errorCode: string } }>('/sessions/x', { user: 'dev', headers: { Accept: 'application/json' } });
    assert.equal(res.status, 409);
    assert.equal(res.body.responseStatus.errorCode, 'Conflict');
  });

  it('malformed applies to an error answer too', async () => {
    await admin.behaviours.add({ match: { operation: 'GetSession' }, respond: { status: 500, fault: 'malformed' }, times: 1 });
    const res = await mock.request('/sessions/x', { user: 'dev' });
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.throws(() => JSON.parse(text));
  });

  it('behaviours act on sign-in (/auth/credentials) and on paths that reach no operation', async () => {
    await admin.behaviours.add({ match: { operation: 'Authenticate' }, respond: { status: 503 }, times: 1 });
    const signIn = await mock.request('/auth/credentials', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userName":"dev@example.com","password":"dev"}' });
    assert.equal(signIn.status, 503);
    await admin.behaviours.add({ match: { path: '/nowhere/*' }, respond: { status: 418 }, times: 1 });
    const res = await mock.json<{ responseStatus: { errorCode: string } }>('/nowhere/x');
    assert.equal(res.status, 418);
    assert.equal(res.body.responseStatus.errorCode, 'ImATeapot');
  });
});
