import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARCHIVE_CUTOFF, startMock, USERS, type ListBody, type MockServer } from '../server/helpers/mock-server.js';
import { chromiumSkip, compileConsole, launch, SCREENSHOTS, watch, type InPage, type Watched } from './browser-harness.js';

/**
 * The console in a real browser against a real mock: each view shows what the API answers, controls
 * change the API, the journal is live, and the page never reaches past 127.0.0.1 nor logs an error.
 */
const ADMIN_APIS = { journal: '/__admin/requests', behaviours: '/__admin/behaviours', clock: '/__admin/clock', snapshots: '/__admin/snapshots', data: '/__admin/sessions/' } as const;

describe('the web console in Chromium', { skip: chromiumSkip }, () => {
  let mock: MockServer;
  let browser: Browser;
  let page: Page;
  let watched: Watched;
  /** Admin APIs other issues add; a test of a view on one says so when it is not on this mock. */
  const has: Record<string, boolean> = {};

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const open = async (hash: string) => {
    await page.goto(`${mock.url}/__console${hash}`);
  };
  // Predicates run in the page as functions (a string would be eval'd, which the console's CSP forbids).
  const rowsAre = (ids: readonly (string | undefined)[]) =>
    page.waitForFunction(
      (want) => Array.from((globalThis as unknown as InPage).document.querySelectorAll('table.data tbody tr[data-id]')).map((r) => r.getAttribute('data-id')).join(',') === want,
      ids.join(','),
    );
  const rowIds = () => page.$$eval('table.data tbody tr[data-id]', (rows) => rows.map((r) => r.getAttribute('data-id')));
  const asAdmin = async <T>(path: string): Promise<T> => (await mock.json<T>(path, { user: 'admin' })).body;

  before(async () => {
    const scripts = await compileConsole();
    mock = await startMock({ sessions: 300, parts: { consoleScripts: scripts } });
    for (const [name, path] of Object.entries(ADMIN_APIS)) {
      has[name] = (await mock.request(name === 'data' ? `${path}${mock.seeded[0]!.session.id}` : path)).status !== 404;
    }
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    watched = watch(page);
  });

  after(async () => {
    await browser?.close();
    await mock?.stop();
  });

  it('a browser gets the console at /; an API client asking / keeps its ServiceStack 404, byte for byte', async () => {
    const api = await mock.request('/', { headers: { Accept: 'application/json' } });
    const plain = await mock.request('/');
    const elsewhere = await mock.request('/nowhere', { headers: { Accept: 'application/json' } });
    assert.equal(api.status, 404);
    const body = await api.text();
    assert.equal(await plain.text(), body);
    assert.equal(body, (await elsewhere.text()).replace('GET /nowhere', 'GET /'));
    const formatAsked = await mock.request('/?format=json', { headers: { Accept: 'text/html' } });
    assert.equal(formatAsked.status, 404, '?format= wins over a browser Accept');

    const res = await page.goto(`${mock.url}/`);
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    await page.waitForSelector('table.data tbody tr[data-id]');
    assert.equal(await page.title(), 'Sessions · evo-mock console');
  });

  it('Sessions lists the API page by page, with its filters, as the chosen user', async () => {
    await open('#/sessions');
    await page.waitForSelector('table.data tbody tr[data-id]');
    const first = await asAdmin<ListBody>('/sessions?page=0&countPerPage=25');
    assert.deepEqual(await rowIds(), first.items.map((s) => s.id));
    assert.match(await page.textContent('.head .sub') ?? '', new RegExp(`of ${first.totalCount}`));
    await shot('sessions');

    await page.keyboard.press(']');
    const second = await asAdmin<ListBody>('/sessions?page=1&countPerPage=25');
    await rowsAre(second.items.map((s) => s.id));
    assert.deepEqual(await rowIds(), second.items.map((s) => s.id));

    const account = mock.fixtures.accounts[1]!;
    await page.selectOption('select[name="accountIds"]', account.id);
    await page.fill('input[name="log"]', 'queue');
    const filtered = await asAdmin<ListBody>(`/sessions?page=0&countPerPage=25&accountIds=${account.id}&log=queue`);
    assert.ok(filtered.items.length > 0);
    await rowsAre(filtered.items.map((s) => s.id));
    assert.deepEqual(await rowIds(), filtered.items.map((s) => s.id));
    assert.match(page.url(), new RegExp(`accountIds=${account.id}`), 'the filters are in the address, so a reload or a link keeps them');

    // The page asked ListSessions for one page at a time, never for everything.
    const lists = watched.requests.filter((u) => new URL(u).pathname === '/sessions');
    assert.ok(lists.length >= 3);
    for (const u of lists) {
      const q = new URL(u).searchParams;
      assert.equal(q.get('all'), null, u);
      assert.equal(q.get('countPerPage'), '25', u);
    }
  });

  it('a session page shows its members, its log as a timeline, and its JSON, XML and JSV as the API sends them', async () => {
    // A live one (newer than 15 days): GetSession answers 404 for an archived session, as the real server does.
    const session = mock.seeded.map((s) => s.session).find((s) => s.dateCreated! > ARCHIVE_CUTOFF && (s.log?.length ?? 0) >= 4 && (s.members?.length ?? 0) >= 2 && s.members?.some((m) => m.avatarUrl))!;
    await open(`#/sessions/${session.id}`);
    await page.waitForSelector('ol.timeline li');
    const read = await asAdmin<ListBody>(`/sessions?specificIds=${session.id}`);
    const truth = read.items[0]!;
    assert.equal(await page.textContent('.session-head h1'), truth.displayName);
    assert.deepEqual(await page.$$eval('ol.timeline .msg', (els) => els.map((e) => e.textContent)), truth.log!.map((l) => l.message));
    assert.deepEqual(await page.$$eval('.member .who b', (els) => els.map((e) => e.textContent)), truth.members!.map((m) => m.displayName || m.identity));
    // Avatars come from the mock itself.
    const avatars = await page.locator('img.avatar').evaluateAll((imgs) => imgs.map((i) => (i as unknown as { src: string }).src));
    assert.ok(avatars.length > 0 && avatars.every((src) => src.startsWith(`${mock.url}/__avatars/`)), avatars.join(' '));
    await page.waitForFunction(() => Array.from((globalThis as unknown as InPage).document.querySelectorAll('img.avatar')).every((i) => i.complete === true && (i.naturalWidth ?? 0) > 0));
    await page.waitForSelector('pre.code');
    await shot('session');

    for (const [tab, accept] of [['JSON', 'application/json'], ['XML', 'application/xml'], ['JSV', 'text/jsv']] as const) {
      await page.click(`.tabs button:text-is("${tab}")`);
      const sent = await (await mock.request(`/sessions/${session.id}`, { user: 'admin', headers: { Accept: accept } })).text();
      await page.waitForFunction((text) => (globalThis as unknown as InPage).document.querySelector('pre.code')?.textContent === text, sent);
    }
    await page.keyboard.press('Escape');
    await page.waitForSelector('table.data tbody tr[data-id]');
  });

  it('Control applies a scenario from its button, and the API then has its sessions', async () => {
    const id = (await asAdmin<{ scenarios: { name: string; sessions: { id: string }[] }[] }>('/__admin/scenarios')).scenarios.find((s) => s.name === 'missed-call')!.sessions[0]!.id;
    assert.equal((await asAdmin<ListBody>(`/sessions?specificIds=${id}`)).items.length, 0);
    await open('#/control');
    await page.click('button[data-scenario="missed-call"]');
    await page.waitForSelector('.toast');
    assert.match((await page.textContent('.toast')) ?? '', /missed-call/);
    assert.equal((await asAdmin<ListBody>(`/sessions?specificIds=${id}`)).items.length, 1);
    await shot('control');
  });

  it('Control adds a behaviour from its form, the API answers with it, and removes it', async (t) => {
    if (!has['behaviours']) return t.skip('this mock has no behaviours API (/__admin/behaviours) yet');
    await open('#/control');
    await page.selectOption('select[name="operation"]', 'GetMySessions');
    await page.fill('input[name="status"]', '503');
    await page.fill('input[name="times"]', '1');
    await page.click('button:text-is("Add behaviour")');
    await page.waitForSelector('[data-behaviour]');
    t.after(() => mock.request('/__admin/behaviours', { method: 'DELETE' }));
    const listed = await asAdmin<{ behaviours: { id: string; match: { operation: string }; respond: { status: number } }[] } | { id: string }[]>('/__admin/behaviours');
    const items = Array.isArray(listed) ? listed : listed.behaviours;
    assert.equal(items.length, 1);
    assert.equal((await mock.request('/sessions/my', { user: 'dev' })).status, 503);
    assert.equal((await mock.request('/sessions/my', { user: 'dev' })).status, 200, 'times: 1');
    // A second one, left for the Remove all button: the list shows it, and then nothing.
    await page.click('button:text-is("Add behaviour")');
    await page.waitForFunction((first) => {
      const rows = Array.from((globalThis as unknown as InPage).document.querySelectorAll('[data-behaviour]'));
      return rows.length === 1 && rows[0]?.getAttribute('data-behaviour') !== first;
    }, items[0]!.id);
    await page.click('button:text-is("Remove all")');
    await page.waitForFunction(() => (globalThis as unknown as InPage).document.querySelectorAll('[data-behaviour]').length === 0);
    const after = await asAdmin<unknown[] | { behaviours: unknown[] }>('/__admin/behaviours');
    assert.equal((Array.isArray(after) ? after : after.behaviours).length, 0);
  });

  it('Requests shows the journal and a new request appears live, with its whole exchange', async (t) => {
    if (!has['journal']) return t.skip('this mock has no request journal (/__admin/requests) yet');
    await open('#/requests');
    await page.waitForSelector('.live-dot.on');
    const marker = `live-${Date.now()}`;
    await mock.request(`/sessions?countPerPage=2&from=${marker}`, { user: 'dev' });
    const row = await page.waitForSelector(`table.data tbody tr:has-text("${marker}")`);
    await row.click();
    await page.waitForSelector('.exchange');
    const text = (await page.textContent('.exchange')) ?? '';
    assert.match(text, /ListSessions/);
    assert.match(text, new RegExp(USERS.dev.userName.replace('.', '\\.')));
    await shot('requests');
  });

  it('Health shows what /__admin/health says', async () => {
    await open('#/health');
    const health = (await mock.json<{ sessions: number; seed: number }>('/__admin/health')).body;
    await page.waitForFunction(() => (globalThis as unknown as InPage).document.querySelectorAll('.stat .value')[1]?.textContent !== '–');
    const values = await page.$$eval('.stat', (els) => Object.fromEntries(els.map((e) => [e.querySelector('.label')?.textContent, e.querySelector('.value')?.textContent])));
    assert.equal(values['Sessions stored'], health.sessions.toLocaleString('en'));
    assert.equal(values['Seed'], String(health.seed));
    assert.equal(values['Status'], 'ok');
    await page.waitForFunction(() => (globalThis as unknown as InPage).document.querySelectorAll('.stat .value')[4]?.textContent !== '–', null, { timeout: 20_000 });
    await shot('health');
  });

  it('the API reference shows every operation and "try it" calls this mock as the chosen dev user', async () => {
    await open('#/reference');
    await page.waitForSelector('.opblock');
    const spec = JSON.parse(await (await mock.request('/__console/openapi')).text()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(spec.paths).flatMap((p) => Object.keys(p).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m)));
    assert.equal(await page.locator('.opblock').count(), operations.length);
    await shot('reference');
    await page.click('.opblock-summary-path[data-path="/sessions/my"]');
    await page.click('button.try-out__btn');
    await page.click('button.execute');
    const status = await page.waitForSelector('.live-responses-table tbody .response-col_status');
    assert.equal((await status.textContent())?.trim(), '200');
    const body = (await page.textContent('.live-responses-table tbody .response-col_description pre')) ?? '';
    assert.match(body, /"sessions"/);
  });

  it('made no request outside 127.0.0.1 and logged no console error', () => {
    const outside = watched.requests.filter((u) => !u.startsWith(`${mock.url}/`) && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
    // Until every admin API is on this mock, the views that call a missing one get (and say) 404.
    const missing = Object.entries(ADMIN_APIS).filter(([name]) => !has[name]).map(([, path]) => `${mock.url}${path}`);
    // A mock whose clock is not driven answers GET /__admin/clock with 409, which the Clock card shows as it says.
    const clockNotDriven = (e: string) => e.includes('status of 409') && e.includes(`(${mock.url}/__admin/clock)`);
    assert.deepEqual(watched.errors.filter((e) => !clockNotDriven(e) && !missing.some((url) => e.includes(`(${url}`))), []);
  });
});

