import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusName } from '../../../src/server/behaviours/behaviour.js';
import { DelaySyntaxError, formatDelay, parseDelay, readDelay, sampleDelay, type DelaySpec } from '../../../src/server/behaviours/delay.js';
import { malformed } from '../../../src/server/behaviours/answer-shape.js';
import { parsePrefer } from '../../../src/server/behaviours/prefer-header.js';
import { compileMatch, pathPattern, type RequestFacts } from '../../../src/server/behaviours/request-match.js';
import { ServiceError } from '../../../src/server/errors/service-error.js';
import { redactBody, redactHeaders } from '../../../src/server/journal/redaction.js';

describe('delays', () => {
  const TEXT: readonly [string, DelaySpec][] = [
    ['200', { kind: 'fixed', ms: 200 }],
    ['200ms', { kind: 'fixed', ms: 200 }],
    ['50-300', { kind: 'uniform', minMs: 50, maxMs: 300 }],
    [' 50 - 300 ', { kind: 'uniform', minMs: 50, maxMs: 300 }],
    ['lognormal:80,0.4', { kind: 'lognormal', medianMs: 80, sigma: 0.4 }],
  ];
  for (const [text, spec] of TEXT) it(`reads '${text}'`, () => assert.deepEqual(parseDelay(text), spec));
  for (const text of ['', 'fast', '-5', '300-50', 'lognormal:80', 'lognormal:80,9', '700000']) {
    it(`refuses '${text}' with a message saying the forms`, () => assert.throws(() => parseDelay(text), DelaySyntaxError));
  }
  it('reads the JSON forms', () => {
    assert.deepEqual(readDelay(800), { kind: 'fixed', ms: 800 });
    assert.deepEqual(readDelay({ fixed: 5 }), { kind: 'fixed', ms: 5 });
    assert.deepEqual(readDelay({ min: 1, max: 2 }), { kind: 'uniform', minMs: 1, maxMs: 2 });
    assert.deepEqual(readDelay({ median: 80, sigma: 0.4 }), { kind: 'lognormal', medianMs: 80, sigma: 0.4 });
    assert.throws(() => readDelay({ min: 1 }), DelaySyntaxError);
  });
  it('samples within bounds; lognormal centres on its median', () => {
    const uniform = parseDelay('50-300');
    for (let i = 0; i < 1000; i++) {
      const ms = sampleDelay(uniform);
      assert.ok(ms >= 50 && ms <= 300);
    }
    const samples = Array.from({ length: 4001 }, () => sampleDelay(parseDelay('lognormal:80,0.4'))).sort((a, b) => a - b);
    const median = samples[2000]!;
    assert.ok(median >= 72 && median <= 88, `median ${median}`);
    assert.ok(samples[3960]! > 150, 'a long tail');
  });
  it('writes each form back as --latency takes it', () => {
    for (const [text] of TEXT.filter(([t]) => !t.includes(' ') && !t.endsWith('ms'))) assert.equal(formatDelay(parseDelay(text)), text);
  });
});

describe('the Prefer header', () => {
  const CASES: readonly [string, ReturnType<typeof parsePrefer>][] = [
    ['code=503', { code: 503 }],
    ['code=503, delay=200', { code: 503, delay: '200' }],
    ['example=ListSessions;dynamic=false', { example: 'ListSessions', dynamic: false }],
    ['dynamic=true', { dynamic: true }],
    ['dynamic', { dynamic: true }],
    ['delay="lognormal:80,0.4", fault=reset', { delay: 'lognormal:80,0.4', fault: 'reset' }],
    ['return=minimal, wait=10', {}],
    ['Code=404', { code: 404 }],
  ];
  for (const [header, prefs] of CASES) it(`reads '${header}'`, () => assert.deepEqual(parsePrefer(header), prefs));
  for (const header of ['code=5000', 'code=abc', 'fault=explode', 'delay=later', 'example=']) {
    it(`refuses '${header}' with a 400`, () => assert.throws(() => parsePrefer(header), (e: unknown) => e instanceof ServiceError && e.status === 400));
  }
});

