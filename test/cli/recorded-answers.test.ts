import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { parseScenarioList } from '../../src/seed/scenarios/scenario-request.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { basic, mockPerFile, NOW, type UserName } from '../server/helpers/mock-server.js';
import { spawnServe, type ServeProcess } from './helpers/evo-mock-process.js';

/**
 * The proof that the public API's answers stay byte-identical: fixed request sets against mocks with a
 * fixed seed and --now, and the seeded files themselves, whose status, the headers the mock decides,
 * length and SHA-256 of the exact body bytes were recorded once (`recorded-answers.json`). Refactorings
 * must keep every one identical; a change meant to alter an answer re-records with RECORD_ANSWERS=1 and
 * says in its commit which answers changed and why.
 *
 * Two mocks answer: `evo-mock serve` spawned, so that every layer, defaults included, is under test; and
 * one started in-process with its clock standing at --now, so that what NewSession creates (dated by the
 * clock) is the same bytes every run. Only the id NewSession draws at random is replaced by a placeholder.
 */
const RECORDING = join(import.meta.dirname, 'recorded-answers.json');
const RECORD = process.env['RECORD_ANSWERS'] === '1';

interface Probe {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: number;
  readonly sha256: string;
}

/** Answers by request, grouped by the test that asks them. */
type Section = Record<string, Record<string, Answer>>;

interface Recording {
  /** SHA-256 of each seeded db.json, by the seeding it came from. */
  readonly 'seeded files': Record<string, string>;
  readonly [mock: string]: Section | Record<string, string>;
}

