import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchClient, TargetUnreachableError } from '../../src/contract/http-client.js';
import { CredentialsRefusedError } from '../../src/contract/run-errors.js';
import { countByStatus, type RunReport } from '../../src/contract/run-report.js';
import { runContract, type RunOptions } from '../../src/contract/runner.js';
import type { Credentials } from '../../src/contract/target.js';
import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { startBrokenTarget, type ProxiedExchange } from './fixtures/broken-target.js';
import { toyModel } from './fixtures/toy-api.js';
import { startToyTarget, type ToyTarget } from './fixtures/toy-target.js';

const model = toyModel();
const deps = { model, codecs: defaultCodecs, http: fetchClient(5_000) };
const basic: Credentials = { kind: 'basic', user: 'u', password: 'p' };
const options = (baseUrl: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  target: { baseUrl, credentials: basic },
  formats: ['json', 'xml', 'jsv'],
  allowWrites: false,
  seed: 42,
  propertyRuns: 8,
  ...extra,
});
const failures = (r: RunReport) => r.results.filter((x) => x.outcome.status === 'fail').map((x) => `${x.id}: ${x.outcome.checks.filter((c) => !c.ok).map((c) => c.message).join('; ')}`);

describe('the runner against the toy widgets API', () => {
  let toy: ToyTarget;
  before(async () => {
    toy = await startToyTarget(model);
  });
  after(async () => {
    await toy.close();
  });

  it('passes a correct target in every format, derives cases from the spec, and sends no write when read-only', async () => {
    const methods: string[] = [];
    const spy = await startBrokenTarget(toy.url, (e: ProxiedExchange) => void methods.push(e.method));
    try {
      const report = await runContract(options(spy.url), deps);
      assert.deepEqual(failures(report), []);
      const ops = new Set(report.results.map((r) => r.operationId));
      assert.deepEqual([...ops].sort(), ['GetWidget', 'ListWidgets', 'NewWidget']);
      for (const kind of ['positive', 'negative', 'property', 'invariant']) assert.ok(report.results.some((r) => r.kind === kind && r.outcome.status === 'pass'), kind);
      const writes = report.results.filter((r) => r.operationId === 'NewWidget');
      assert.ok(writes.every((r) => r.outcome.status === 'skip' && /--allow-writes/.test(r.outcome.skipReason ?? '')));
      assert.deepEqual([...new Set(methods)], ['GET']);
      assert.deepEqual(report.created, []);
    } finally {
      await spy.close();
    }
  });

  it('with writes allowed, creates, reads back and lists every object it created', async () => {
    const before = toy.created.length;
    const report = await runContract(options(toy.url, { allowWrites: true }), deps);
    assert.deepEqual(failures(report), []);
    const madeHere = toy.created.slice(before);
    assert.ok(madeHere.length >= 3, 'one basic create per format at least');
    assert.deepEqual(report.created.map((c) => c.id).sort(), [...madeHere].sort());
    assert.ok(report.results.some((r) => r.id === 'NewWidget.xml.positive.basic' && r.outcome.checks.some((c) => c.check === 'readback' && c.ok)));
  });

  it('a defect only generated requests reach fails the property with its seed, path and shrunk request', async () => {
    // Off by one in totalPages, only with 10 to 20 per page: no fixed case asks for that.
    const broken = await startBrokenTarget(toy.url, (e) => {
      const q = new URL(e.url, 'http://x').searchParams;
      const cpp = Number(q.get('countPerPage') ?? 0);
      if (e.status === 200 && cpp >= 10 && cpp <= 20 && !q.has('format') && e.body.startsWith('{"items"')) {
        e.body = e.body.replace(/"totalPages":(\d+)/, (_m, n: string) => `"totalPages":${Number(n) + 1}`);
      }
    });
    try {
      const report = await runContract(options(broken.url, { formats: ['json'], propertyRuns: 40 }), deps);
      const failed = report.results.filter((r) => r.outcome.status === 'fail');
      assert.deepEqual(failed.map((r) => r.id), ['ListWidgets.json.property.generated']);
      const details = failed[0]!.outcome.details!.join('\n');
      assert.match(details, /seed -?\d+, path "[\d:]+" \(replay the run with --seed 42\)/);
      assert.match(details, /shrunk request: GET \/widgets\?countPerPage=10 \[json\]/);
      assert.ok(failed[0]!.outcome.checks.some((c) => c.check === 'paging' && !c.ok));
    } finally {
      await broken.close();
    }
  });

  it('replays the same generated requests for the same seed', async () => {
    const requests = async () => {
      const r = await runContract(options(toy.url, { formats: ['json'], seed: 7 }), deps);
      return r.results.map((x) => `${x.id} ${x.outcome.requests.join(' | ')}`);
    };
    assert.deepEqual(await requests(), await requests());
  });

  it('cannot start against a target that does not answer', async () => {
    const gone = await startToyTarget(model);
    await gone.close();
    await assert.rejects(runContract(options(gone.url), deps), TargetUnreachableError);
  });

  it('cannot start against a target that accepts connections but never answers (timeout on the probe)', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      await assert.rejects(runContract(options(url), { ...deps, http: fetchClient(300) }), (err: unknown) => err instanceof TargetUnreachableError && /no answer within 300 ms/.test(err.message));
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('cannot start when the target refuses the credentials', async () => {
    await assert.rejects(runContract({ ...options(toy.url), target: { baseUrl: toy.url, credentials: { kind: 'basic', user: 'u', password: 'wrong' } } }, deps), CredentialsRefusedError);
  });

  it('counts every case once in the summary', async () => {
    const report = await runContract(options(toy.url, { formats: ['xml'] }), deps);
    const c = countByStatus(report.results);
    assert.equal(c.pass + c.fail + c.skip, report.results.length);
    assert.equal(c.fail, 0);
  });
});
