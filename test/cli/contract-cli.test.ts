import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { startBrokenTarget, type BrokenTarget } from '../contract/fixtures/broken-target.js';
import { freePort, runEvoMock, spawnServe, type ServeProcess } from './helpers/evo-mock-process.js';

const DEV = ['--user', 'dev@example.com', '--password', 'dev'];

describe('evo-mock contract (the command line)', () => {
  let mock: ServeProcess;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-mock-contract-cli-'));
    mock = await spawnServe(['--db', join(dir, 'db.json'), '--seed', '7', '--sessions', '300']);
  });
  after(async () => {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes a freshly started `evo-mock serve` in all formats, exits 0 and writes JUnit and JSON reports', async () => {
    const junit = join(dir, 'junit.xml');
    const json = join(dir, 'report.json');
    const ran = await runEvoMock(['contract', '--target', mock.url, ...DEV, '--formats', 'json,xml,jsv', '--allow-writes', '--seed', '5', '--report', junit, '--json', json]);
    assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    assert.match(ran.stdout, /^operation\s+JSON\s+XML\s+JSV\s+ALL$/m);
    assert.match(ran.stdout, /^ListSessions\s+\d+ pass\s+\d+ pass\s+\d+ pass\s+1 pass$/m);
    // The target is evo-mock: what the run created is removed again through the admin data API, and said so.
    assert.match(ran.stdout, /removed from http:\/\/127\.0\.0\.1:\d+ \(evo-mock\) the \d+ sessions the run created: [0-9a-f]{32}/);
    assert.match(ran.stderr, /seed 5, writes allowed/);

    const report = JSON.parse(await readFile(json, 'utf8')) as {
      summary: { pass: number; fail: number; skip: number; total: number; ok: boolean };
      formats: string[];
      seed: number;
      created: { id: string }[];
      cleanup: { evoMock: boolean; removed: string[]; left: unknown[] };
    };
    assert.equal(report.summary.ok, true);
    assert.equal(report.summary.fail, 0);
    assert.equal(report.summary.skip, 0);
    assert.deepEqual(report.formats, ['json', 'xml', 'jsv']);
    assert.equal(report.seed, 5);
    assert.ok(report.created.length >= 3);
    assert.deepEqual([report.cleanup.evoMock, report.cleanup.removed.sort(), report.cleanup.left], [true, report.created.map((c) => c.id).sort(), []]);
    for (const { id } of report.created) assert.equal((await fetch(`${mock.url}/__admin/sessions/${id}`)).status, 404, `${id} is gone from the mock`);

    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(await readFile(junit, 'utf8')) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: unknown[] | unknown }[] };
    };
    assert.equal(Number(xml.testsuites.tests), report.summary.total);
    assert.equal(xml.testsuites.failures, '0');
    const suites = xml.testsuites.testsuite.map((s) => s.name);
    for (const name of ['ListSessions.json', 'ListSessions.xml', 'ListSessions.jsv', 'GetSession.jsv', 'NewSession.xml', 'ListSessions.all']) assert.ok(suites.includes(name), name);
  });

  describe('against a broken target', () => {
    let broken: BrokenTarget;
    before(async () => {
      broken = await startBrokenTarget(mock.url, (e) => {
        if (e.headers['content-type']?.startsWith('application/jsv')) e.body = e.body.replace(/:False\b/g, ':false');
      });
    });
    after(async () => {
      await broken.close();
    });

    it('exits 1, names the failing check, and reports it in JUnit', async () => {
      const junit = join(dir, 'broken.xml');
      const ran = await runEvoMock(['contract', '--target', broken.url, ...DEV, '--formats', 'jsv', '--property-runs', '3', '--report', junit]);
      assert.equal(ran.code, 1, ran.stdout + ran.stderr);
      assert.match(ran.stdout, /FAIL 1\. \[round-trip\] JSV has "false" where TypeSerializer writes "False"\n {2}seen in \d+ cases: .*ListSessions\.jsv\.positive\.basic.*\n {2}first: not what TypeSerializer writes for this value: at byte/);
      assert.match(ran.stdout, /^\d+ passed, [1-9]\d* failed \(1 root cause\)/m);
      assert.equal(ran.stdout.match(/^FAIL /gm)?.length, 1, 'one JSV boolean defect is one failure, however many answers show it');
      const text = await readFile(junit, 'utf8');
      assert.match(text, /<failure type="round-trip" message="round-trip: /);
      assert.match(text, /<property name="seed" value="-?\d+"\/>/);
    });
  });

  it('exits 2 with what it saw when the target is not the API at all (a web dev server answering index.html)', async () => {
    const page = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>my app</title></head><body><div id="root"></div></body></html>');
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    const port = (page.address() as AddressInfo).port;
    try {
      const ran = await runEvoMock(['contract', '--target', `http://127.0.0.1:${port}`, ...DEV]);
      assert.equal(ran.code, 2, ran.stdout + ran.stderr);
      assert.match(ran.stderr, /does not look like the API the spec describes: GET \/sessions\S* answered 200 text\/html, an HTML page\. Check --target/);
      assert.doesNotMatch(ran.stdout, /FAIL/);
    } finally {
      page.closeAllConnections();
      await new Promise<void>((resolve) => page.close(() => resolve()));
    }
  });

  describe('--max-skipped', () => {
    it('fails (exit 1) a read-only run whose write cases were all skipped, and says why', async () => {
      const ran = await runEvoMock(['contract', '--target', mock.url, ...DEV, '--formats', 'json', '--property-runs', '2', '--max-skipped', '0']);
      assert.equal(ran.code, 1, ran.stdout + ran.stderr);
      assert.match(ran.stdout, /^\d+ passed, 0 failed, [1-9]\d* skipped/m);
      assert.match(ran.stdout, /FAILED: \d+ of \d+ cases were skipped \(\d+%\), more than --max-skipped 0 allows/);
    });

    it('passes the same run under a percentage it stays within', async () => {
      const ran = await runEvoMock(['contract', '--target', mock.url, ...DEV, '--formats', 'json', '--property-runs', '2', '--max-skipped', '50%']);
      assert.equal(ran.code, 0, ran.stdout + ran.stderr);
    });
  });

  it('exits 2 when nothing answers at the target, and says what to do', async () => {
    const port = await freePort();
    const ran = await runEvoMock(['contract', '--target', `http://127.0.0.1:${port}`, ...DEV]);
    assert.equal(ran.code, 2, ran.stdout + ran.stderr);
    assert.match(ran.stderr, new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}: connection refused .*Is the server running\\? Start the mock with 'evo-mock serve'`));
  });

  const refusals: { name: string; args: string[]; says: RegExp }[] = [
    { name: 'an unknown format', args: ['--target', 'http://127.0.0.1:4010', ...DEV, '--formats', 'json,yaml'], says: /--formats: unknown format yaml; choose from json, xml, jsv/ },
    { name: 'no --target', args: [...DEV], says: /--target is required/ },
    { name: 'no credentials for a spec that requires them', args: ['--target', 'http://127.0.0.1:4010'], says: /give --user and --password .* or --bearer/ },
    { name: '--user without --password', args: ['--target', 'http://127.0.0.1:4010', '--user', 'dev@example.com'], says: /--user dev@example.com needs --password/ },
    { name: 'a seed that is not a number', args: ['--target', 'http://127.0.0.1:4010', ...DEV, '--seed', 'abc'], says: /--seed takes a whole number/ },
    { name: 'a --max-skipped that is neither a count nor a percentage', args: ['--target', 'http://127.0.0.1:4010', ...DEV, '--max-skipped', 'lots'], says: /--max-skipped takes a number of cases \(e\.g\. 10\) or a percentage/ },
  ];
  for (const r of refusals) {
    it(`exits 2 with a message that says what to do for ${r.name}`, async () => {
      const ran = await runEvoMock(['contract', ...r.args]);
      assert.equal(ran.code, 2, ran.stdout + ran.stderr);
      assert.match(ran.stderr, r.says);
    });
  }

  it('--help explains every option', async () => {
    const ran = await runEvoMock(['contract', '--help']);
    assert.equal(ran.code, 0);
    for (const option of ['--target', '--user', '--password', '--bearer', '--formats', '--allow-writes', '--seed', '--property-runs', '--report', '--json', '--timeout', '--spec', '--verbose', '--max-skipped']) {
      assert.match(ran.stdout, new RegExp(`${option}\\b.*\\S`), option);
    }
    assert.match(ran.stdout, /Exit codes: 0 .* 1 .* 2 /);
  });
});
