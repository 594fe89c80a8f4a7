import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../../src/spec/package-root.js';
import { freePort, served } from '../cli/helpers/evo-mock-process.js';

/**
 * The package as a user gets it: `npm pack` (which builds through `prepare`), `npm install <tarball>` into
 * an empty project (no registry for evo-mock itself), then every command from that project's folder, the
 * library and its types, and the CI recipes in docs/ci run line for line. One install serves every case.
 */
const ROOT = packageRoot();
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
/** Long, not tight: a shared 2-core machine packs and installs slowly; nothing here is timed. */
const SLOW = { timeout: 600_000 };

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** This process's environment without node:test's own marker, so an app's `node --test` reports as it would in CI. */
const { NODE_TEST_CONTEXT: _testContext, ...CLEAN_ENV } = process.env;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...CLEAN_ENV, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const ok = (r: Ran, what: string) => assert.equal(r.code, 0, `${what} exited ${r.code}\n${r.stdout}\n${r.stderr}`);

const APP_TEST = `import assert from 'node:assert/strict';
import { test } from 'node:test';

// An app's own test: it reads its API's address and credentials from the environment, as the CI recipes set them.
test('the app lists sessions from the API', async () => {
  const auth = 'Basic ' + Buffer.from(process.env.EVO_MOCK_USER + ':' + process.env.EVO_MOCK_PASSWORD).toString('base64');
  const res = await fetch(process.env.EVO_API_URL + '/sessions?countPerPage=2', { headers: { authorization: auth, accept: 'application/json' } });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).items.length, 2);
});
`;

describe('the installed package', SLOW, () => {
  let dir: string;
  let app: string;
  let bin: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-mock-package-'));
    const packed = await run('npm', ['pack', '--pack-destination', dir, '--silent'], ROOT);
    ok(packed, 'npm pack');
    const tarball = join(dir, packed.stdout.trim().split('\n').pop()!);
    app = join(dir, 'app');
    await mkdir(app);
    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'an-app', version: '1.0.0', private: true, type: 'module', scripts: { test: 'node --test app.test.mjs' } }, null, 2));
    await writeFile(join(app, 'app.test.mjs'), APP_TEST);
    ok(await run('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app), 'npm install <tarball>');
    bin = join(app, 'node_modules', '.bin', 'evo-mock');
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('ships its declarations, spec and fixtures, and points exports (with types) at them', async () => {
    const installed = join(app, 'node_modules', 'evo-mock');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { exports: Record<string, { types?: string; import?: string }>; types: string };
    const entry = manifest.exports['.']!;
    for (const file of [entry.types!, entry.import!, manifest.types, 'spec/openapi.json', 'spec/sources/GetSession.txt', 'fixtures/users.json', 'fixtures/accounts.json']) {
      assert.ok(existsSync(join(installed, file)), file);
    }
    assert.ok(!existsSync(join(installed, 'test')), 'tests stay out of the package');
    assert.ok(!existsSync(join(installed, 'dist', 'test')), 'compiled tests stay out of the package');
  });

  it('the library: startMock and runContract from the installed package, its types checked by tsc as a consumer would', async () => {
    const script = [
      "import { startMock, runContract } from 'evo-mock';",
      'const mock = await startMock({ sessions: 40, seed: 3 });',
      "const report = await runContract({ target: mock.url, user: 'dev@example.com', password: 'dev', formats: ['json'], propertyRuns: 2 });",
      'const health = await mock.admin.health();',
      'await mock.close();',
      'console.log(JSON.stringify({ ok: report.verdict.ok, sessions: health.sessions, url: mock.url }));',
    ].join('\n');
    await writeFile(join(app, 'library.mjs'), script);
    const r = await run(process.execPath, ['library.mjs'], app);
    ok(r, 'node library.mjs');
    const out = JSON.parse(r.stdout) as { ok: boolean; sessions: number; url: string };
    assert.deepEqual({ ok: out.ok, sessions: out.sessions }, { ok: true, sessions: 40 });
    assert.match(out.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    // Types: strict, and every declaration the entry reaches is checked (skipLibCheck off), so a type the
    // package's .d.ts files import from a package it does not depend on would fail here.
    const consumer = [
      "import { startMock, runContract, type Mock, type RunReport } from 'evo-mock';",
      'const mock: Mock = await startMock({ sessions: 40, seed: 3, now: new Date(), scenario: ["missed-call"] });',
      "const report: RunReport = await runContract({ target: mock.url, user: 'dev@example.com', password: 'dev', formats: ['json'] });",
      'const n: number = report.rootCauses.length + (await mock.admin.requests.count());',
      'void n;',
      'await mock.close();',
      'export {};',
    ].join('\n');
    await writeFile(join(app, 'consumer.ts'), consumer);
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] }, files: ['consumer.ts'] }));
    ok(await run(process.execPath, [TSC, '-p', 'tsconfig.json'], app), 'tsc on a consumer');
    const schema = JSON.parse(await readFile(join(app, 'node_modules', 'evo-mock', 'evo-mock.config.schema.json'), 'utf8')) as { title: string };
    assert.equal(schema.title, 'evo-mock configuration');
  });

  it('npx evo-mock runs from the project', async () => {
    const r = await run('npx', ['--no-install', 'evo-mock', '--help'], app);
    ok(r, 'npx evo-mock --help');
    assert.match(r.stdout, /Usage: evo-mock <command>/);
    for (const command of ['serve', 'seed', 'contract', 'generate', 'init']) assert.match(r.stdout, new RegExp(`\\n  ${command}\\b`));
  });

  it('seed writes the store in the working directory, from any directory', async () => {
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    ok(await run(bin, ['seed', '--db', 'db.json', '--sessions', '25', '--seed', '3', '--now', '2026-11-20T12:00:00Z'], elsewhere), 'seed');
    const data = JSON.parse(await readFile(join(elsewhere, 'db.json'), 'utf8')) as { sessions: unknown[] };
    assert.equal(data.sessions.length, 25);
  });

  it('serve answers with the spec and fixtures found inside the package, and contract passes it', async () => {
    const mock = await served(spawn(bin, ['serve', '--port', '0', '--quiet', '--db', 'served/db.json', '--sessions', '60', '--seed', '2'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] }));
    try {
      const health = await fetch(`${mock.url}/__admin/health`);
      const body = (await health.json()) as { status: string; sessions: number };
      assert.deepEqual({ status: body.status, sessions: body.sessions }, { status: 'ok', sessions: 60 });
      // The console ships built: its page loads its script, and the script and Swagger UI come from the package.
      const page = await (await fetch(`${mock.url}/__console`)).text();
      assert.match(page, /<script type="module" src="\/__console\/assets\/main\.js">/);
      assert.equal((await fetch(`${mock.url}/__console/assets/main.js`)).status, 200);
      assert.equal((await fetch(`${mock.url}/__console/reference/swagger-ui-bundle.js`)).status, 200);
      const checked = await run(bin, ['contract', '--target', mock.url, '--formats', 'json,xml', '--property-runs', '2', '--seed', '4', '--report', 'junit.xml'], app, {
        EVO_MOCK_USER: 'dev@example.com',
        EVO_MOCK_PASSWORD: 'dev',
      });
      ok(checked, 'contract');
      assert.match(checked.stdout, /\d+ passed, 0 failed/);
      assert.match(await readFile(join(app, 'junit.xml'), 'utf8'), /<property name="seed" value="4"\/>/);
    } finally {
      assert.equal(await mock.stop(), 0);
    }
    assert.ok(existsSync(join(app, 'served', 'db.json')), 'the store is in the working directory');
  });

  it('generate reads the pages shipped in the package and writes where it is told', async () => {
    ok(await run(bin, ['generate', '--out', 'gen/openapi.json', '--types', 'gen/dtos.ts', '--quiet'], app), 'generate');
    const written = await readFile(join(app, 'gen', 'openapi.json'), 'utf8');
    assert.equal(written, await readFile(join(ROOT, 'spec', 'openapi.json'), 'utf8'));
    assert.ok(existsSync(join(app, 'gen', 'client-dtos.ts')));
  });

  for (const recipe of ['github-actions.yml', 'gitlab-ci.yml'] as const) {
    it(`docs/ci/${recipe}: its steps, run as a script in the project, start the mock, pass the app's tests and the contract check`, SLOW, async () => {
      const script = recipeScript(parseYaml(await readFile(join(ROOT, 'docs', 'ci', recipe), 'utf8')) as unknown, recipe);
      // The one change: a free port for the recipe's fixed 4010, since this machine may run a mock there.
      const port = await freePort();
      const work = join(dir, recipe.replace(/\W/g, '-'));
      ok(await run('cp', ['-r', app, work], dir), 'copy the project');
      await rm(join(work, 'junit.xml'), { force: true });
      const r = await run('bash', ['-c', script.replaceAll('4010', String(port))], work);
      ok(r, `the ${recipe} script`);
      const junit = await readFile(join(work, 'reports', 'contract-junit.xml'), 'utf8');
      assert.match(junit, /<testsuites [^>]*failures="0"/);
      const report = JSON.parse(await readFile(join(work, 'reports', 'contract.json'), 'utf8')) as { summary: { ok: boolean; skip: number } };
      assert.equal(report.summary.ok, true);
      assert.match(r.stdout, /# pass 1\b/, "the app's own test ran and passed");
      assert.ok(!existsSync(join(work, '.evo-mock.pid')) || (await stopped(work)), 'the mock was stopped by the recipe');
    });
  }
});