describe('path patterns and matches', () => {
  const PATHS: readonly [string, string, boolean][] = [
    ['/sessions/*', '/sessions/abc', true],
    ['/sessions/*', '/Sessions/abc', true],
    ['/sessions/*', '/sessions/abc/', true],
    ['/sessions/*', '/sessions', false],
    ['/sessions/*', '/sessions/a/b', false],
    ['/sessions/**', '/sessions/a/b', true],
    ['/api/*Sessions', '/api/ListSessions', true],
    ['/api/*Sessions', '/api/NewSession', false],
    ['/sessions', '/sessions.xml', false],
    ['/a.b', '/axb', false],
  ];
  for (const [glob, path, hit] of PATHS) it(`'${glob}' ${hit ? 'matches' : 'does not match'} ${path}`, () => assert.equal(pathPattern(glob).test(path), hit));

  const facts: RequestFacts = { method: 'HEAD', path: '/sessions', query: 'ids=a&ids=b&x=1', headers: { 'x-app': 'web' }, operation: 'ListSessions', user: 'Dev@Example.com', format: 'json' };
  it('a GET match covers HEAD; repeated query keys are joined with commas as ServiceStack binds them; users in any case', () => {
    assert.equal(compileMatch({ method: 'get' })(facts), true);
    assert.equal(compileMatch({ query: { ids: 'a,b' } })(facts), true);
    assert.equal(compileMatch({ user: 'dev@example.COM' })(facts), true);
    assert.equal(compileMatch({ headers: { 'X-APP': 'web' }, query: { x: { absent: false } } })(facts), true);
    assert.equal(compileMatch({ headers: { 'x-app': { equalTo: 'Web' } } })(facts), false);
  });
});

describe('redaction and faults', () => {
  it('keeps the scheme of a credential, hides cookie values by name', () => {
    assert.deepEqual(redactHeaders({ authorization: 'Bearer abc', cookie: 'ss-id=1; ss-pid=2', accept: 'x', 'x-ss-pid': '2', 'content-length': '5' }), {
      authorization: 'Bearer [redacted]',
      cookie: 'ss-id=[redacted]; ss-pid=[redacted]',
      accept: 'x',
      'x-ss-pid': '[redacted]',
      'content-length': '5',
    });
    assert.deepEqual(redactHeaders({ 'set-cookie': ['ss-id=abc; path=/; httponly', 'ss-opt=perm; expires=x'] }), {
      'set-cookie': 'ss-id=[redacted]; path=/; httponly, ss-opt=[redacted]; expires=x',
    });
  });
  const BODIES: readonly [string, string][] = [
    ['{"userName":"a","password":"p\\"w"}', '{"userName":"a","password":"[redacted]"}'],
    ['userName=a&password=secret&rememberMe=true', 'userName=a&password=[redacted]&rememberMe=true'],
    ['{userName:a,password:"x,y",rememberMe:true}', '{userName:a,password:[redacted],rememberMe:true}'],
    ['<Authenticate><Password>pw</Password></Authenticate>', '<Authenticate><Password>[redacted]</Password></Authenticate>'],
    ['{"displayName":"no secret"}', '{"displayName":"no secret"}'],
  ];
  for (const [body, redacted] of BODIES) it(`redacts ${body}`, () => assert.equal(redactBody(body), redacted));

  it('a malformed body starts like the real one and never closes', () => {
    assert.equal(malformed('{"items":[]}'), '{"item');
    assert.equal(malformed('{}'), '{');
    assert.equal(malformed(''), '{');
  });

  it("names error codes after .NET's HttpStatusCode", () => {
    assert.deepEqual([503, 429, 500, 404, 409, 502, 504, 401].map(statusName), [
      'ServiceUnavailable',
      'TooManyRequests',
      'InternalServerError',
      'NotFound',
      'Conflict',
      'BadGateway',
      'GatewayTimeout',
      'Unauthorized',
    ]);
  });
});
