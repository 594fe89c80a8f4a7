import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIV3_1 } from 'openapi-types';
import { ServiceError } from '../../../src/server/errors/service-error.js';
import { apiModelFromDocument, loadApiModel } from '../../../src/spec/wire-model.js';
import { NOW, startMock, type ErrorBody, type MockServer } from '../helpers/mock-server.js';

let mock: MockServer;
before(async () => {
  mock = await startMock({
    sessions: 30,
    parts: {
      handlers: {
        // Behaviour that fails unexpectedly, to see the 500 path.
        GetActiveSessions: () => {
          throw new TypeError('secret internals at /work/main/src/thing.ts:12');
        },
      },
    },
  });
});
after(() => mock.stop());

describe('CORS for browser apps on other localhost ports', () => {
  const origins: { origin: string; allowed: boolean }[] = [
    { origin: 'http://localhost:5173', allowed: true },
    { origin: 'http://127.0.0.1:3000', allowed: true },
    { origin: 'https://localhost', allowed: true },
    { origin: 'http://[::1]:8080', allowed: true },
    { origin: 'https://evil.example.com', allowed: false },
    { origin: 'http://localhost.evil.com', allowed: false },
  ];
  for (const { origin, allowed } of origins) {
    it(`preflight from ${origin} is ${allowed ? 'answered with the origin reflected' : 'not allowed'}`, async () => {
      const res = await mock.request('/sessions', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('vary') ?? '', /Origin/);
      if (!allowed) {
        assert.equal(res.headers.get('access-control-allow-origin'), null);
        return;
      }
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.match(res.headers.get('access-control-allow-methods')!, /POST/);
      for (const h of ['Authorization', 'Content-Type', 'X-ss-id']) assert.match(res.headers.get('access-control-allow-headers')!, new RegExp(h));
    });
  }

  it('a credentialed request gets the origin back, never *', async () => {
    const res = await mock.request('/sessions?countPerPage=1', { user: 'dev', headers: { Origin: 'http://localhost:5173' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
  });
});

describe('every answer', () => {
  it('carries ServiceStack\'s global headers', async () => {
    const res = await mock.request('/sessions?countPerPage=1', { user: 'dev' });
    assert.match(res.headers.get('vary')!, /Accept/);
    assert.match(res.headers.get('x-powered-by')!, /^ServiceStack\/6 \(evo-mock/);
    assert.equal(res.headers.get('etag'), null);
  });

  const errors: { name: string; method: string; path: string; status: number; code: string }[] = [
    { name: 'an unknown route', method: 'GET', path: '/nope', status: 404, code: 'NotFound' },
    { name: 'a known path with a verb it lacks', method: 'DELETE', path: '/sessions', status: 405, code: 'NotImplementedException' },
    { name: 'an unexpected failure', method: 'GET', path: '/sessions/active', status: 500, code: 'InternalServerError' },
  ];
  for (const e of errors) {
    it(`${e.name}: ${e.status} ${e.code} as a ResponseStatus, no stack trace`, async () => {
      const res = await mock.json<ErrorBody>(e.path, { method: e.method, user: 'dev' });
      assert.equal(res.status, e.status);
      assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
      assert.equal(res.body.responseStatus.errorCode, e.code);
      assert.deepEqual(res.body.responseStatus.errors, []);
      assert.doesNotMatch(JSON.stringify(res.body), /secret|\.ts:\d|\n\s+at /);
    });
  }
});

describe('the negotiated format, answers and errors alike', () => {
  const rows: { name: string; path: string; headers?: Record<string, string>; user?: 'dev'; status: number; type: string; body: RegExp }[] = [
    { name: 'no preference: JSON', path: '/sessions?countPerPage=1', user: 'dev', status: 200, type: 'application/json; charset=utf-8', body: /^\{"items":/ },
    { name: 'Accept: application/xml', path: '/sessions?countPerPage=1', headers: { Accept: 'application/xml' }, user: 'dev', status: 200, type: 'application/xml', body: /^<\?xml/ },
    { name: '?format=jsv', path: '/sessions?countPerPage=1&format=jsv', user: 'dev', status: 200, type: 'application/jsv', body: /^\{items:\[/ },
    {
      name: 'a 401 in XML',
      path: '/sessions',
      headers: { Accept: 'application/xml' },
      status: 401,
      type: 'application/xml',
      body: /<ErrorResponse [^>]*xmlns="http:\/\/schemas\.servicestack\.net\/types"><ResponseStatus><ErrorCode>Unauthorized<\/ErrorCode>/,
    },
    { name: 'a 400 in JSV', path: '/sessions?page=x&format=jsv', user: 'dev', status: 400, type: 'application/jsv', body: /^\{responseStatus:\{errorCode:SerializationException,/ },
    { name: 'a 404 in XML', path: '/nowhere', headers: { Accept: 'application/xml' }, status: 404, type: 'application/xml', body: /<ErrorCode>NotFound<\/ErrorCode>/ },
  ];
  for (const row of rows) {
    it(`${row.name} -> ${row.status} ${row.type}`, async () => {
      const res = await mock.request(row.path, { ...(row.user ? { user: row.user } : {}), headers: row.headers ?? {} });
      assert.equal(res.status, row.status);
      assert.equal(res.headers.get('content-type'), row.type);
      assert.match(await res.text(), row.body);
    });
  }
});

describe('the request log', () => {
  it('writes one line per request: method, URL, status, milliseconds', async () => {
    const lines: string[] = [];
    const logged = await startMock({ sessions: 5, settings: { quiet: false }, parts: { logger: { info: (l) => lines.push(l), error: (l) => lines.push(l) } } });
    try {
      await logged.request('/sessions?countPerPage=1', { user: 'dev' });
      await logged.request('/sessions/nope', { user: 'dev' });
      await logged.request('/sessions');
      assert.equal(lines.length, 3, lines.join('\n'));
      assert.match(lines[0]!, /^GET \/sessions\?countPerPage=1 200 \d+\.\dms$/);
      assert.match(lines[1]!, /^GET \/sessions\/nope 404 /);
      assert.match(lines[2]!, /^GET \/sessions 401 /);
    } finally {
      await logged.stop();
    }
  });
});

describe('GET /__admin/health', () => {
  it('answers 200 with the session count once ready, and what the console shows: uptime, requests, seed, clock', async () => {
    const res = await mock.json<Record<string, unknown>>('/__admin/health');
    assert.equal(res.status, 200);
    const { startedAt, uptimeSeconds, requests, storeFile, storeBytes, version, ...rest } = res.body;
    assert.deepEqual(rest, { status: 'ok', sessions: 30, clock: NOW.toISOString(), seed: 7, seededAt: NOW.toISOString(), nowFixed: true });
    assert.equal(typeof startedAt, 'string');
    assert.match(String(version), /^\d+\.\d+/);
    assert.equal(storeFile, mock.file);
    assert.ok(typeof storeBytes === 'number' && storeBytes > 0);
    assert.ok(typeof uptimeSeconds === 'number' && uptimeSeconds >= 0);
    assert.ok(typeof requests === 'number' && requests >= 1, 'this request is counted');
    const again = await mock.json<{ requests: number }>('/__admin/health');
    assert.equal(again.body.requests, (requests as number) + 1);
  });
});

describe('an operation added to the spec is routed and validated with no routing code', () => {
  let extended: MockServer;
  let bare: MockServer;
  before(async () => {
    const doc = structuredClone(loadApiModel().document) as unknown as { components: { schemas: Record<string, unknown> }; paths: Record<string, unknown> };
    doc.components.schemas['GetSessionNotes'] = {
      type: 'object',
      properties: {
        sessionId: { type: 'string', 'x-clr-member': 'SessionId', 'x-value-type': false, 'x-xml-member-namespace': 'urn:test' },
        take: { type: 'integer', format: 'int32', minimum: 1, 'x-clr-member': 'Take', 'x-value-type': true, 'x-xml-member-namespace': 'urn:test' },
      },
      'x-clr-name': 'GetSessionNotes',
      'x-xml-name': 'GetSessionNotes',
      'x-xml-namespace': 'urn:test',
    };
    doc.paths['/sessions/{sessionId}/notes'] = {
      get: {
        operationId: 'GetSessionNotes',
        parameters: [
          { name: 'sessionId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'take', in: 'query', required: true, schema: { type: 'integer', format: 'int32', minimum: 1 } },
        ],
        responses: { '200': { description: 'Success' } },
        'x-requires-authentication': true,
        'x-required-roles': ['User'],
        'x-request-dto': 'GetSessionNotes',
        'x-response-dto': 'SessionInfo',
      },
    };
    const api = apiModelFromDocument(doc as unknown as OpenAPIV3_1.Document);
    [extended, bare] = await Promise.all([
      startMock({ sessions: 5, parts: { api, handlers: { GetSessionNotes: ({ dto }) => ({ id: dto['sessionId'], displayName: `take ${String(dto['take'])}` }) } } }),
      startMock({ sessions: 5, parts: { api } }),
    ]);
  });
  after(() => Promise.all([extended.stop(), bare.stop()]));

  const rows: { name: string; path: string; user?: 'dev' | 'guest'; status: number; field?: string }[] = [
    { name: 'a good request reaches its behaviour', path: '/sessions/abc/notes?TAKE=3', user: 'dev', status: 200 },
    { name: 'a value that does not bind', path: '/sessions/abc/notes?take=lots', user: 'dev', status: 400, field: 'Take' },
    { name: 'a value the schema forbids (minimum 1)', path: '/sessions/abc/notes?take=0', user: 'dev', status: 400, field: 'Take' },
    { name: 'a required parameter missing', path: '/sessions/abc/notes', user: 'dev', status: 400, field: 'Take' },
    { name: 'no credentials', path: '/sessions/abc/notes?take=1', status: 401 },
    { name: 'without its role', path: '/sessions/abc/notes?take=1', user: 'guest', status: 403 },
  ];
  for (const row of rows) {
    it(`${row.name} -> ${row.status}`, async () => {
      const res = await extended.json<ErrorBody & { id: string; displayName: string }>(row.path, row.user ? { user: row.user } : {});
      assert.equal(res.status, row.status, JSON.stringify(res.body));
      if (row.status === 200) assert.deepEqual([res.body.id, res.body.displayName], ['abc', 'take 3']);
      if (row.field) assert.equal(res.body.responseStatus.errors[0]?.fieldName, row.field);
    });
  }

  it('without behaviour it still answers in ServiceStack\'s shape: 405 NotImplementedException', async () => {
    const res = await bare.json<ErrorBody>('/sessions/abc/notes?take=1', { user: 'dev' });
    assert.equal(res.status, 405);
    assert.equal(res.body.responseStatus.errorCode, 'NotImplementedException');
  });
});

it('ServiceError keeps status, code, message and field errors', () => {
  const e = new ServiceError(400, 'X', 'msg', [{ errorCode: 'Y', fieldName: 'F', message: 'm' }]);
  assert.deepEqual([e.status, e.errorCode, e.message, e.fieldErrors.length], [400, 'X', 'msg', 1]);
});
