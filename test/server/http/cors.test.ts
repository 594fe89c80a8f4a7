import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseCorsHeaders } from '../../../src/server/http/cors-headers.js';
import { startMock, type MockServer } from '../helpers/mock-server.js';

const preflight = (mock: MockServer, origin: string, requested: string) =>
  mock.request('/sessions', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': requested } });
const allowedHeaders = (res: Response) => (res.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);

describe('CORS preflights ask for headers the app sends', () => {
  let mock: MockServer;
  let strict: MockServer;
  before(async () => {
    mock = await startMock({ sessions: 5 });
    strict = await startMock({ sessions: 5, settings: { corsAllowHeaders: ['traceparent'] } });
  });
  after(async () => {
    await mock.stop();
    await strict.stop();
  });

  it('by default a loopback page may send what it asks for (traceparent, X-Requested-With, its own), besides the API headers', async () => {
    const res = await preflight(mock, 'http://localhost:5173', 'traceparent, X-Requested-With,x-app-version,authorization');
    assert.equal(res.status, 204);
    const allowed = allowedHeaders(res);
    for (const h of ['traceparent', 'x-requested-with', 'x-app-version', 'authorization', 'content-type', 'x-ss-id']) assert.ok(allowed.includes(h), `${h} in ${allowed.join(',')}`);
    assert.equal(allowed.filter((h) => h === 'authorization').length, 1, 'each header once');
    assert.match(res.headers.get('vary') ?? '', /Access-Control-Request-Headers/);
  });

  it('drops requested names that are not header names rather than echoing them', async () => {
    const res = await preflight(mock, 'http://127.0.0.1:3000', 'x-ok, bad header, x\u00e9, ' + 'y'.repeat(80));
    assert.equal(res.status, 204);
    const allowed = allowedHeaders(res);
    assert.ok(allowed.includes('x-ok'));
    assert.ok(!allowed.some((h) => h.includes(' ') || h.startsWith('y') || h.startsWith('x\u00e9')), allowed.join(','));
  });

  it('allows nothing to an origin that is not allowed', async () => {
    const res = await preflight(mock, 'https://evil.example.com', 'traceparent');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-headers'), null);
  });

  it('restricted (--cors-allow-headers traceparent), a preflight gets the fixed list, so the browser refuses other headers', async () => {
    const res = await preflight(strict, 'http://localhost:5173', 'traceparent,x-app-version');
    const allowed = allowedHeaders(res);
    assert.ok(allowed.includes('traceparent'));
    assert.ok(allowed.includes('authorization'), "the API's own headers stay allowed");
    assert.ok(!allowed.includes('x-app-version'));
  });

  it('--cors-allow-headers reads a list or "requested", and names a bad entry', () => {
    assert.equal(parseCorsHeaders('requested'), 'requested');
    assert.deepEqual(parseCorsHeaders('traceparent, X-App-Version'), ['traceparent', 'X-App-Version']);
    assert.throws(() => parseCorsHeaders('traceparent,bad header'), /'bad header' is not a header name/);
  });
});