/** True once the process named in the recipe's pid file has exited (the recipe's stop step sent SIGTERM). */
async function stopped(work: string): Promise<boolean> {
  const pid = Number((await readFile(join(work, '.evo-mock.pid'), 'utf8')).trim());
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * The recipe as one bash script: its environment, then its steps in order (GitHub's `run:` lines, GitLab's
 * `script:`); the steps that run whatever happens (`if: always()`, `after_script`) run from an EXIT trap.
 * `uses:` steps (checkout, setup-node, publishing) are the CI service's own and have no shell equivalent.
 */
function recipeScript(doc: unknown, name: string): string {
  const env: Record<string, string> = {};
  const steps: string[] = [];
  const always: string[] = [];
  if (name.startsWith('github')) {
    const jobs = (doc as { jobs: Record<string, { env?: Record<string, string>; steps: { run?: string; if?: string }[] }> }).jobs;
    const job = Object.values(jobs)[0]!;
    Object.assign(env, job.env ?? {});
    for (const step of job.steps) if (step.run) (step.if === 'always()' ? always : steps).push(step.run);
  } else {
    const job = Object.values(doc as Record<string, { variables?: Record<string, string>; script: string[]; after_script?: string[] }>)[0]!;
    Object.assign(env, job.variables ?? {});
    steps.push(...job.script);
    always.push(...(job.after_script ?? []));
  }
  assert.ok(steps.length >= 4, `${name} has its steps`);
  const exports = Object.entries(env).map(([k, v]) => `export ${k}=${JSON.stringify(String(v))}`);
  return ['set -eo pipefail', ...exports, `finally() {\n${always.join('\n')}\n}`, 'trap finally EXIT', ...steps].join('\n');
}
