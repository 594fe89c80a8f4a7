import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import { packageRoot } from '../../src/spec/package-root.js';
import { startMock, USERS, type MockServer } from '../server/helpers/mock-server.js';

/**
 * A real browser app on one port using the mock on another: Chromium loads @servicestack/client's
 * browser bundle (its ES module build, what a bundler serves) and the generated request DTO classes,
 * signs in through /auth/credentials with cookies, and calls the mock cross-origin. This proves CORS
 * (preflights, credentials) as a browser enforces it, not as a test client imagines it.
 */
const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const available = existsSync(CHROMIUM);
const skip = available ? false : `Chromium is not installed at ${CHROMIUM} (apt-get install chromium); the browser test runs where it is, and CI requires it`;

if (!available && process.env['CI']) {
  it('Chromium is installed for the browser test', () => {
    assert.fail(`${CHROMIUM} is missing, and CI must run the browser test: install Debian's chromium package in .ci/run.`);
  });
}

/** The browser app: every step's outcome lands in window.__results for the test to read. */
const APP_SCRIPT = `
import { JsonServiceClient } from '/servicestack-client.mjs';
import { GetSession, ListSessions, NewSession } from '/client-dtos.js';

const mock = window.MOCK_URL;
const results = {};
async function step(name, run) {
  try {
    results[name] = { ok: true, value: await run() };
  } catch (e) {
    results[name] = { ok: false, error: e && e.responseStatus ? e.responseStatus : String(e) };
  }
}

await step('before signing in', async () => (await fetch(mock + '/sessions/my', { credentials: 'include' })).status);
await step('sign in', async () => {
  const res = await fetch(mock + '/auth/credentials', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ provider: 'credentials', userName: ${JSON.stringify(USERS.dev.userName)}, password: ${JSON.stringify(USERS.dev.password)}, rememberMe: true }),
  });
  return { status: res.status, userName: (await res.json()).userName, cookieReadableByScript: document.cookie.includes('ss-id') };
});

const client = new JsonServiceClient(mock);
await step('list', async () => {
  const page = await client.get(new ListSessions({ countPerPage: 3, page: 1 }));
  return { count: page.items.length, totalCount: page.totalCount, ids: page.items.map((s) => s.id) };
});
await step('get', async () => (await client.get(new GetSession({ sessionId: results.list.value.ids[0] }))).id);
await step('create', async () => client.post(new NewSession({ displayName: 'Made in a browser: "quotes", {braces} 🎧', toAddress: '+15555550150' })));
await step('read back', async () => (await client.get(new GetSession({ sessionId: results.create.value.id }))).displayName);
await step('my by URL', async () => Array.isArray((await client.get('/sessions/my')).sessions));
await step('an error', async () => {
  try {
    await client.get(new GetSession({ sessionId: 'no-such-session' }));
    return 'no error';
  } catch (e) {
    return e.responseStatus;
  }
});
await step('auth status', async () => (await (await fetch(mock + '/auth/status', { credentials: 'include' })).json()).emailAddress);
await step('tracing headers', async () => {
  const res = await fetch(mock + '/sessions?countPerPage=1', {
    credentials: 'include',
    headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'X-App-Version': '1.2.3' },
  });
  return res.status;
});
await step('without cookies', async () => (await fetch(mock + '/sessions/my', { credentials: 'omit' })).status);
window.__results = results;
`;

interface StepResult {
  ok: boolean;
  value?: unknown;
  error?: unknown;
}

describe('a browser app on another port signs in with cookies and uses the mock through @servicestack/client', { skip }, () => {
  let mock: MockServer;
  let app: Server;
  let appUrl = '';
  const log: string[] = [];
  let results: Record<string, StepResult> = {};
  const pageErrors: string[] = [];

  before(async () => {
    mock = await startMock({ sessions: 60, settings: { quiet: false }, parts: { logger: { info: (l) => log.push(l), error: (l) => log.push(l) } } });
    const require = createRequire(import.meta.url);
    const clientBundle = await readFile(join(dirname(require.resolve('@servicestack/client')), 'servicestack-client.mjs'), 'utf8');
    // The generated DTO classes, as a bundler would serve them: TypeScript with the types erased.
    const dtoSource = await readFile(join(packageRoot(), 'src', 'generated', 'client-dtos.ts'), 'utf8');
    const dtoModule = ts.transpileModule(dtoSource, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    const files: Record<string, string> = {
      '/': `<!doctype html><meta charset="utf-8"><title>browser app</title><script>window.MOCK_URL = ${JSON.stringify(mock.url)};</script><script type="module" src="/app.js"></script>`,
      '/app.js': APP_SCRIPT,
      '/servicestack-client.mjs': clientBundle,
      '/client-dtos.js': dtoModule,
    };
    app = createServer((req, res) => {
      const body = files[req.url ?? ''];
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': req.url === '/' ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text());
      });
      await page.goto(appUrl);
      await page.waitForFunction(() => (globalThis as unknown as { __results?: unknown }).__results !== undefined, null, { timeout: 30_000 });
      results = await page.evaluate(() => (globalThis as unknown as { __results: Record<string, StepResult> }).__results);
    } finally {
      await browser.close();
    }
  });

  after(async () => {
    await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
    await mock?.stop();
  });

  const value = (name: string): unknown => {
    const r = results[name];
    assert.ok(r, `step ${name} ran (page errors: ${pageErrors.join(' | ')})`);
    assert.ok(r.ok, `step ${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  it('before signing in, a cross-origin call is answered 401 (and readable: CORS headers on errors too)', () => {
    assert.equal(value('before signing in'), 401);
  });

  it('POST /auth/credentials sets HttpOnly cookies the browser keeps', () => {
    assert.deepEqual(value('sign in'), { status: 200, userName: USERS.dev.userName, cookieReadableByScript: false });
    assert.equal(value('auth status'), USERS.dev.userName);
  });

  it('JsonServiceClient lists a page of sessions, then gets one, on the signed-in session', () => {
    const list = value('list') as { count: number; totalCount: number; ids: string[] };
    assert.equal(list.count, 3);
    assert.ok(list.totalCount > 3);
    assert.equal(value('get'), list.ids[0]);
  });

  it('creates a session and reads it back verbatim', () => {
    const created = value('create') as { displayName: string; fromAddress: string };
    assert.equal(created.displayName, 'Made in a browser: "quotes", {braces} 🎧');
    assert.equal(created.fromAddress, USERS.dev.userName);
    assert.equal(value('read back'), created.displayName);
    assert.equal(value('my by URL'), true);
  });

  it('reads an error: responseStatus with errorCode and message', () => {
    const status = value('an error') as { errorCode: string; message: string };
    assert.equal(status.errorCode, 'NotFound');
    assert.match(status.message, /no-such-session/);
  });

  it("a call with an app's own and tracing headers (traceparent, X-App-Version) passes its preflight", () => {
    assert.equal(value('tracing headers'), 200);
  });

  it('without its cookies the same call is 401 again', () => {
    assert.equal(value('without cookies'), 401);
  });

  it('the browser sent CORS preflights and the mock answered them', () => {
    assert.ok(log.some((l) => /^OPTIONS \/auth\/credentials 204 /.test(l)), log.join('\n'));
    assert.ok(log.some((l) => /^OPTIONS \/api\/NewSession 204 /.test(l)), log.join('\n'));
    assert.ok(log.some((l) => /^POST \/api\/NewSession 200 /.test(l)), log.join('\n'));
    assert.deepEqual(pageErrors.filter((e) => !/401|404/.test(e)), []);
  });
});