const recording: Recording | undefined = RECORD ? undefined : (JSON.parse(readFileSync(RECORDING, 'utf8')) as Recording);
const recorded: Record<string, Record<string, unknown>> = { 'seeded files': {} };
after(() => {
  if (RECORD) writeFileSync(RECORDING, `${JSON.stringify(recorded, null, 1)}\n`);
});

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function label(probe: Probe): string {
  const headers = Object.entries(probe.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  return [`${probe.method ?? 'GET'} ${probe.path}`, ...headers, ...(probe.body !== undefined ? [probe.body] : [])].join(' | ');
}

/**
 * Asks one probe and keeps its answer. `keptHeaders` are the headers the mock decides (not the transport's
 * Date, Connection, Content-Length); `normalize` rewrites what differs by chance (a drawn id) in the body.
 */
async function ask(url: string, probe: Probe, keptHeaders: readonly string[], normalize?: (text: string) => string): Promise<{ answer: Answer; text: string }> {
  const res = await fetch(url + probe.path, {
    method: probe.method ?? 'GET',
    headers: probe.headers ?? {},
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  const raw = Buffer.from(await res.arrayBuffer());
  const text = raw.toString('utf8');
  const body = normalize ? Buffer.from(normalize(text)) : raw;
  const headers: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { answer: { status: res.status, headers, bytes: body.length, sha256: sha256(body) }, text };
}

/** Records a test's answers, or requires them to equal the recording: the same requests, every answer the same. */
function checkAnswers(mock: string, test: string, answers: Record<string, Answer>): void {
  ((recorded[mock] ??= {}) as Section)[test] = answers;
  if (RECORD) return;
  const expected = (recording![mock] as Section | undefined)?.[test];
  assert.ok(expected, `${mock} / ${test}: not in the recording; run once with RECORD_ANSWERS=1 on a known-good tree`);
  assert.deepEqual(Object.keys(answers), Object.keys(expected), 'the request set changed; re-record on a known-good tree');
  const changed = Object.keys(expected).filter((k) => JSON.stringify(answers[k]) !== JSON.stringify(expected[k]));
  assert.deepEqual(
    changed.map((k) => ({ request: k, now: answers[k], recorded: expected[k] })),
    [],
    `${changed.length} answer(s) changed`,
  );
}

describe('the seeded files are byte-identical for the same seed, count, --now and scenarios', () => {
  const cases: readonly [string, Partial<Parameters<typeof seedStoreFile>[0]>][] = [
    ['seed 7, 400 sessions', { seed: 7, sessions: 400 }],
    ['seed 42, 1000 sessions', { seed: 42, sessions: 1000 }],
    ['seed 7, 200 sessions, every scenario', { seed: 7, sessions: 200, scenarios: parseScenarioList(['hold-transferring,missed-call,ringing-queue,empty-account,huge-list:50']) }],
    ['seed 3, empty', { seed: 3, sessions: 50, scenarios: parseScenarioList(['empty,hold-transferring']) }],
  ];
  for (const [name, options] of cases) {
    it(name, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'evo-mock-recorded-'));
      try {
        const file = join(dir, 'db.json');
        await seedStoreFile({ file, fixtures: await loadFixtures(), now: NOW, seed: 1, sessions: 1000, ...options });
        const digest = sha256(await readFile(file));
        recorded['seeded files']![name] = digest;
        if (!RECORD) assert.equal(digest, recording!['seeded files'][name], `${name}: the seeded file differs from the recorded one`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('evo-mock serve --seed 3 --sessions 300 --now 2026-11-20T12:00:00Z answers byte-identically to the recording', () => {
  const MOCK = 'serve --seed 3 --sessions 300 --now 2026-11-20T12:00:00Z';
  const KEPT_HEADERS = ['content-type', 'x-powered-by', 'www-authenticate', 'location', 'allow'];
  const DEV = basic('dev');
  const GUEST = basic('guest');
  const ADMIN = basic('admin');
  const ACME = 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d';
  const UNKNOWN_ID = 'ffffffffffffffffffffffffffffffff';

  /** Every way a format is chosen, for one GET path (query string or not). */
  function inEveryFormat(path: string, headers: Readonly<Record<string, string>> = DEV): Probe[] {
    const [route, query] = path.split('?') as [string, string | undefined];
    const q = (extra: string) => `${route}?${query ? `${query}&` : ''}${extra}`;
    const withQuery = (suffix: string) => `${route}${suffix}${query ? `?${query}` : ''}`;
    return [
      { path, headers },
      { path: q('format=json'), headers },
      { path: q('format=xml'), headers },
      { path: q('format=jsv'), headers },
      { path: q('callback=cb'), headers },
      { path: withQuery('.xml'), headers },
      { path: withQuery('.jsv'), headers },
      { path: withQuery('.json'), headers },
      { path, headers: { ...headers, Accept: 'application/xml' } },
      { path, headers: { ...headers, Accept: 'text/jsv' } },
      { path, headers: { ...headers, Accept: 'application/jsv, application/json;q=0.5' } },
      { path, headers: { ...headers, Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } },
    ];
  }

  function probes(someId: string, otherId: string): Probe[] {
    const json = { ...DEV, 'Content-Type': 'application/json' };
    return [
      ...inEveryFormat('/sessions?countPerPage=5'),
      ...inEveryFormat(`/sessions?accountIds=${ACME}&countPerPage=3&page=2&sortField=displayName&sortOrder=Ascending`),
      ...inEveryFormat('/sessions?searchArchive=true&countPerPage=2&simplifiedPaging=true'),
      ...inEveryFormat(`/sessions?specificIds=${someId},${otherId}&log=true`),
      ...inEveryFormat('/sessions?startDate=2026-11-10&endDate=2026-11-12&countPerPage=4'),
      ...inEveryFormat(`/sessions/${someId}`),
      ...inEveryFormat('/sessions/my'),
      ...inEveryFormat('/sessions/active'),
      ...inEveryFormat('/sessions?countPerPage=abc'),
      ...inEveryFormat('/sessions?sortField=nope&startDate=2026-02-30'),
      ...inEveryFormat(`/sessions/${UNKNOWN_ID}`),
      ...inEveryFormat('/sessions', {}),
      ...inEveryFormat('/sessions/my', GUEST),
      ...inEveryFormat('/sessions?all=true&countPerPage=3', ADMIN),
      { path: `/sessions/${someId}?quirks=1`, headers: ADMIN },
      { path: '/json/reply/ListSessions?countPerPage=2', headers: DEV },
      { path: `/xml/reply/GetSession?sessionId=${someId}`, headers: DEV },
      { path: '/jsv/reply/GetMySessions', headers: DEV },
      { path: '/json/reply/GetActiveSessions', headers: DEV },
      { path: '/xml/reply/NoSuchRequest', headers: DEV },
      { path: '/json/reply/ListSessions?countPerPage=x', headers: DEV },
      { path: '/api/json/reply/ListSessions?countPerPage=1', headers: DEV },
      { path: '/nowhere', headers: DEV },
      { path: '/nowhere.xml', headers: DEV },
      { method: 'DELETE', path: '/sessions', headers: DEV },
      { method: 'POST', path: '/sessions', headers: json, body: '{"displayName":' },
      { method: 'POST', path: '/sessions', headers: json, body: '{"parentSessionId":"ffffffffffffffffffffffffffffffff","withAddress":"team:nobody"}' },
      { method: 'POST', path: '/sessions', headers: json, body: '{"unknownMember":1,"memberEmailAddresses":"not-a-list"}' },
      { method: 'POST', path: '/sessions?format=xml', headers: { ...DEV, 'Content-Type': 'application/xml' }, body: '<NewSession><Nope>' },
      { method: 'POST', path: '/sessions.jsv', headers: { ...DEV, 'Content-Type': 'application/jsv' }, body: '{customerId:nobody}' },
      { method: 'POST', path: '/sessions', headers: { ...DEV, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'customerId=nobody' },
      { method: 'POST', path: '/sessions', headers: { 'Content-Type': 'application/json' }, body: '{}' },
      { method: 'OPTIONS', path: '/sessions', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } },
      { method: 'POST', path: '/auth/credentials', headers: { 'Content-Type': 'application/json' }, body: '{"userName":"dev@example.com","password":"wrong"}' },
      { path: '/auth/status' },
      // (/__admin/health is not here: it reports uptime and a request count; test/server/http/http.test.ts checks it.)
      { path: '/__admin/scenarios' },
      { method: 'POST', path: '/__admin/scenarios/no-such-scenario' },
      { method: 'POST', path: '/__admin/sessions', headers: { 'Content-Type': 'application/json' }, body: '{"id":"x"}' },
    ];
  }

  let dir: string;
  let mock: ServeProcess;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-mock-recorded-'));
    mock = await spawnServe(['--db', join(dir, 'db.json'), '--seed', '3', '--sessions', '300', '--now', '2026-11-20T12:00:00Z']);
  });
  after(async () => {
    await mock.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const TEST = 'every answer of the fixed request set is byte-identical to the recording';
  it(TEST, async () => {
    // Two ids from the seed, found through the API itself so the request set does not depend on the file layout.
    const list = (await (await fetch(`${mock.url}/sessions?countPerPage=2&sortField=id`, { headers: DEV })).json()) as { items: { id: string }[] };
    const [someId, otherId] = list.items.map((s) => s.id) as [string, string];
    const answers: Record<string, Answer> = {};
    for (const probe of probes(someId, otherId)) answers[label(probe)] = (await ask(mock.url, probe, KEPT_HEADERS)).answer;
    checkAnswers(MOCK, TEST, answers);
  });
});

describe('a mock started in-process (seed 7, 400 sessions, clock standing at --now) answers byte-identically to the recording', () => {
  const MOCK = 'in-process, seed 7, 400 sessions, clock standing at 2026-11-20T12:00:00Z';
  // This set was recorded with Content-Type alone; re-recording it may keep the serve set's headers too.
  const KEPT_HEADERS = ['content-type'];
  const FORMATS: readonly [string, Record<string, string>][] = [
    ['json', {}],
    ['xml', { Accept: 'application/xml' }],
    ['jsv', { Accept: 'text/jsv' }],
  ];
  const as = (user: UserName | undefined, headers: Record<string, string>, more: Omit<Probe, 'path' | 'headers'> = {}) => ({ ...more, headers: { ...(user ? basic(user) : {}), ...headers } });

  const { mock } = mockPerFile({ sessions: 400, seed: 7 });

  /** Ids the seed gives (fixed by seed 7 and NOW), picked by rule rather than typed in. */
  function picks() {
    const dev = new Set(mock.fixtures.users.find((u) => u.userName === 'dev@example.com')!.accountIds);
    const cutoff = new Date(NOW.getTime() - 15 * 86_400_000).toISOString();
    const mine = mock.seeded.filter((e) => dev.has(e.session.accountId!));
    const live = mine.filter((e) => e.session.dateCreated! >= cutoff);
    const withLog = live.find((e) => (e.session.log ?? []).length > 2)!;
    const archived = mine.find((e) => e.session.dateCreated! < cutoff)!;
    const child = mine.find((e) => e.parentSessionId !== undefined);
    const customer = live.find((e) => e.session.customerId)!.session.customerId!;
    const endpoint = live.find((e) => e.session.endpointId)!.session.endpointId!;
    return { first: live[live.length - 1]!.session.id!, withLog: withLog.session.id!, archived: archived.session.id!, child, customer, endpoint, ids: live.slice(0, 3).map((e) => e.session.id!) };
  }

  /** Asks the probes in order and checks their answers as one test's set. */
  async function checkAll(test: string, probes: readonly Probe[]): Promise<void> {
    const answers: Record<string, Answer> = {};
    for (const probe of probes) answers[label(probe)] = (await ask(mock.url, probe, KEPT_HEADERS)).answer;
    checkAnswers(MOCK, test, answers);
  }

  const listsTest = 'lists, in every format and filter';
  it(listsTest, async () => {
    const p = picks();
    const probes: Probe[] = [];
    for (const [, headers] of FORMATS) {
      probes.push(
        { path: '/sessions', ...as('dev', headers) },
        { path: '/sessions?all=true', ...as('admin', headers) },
        { path: '/sessions?searchArchive=true&countPerPage=50', ...as('dev', headers) },
        { path: '/sessions?sortField=displayName&sortOrder=Descend&page=1&countPerPage=10', ...as('dev', headers) },
        { path: `/sessions?customerIds=${p.customer}`, ...as('dev', headers) },
        { path: `/sessions?endpointIds=${p.endpoint}&log=a`, ...as('dev', headers) },
        { path: `/sessions?specificIds=${p.ids.join(',')}&simplifiedPaging=true`, ...as('dev', headers) },
        { path: '/sessions?startDate=2026-11-10&endDate=2026-11-18&sortField=callState', ...as('other', headers) },
      );
    }
    if (p.child) probes.push({ path: `/sessions?parentSessionId=${p.child.parentSessionId}`, ...as('admin', {}) });
    probes.push(
      { path: '/sessions?format=jsv&countPerPage=7', ...as('dev', {}) },
      { path: '/sessions.xml?countPerPage=7', ...as('dev', {}) },
      { path: '/sessions?callback=cb&countPerPage=3', ...as('dev', {}) },
    );
    await checkAll(listsTest, probes);
  });

  const readsTest = 'reads one session, the live and the mine lists, in every format';
  it(readsTest, async () => {
    const p = picks();
    const probes = FORMATS.flatMap(([, headers]) => [
      { path: `/sessions/${p.first}`, ...as('dev', headers) },
      { path: `/sessions/${p.withLog}`, ...as('dev', headers) },
      { path: `/sessions/${p.archived}`, ...as('dev', headers) },
      { path: '/sessions/active', ...as('dev', headers) },
      { path: '/sessions/active', ...as('admin', headers) },
      { path: '/sessions/my', ...as('dev', headers) },
    ]);
    await checkAll(readsTest, probes);
  });

  const predefinedTest = 'answers the predefined routes';
  it(predefinedTest, async () => {
    const p = picks();
    await checkAll(predefinedTest, [
      { path: '/json/reply/ListSessions?countPerPage=5', ...as('dev', {}) },
      { path: `/xml/reply/GetSession?sessionId=${p.withLog}`, ...as('dev', {}) },
      { path: '/jsv/reply/GetActiveSessions', ...as('dev', {}) },
      { path: `/api/ListSessions?specificIds=${p.ids.join(',')}`, ...as('dev', {}) },
    ]);
  });

  const errorsTest = 'answers errors in every format';
  it(errorsTest, async () => {
    const probes = FORMATS.flatMap(([, headers]) => [
      { path: '/sessions/no-such-session', ...as('dev', headers) },
      { path: '/sessions?sortField=nope', ...as('dev', headers) },
      { path: '/sessions?page=x', ...as('dev', headers) },
      { path: '/sessions', ...as(undefined, headers) },
      { path: '/sessions/my', ...as('guest', headers) },
      { path: '/sessions', ...as('dev', headers, { method: 'DELETE' }) },
      { path: '/sessions', ...as('dev', { ...headers, 'Content-Type': 'application/json' }, { method: 'POST', body: '{"callState":"Nope"}' }) },
    ]);
    await checkAll(errorsTest, probes);
  });

  const createsTest = 'creates a session and answers it back (the drawn id aside)';
  it(createsTest, async () => {
    // Every 32-digit hex the seeded file or the fixtures hold is kept; any other is an id NewSession drew.
    const known = new Set(`${JSON.stringify(mock.data)}${JSON.stringify(mock.fixtures)}`.match(/[0-9a-f]{32}/g));
    const hide = (text: string) => text.replace(/[0-9a-f]{32}/g, (m) => (known.has(m) ? m : '<new-id>'));
    const answers: Record<string, Answer> = {};
    const check = async (probe: Probe) => {
      const { answer, text } = await ask(mock.url, probe, KEPT_HEADERS, hide);
      answers[hide(label(probe))] = answer;
      return text;
    };
    const ids: string[] = [];
    for (const [format, headers] of FORMATS) {
      const body = JSON.stringify({ displayName: `Golden ${format}`, toAddress: '+15555550123', callState: 'Ringing' });
      const text = await check({ path: '/sessions', ...as('dev', { ...headers, 'Content-Type': 'application/json' }, { method: 'POST', body }) });
      const id = text.match(/[0-9a-f]{32}/g)?.find((m) => !known.has(m)) ?? '';
      assert.match(id, /^[0-9a-f]{32}$/);
      ids.push(id);
      await check({ path: `/sessions/${id}`, ...as('dev', headers) });
      await check({ path: `/sessions?specificIds=${id}`, ...as('dev', headers) });
    }
    // The three share dateCreated (the clock stands still), so the order is asked for by name.
    await check({ path: `/sessions?specificIds=${ids.join(',')}&sortField=displayName`, ...as('dev', {}) });
    checkAnswers(MOCK, createsTest, answers);
  });
});
