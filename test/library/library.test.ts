import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runContract, startMock } from '../../src/index.js';
import { basic } from '../server/helpers/mock-server.js';

describe('the library: startMock and runContract', () => {
  it('startMock({ sessions: 40, seed: 3 }) serves on a free port over a store in a temporary folder, and close() removes it', async () => {
    const mock = await startMock({ sessions: 40, seed: 3 });
    try {
      assert.match(mock.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(mock.port, 4010);
      const health = await mock.admin.health();
      assert.deepEqual({ status: health.status, sessions: health.sessions }, { status: 'ok', sessions: 40 });
      assert.ok(existsSync(mock.db));
    } finally {
      await mock.close();
    }
    assert.equal(existsSync(mock.db), false, 'the temporary store is gone');
    await mock.close();
  });

  it('two mocks run side by side, each on its own port and store', async () => {
    const [a, b] = await Promise.all([startMock({ sessions: 5 }), startMock({ sessions: 7 })]);
    try {
      assert.notEqual(a.url, b.url);
      assert.equal((await a.admin.health()).sessions, 5);
      assert.equal((await b.admin.health()).sessions, 7);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('takes options as the command line does, in camelCase, and the same seed gives the same data', async () => {
    const read = async (options: Parameters<typeof startMock>[0]) => {
      const mock = await startMock(options);
      try {
        const res = await fetch(`${mock.url}/sessions?countPerPage=3&format=json`, { headers: basic('dev') });
        return { status: res.status, body: await res.text(), powered: res.headers.get('x-powered-by') };
      } finally {
        await mock.close();
      }
    };
    const options = { sessions: 30, seed: 9, now: '2026-11-20T12:00:00Z', bodyLimit: 2048, noQuirks: true, scenario: ['missed-call'] } as const;
    const first = await read(options);
    assert.equal(first.status, 200);
    assert.equal((await read({ ...options, now: new Date('2026-11-20T12:00:00Z') })).body, first.body);
    const { scenario, ...withoutScenario } = options;
    assert.equal((await read({ ...withoutScenario, scenarios: scenario })).body, first.body, 'scenarios is scenario');
  });

  it('refuses a wrong option with the command line message, naming it as the library spells it', async () => {
    await assert.rejects(startMock({ sessions: -1 }), /startMock\(\{ sessions \}\) must be between 0 and/);
    await assert.rejects(startMock({ now: 'tomorrow' } as never), /startMock\(\{ now \}\) takes an ISO 8601 date-time/);
    await assert.rejects(startMock({ sesions: 3 } as never), /unknown option sesions/);
  });

  it('runContract({ target, user, password, formats }) resolves to the report, with the verdict and root causes', async () => {
    const mock = await startMock({ sessions: 40, seed: 3 });
    try {
      const report = await runContract({ target: mock.url, user: 'dev@example.com', password: 'dev', formats: ['json'], propertyRuns: 3, seed: 5 });
      assert.equal(report.verdict.ok, true, JSON.stringify(report.rootCauses));
      assert.equal(report.seed, 5);
      assert.deepEqual(report.formats, ['json']);
      assert.ok(report.results.length > 20);
      assert.deepEqual(report.rootCauses, []);
      const limited = await runContract({ target: mock.url, user: 'dev@example.com', password: 'dev', formats: 'json', propertyRuns: 1, maxSkipped: '0' });
      assert.equal(limited.verdict.exitCode, 1, 'read-only: the write cases are skipped, more than 0');
    } finally {
      await mock.close();
    }
  });

  it('runContract rejects what the command exits 2 for', async () => {
    await assert.rejects(runContract({ target: 'not a url', user: 'u', password: 'p' }), /is not a URL/);
    const mock = await startMock({ sessions: 2 });
    try {
      await assert.rejects(runContract({ target: mock.url, user: 'dev@example.com', password: 'wrong' }), { name: 'CredentialsRefusedError' });
    } finally {
      await mock.close();
    }
  });
});
