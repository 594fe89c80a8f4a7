import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { parseScenarioList } from '../../src/seed/scenarios/scenario-request.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { NOW, startMock, type MockServer, type UserName } from './helpers/mock-server.js';

/**
 * The public API's answers, byte for byte, for a fixed seed, --now and request set, recorded before
 * the store became mutable (issue 8) so every later change can prove it changed none of them.
 * Each answer is kept as status, Content-Type, length and SHA-256 of the body: the whole bodies
 * would be megabytes, and any difference in a byte shows in the digest. Only the id NewSession draws
 * at random is replaced by a placeholder before hashing.
 *
 * To record again after a deliberate change of an answer: GOLDEN_UPDATE=1 node --import tsx --test
 * test/server/golden-answers.test.ts, and say in the commit which answers changed and why.
 */
const GOLDEN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden-answers.json');
const UPDATE = process.env['GOLDEN_UPDATE'] === '1';

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly bytes: number;
  readonly sha256: string;
}

interface Golden {
  readonly files: Record<string, string>;
  readonly answers: Record<string, Answer>;
}

interface Ask {
  readonly user?: UserName;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let mock: MockServer;
let golden: Golden;
const recorded: Golden = { files: {}, answers: {} };

before(async () => {
  mock = await startMock({ sessions: 400, seed: 7 });
  golden = UPDATE ? { files: {}, answers: {} } : (JSON.parse(await readFile(GOLDEN_FILE, 'utf8')) as Golden);
});
after(async () => {
  await mock.stop();
  if (UPDATE) await writeFile(GOLDEN_FILE, `${JSON.stringify(recorded, null, 1)}\n`);
});

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

async function check(name: string, url: string, ask: Ask = {}, normalize?: (text: string) => string): Promise<string> {
  const { user, headers, ...init } = ask;
  const res = await mock.request(url, { ...init, ...(user ? { user } : {}), ...(headers ? { headers } : {}) });
  const raw = await res.text();
  const text = normalize ? normalize(raw) : raw;
  const answer: Answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', bytes: Buffer.byteLength(text), sha256: sha256(text) };
  (recorded.answers as Record<string, Answer>)[name] = answer;
  if (!UPDATE) assert.deepEqual(answer, golden.answers[name], `${name}: ${ask.method ?? 'GET'} ${url} answers differently from the recorded golden answer`);
  return raw;
}

const FORMATS: readonly [string, Record<string, string>][] = [
  ['json', {}],
  ['xml', { Accept: 'application/xml' }],
  ['jsv', { Accept: 'text/jsv' }],
];

describe('the seeded files are byte-identical for the same seed, count, --now and scenarios', () => {
  const cases: readonly [string, Parameters<typeof seedStoreFile>[0] extends infer O ? Partial<O> : never][] = [
    ['seed 7, 400 sessions', { seed: 7, sessions: 400 }],
    ['seed 42, 1000 sessions', { seed: 42, sessions: 1000 }],
    ['seed 7, 200 sessions, every scenario', { seed: 7, sessions: 200, scenarios: parseScenarioList(['hold-transferring,missed-call,ringing-queue,empty-account,huge-list:50']) }],
    ['seed 3, empty', { seed: 3, sessions: 50, scenarios: parseScenarioList(['empty,hold-transferring']) }],
  ];
  for (const [name, options] of cases) {
    it(name, async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'evo-mock-golden-'));
      try {
        const file = path.join(dir, 'db.json');
        await seedStoreFile({ file, fixtures: await loadFixtures(), now: NOW, seed: 1, sessions: 1000, ...options });
        const digest = sha256(await readFile(file));
        (recorded.files as Record<string, string>)[name] = digest;
        if (!UPDATE) assert.equal(digest, golden.files[name], `${name}: the seeded file differs from the recorded one`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('the public API answers byte-identically to the recorded set', () => {
  it('lists, in every format and filter', async () => {
    const p = picks();
    for (const [format, headers] of FORMATS) {
      await check(`list default ${format}`, '/sessions', { user: 'dev', headers });
      await check(`list all admin ${format}`, '/sessions?all=true', { user: 'admin', headers });
      await check(`list archive ${format}`, '/sessions?searchArchive=true&countPerPage=50', { user: 'dev', headers });
      await check(`list sorted ${format}`, '/sessions?sortField=displayName&sortOrder=Descend&page=1&countPerPage=10', { user: 'dev', headers });
      await check(`list customer ${format}`, `/sessions?customerIds=${p.customer}`, { user: 'dev', headers });
      await check(`list endpoint+log ${format}`, `/sessions?endpointIds=${p.endpoint}&log=a`, { user: 'dev', headers });
      await check(`list specific ${format}`, `/sessions?specificIds=${p.ids.join(',')}&simplifiedPaging=true`, { user: 'dev', headers });
      await check(`list dates ${format}`, '/sessions?startDate=2026-11-10&endDate=2026-11-18&sortField=callState', { user: 'other', headers });
    }
    if (p.child) await check('list children json', `/sessions?parentSessionId=${p.child.parentSessionId}`, { user: 'admin' });
    await check('list ?format=jsv', '/sessions?format=jsv&countPerPage=7', { user: 'dev' });
    await check('list .xml suffix', '/sessions.xml?countPerPage=7', { user: 'dev' });
    await check('list jsonp', '/sessions?callback=cb&countPerPage=3', { user: 'dev' });
  });

  it('reads one session, the live and the mine lists, in every format', async () => {
    const p = picks();
    for (const [format, headers] of FORMATS) {
      await check(`get first ${format}`, `/sessions/${p.first}`, { user: 'dev', headers });
      await check(`get with log ${format}`, `/sessions/${p.withLog}`, { user: 'dev', headers });
      await check(`get archived ${format}`, `/sessions/${p.archived}`, { user: 'dev', headers });
      await check(`active ${format}`, '/sessions/active', { user: 'dev', headers });
      await check(`active admin ${format}`, '/sessions/active', { user: 'admin', headers });
      await check(`mine ${format}`, '/sessions/my', { user: 'dev', headers });
    }
  });

  it('answers the predefined routes', async () => {
    const p = picks();
    await check('predefined json ListSessions', '/json/reply/ListSessions?countPerPage=5', { user: 'dev' });
    await check('predefined xml GetSession', `/xml/reply/GetSession?sessionId=${p.withLog}`, { user: 'dev' });
    await check('predefined jsv GetActiveSessions', '/jsv/reply/GetActiveSessions', { user: 'dev' });
    await check('predefined api ListSessions', `/api/ListSessions?specificIds=${p.ids.join(',')}`, { user: 'dev' });
  });

  it('answers errors in every format', async () => {
    for (const [format, headers] of FORMATS) {
      await check(`404 ${format}`, '/sessions/no-such-session', { user: 'dev', headers });
      await check(`400 sortField ${format}`, '/sessions?sortField=nope', { user: 'dev', headers });
      await check(`400 page ${format}`, '/sessions?page=x', { user: 'dev', headers });
      await check(`401 ${format}`, '/sessions', { headers });
      await check(`403 ${format}`, '/sessions/my', { user: 'guest', headers });
      await check(`405 ${format}`, '/sessions', { user: 'dev', method: 'DELETE', headers });
      await check(`400 new session ${format}`, '/sessions', { user: 'dev', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: '{"callState":"Nope"}' });
    }
  });

  it('creates a session and answers it back (the drawn id aside)', async () => {
    // Every 32-digit hex the seeded file or the fixtures hold is kept; any other is an id NewSession drew.
    const known = new Set(`${JSON.stringify(mock.data)}${JSON.stringify(mock.fixtures)}`.match(/[0-9a-f]{32}/g));
    const hide = (text: string) => text.replace(/[0-9a-f]{32}/g, (m) => (known.has(m) ? m : '<new-id>'));
    const ids: string[] = [];
    for (const [format, headers] of FORMATS) {
      const body = JSON.stringify({ displayName: `Golden ${format}`, toAddress: '+15555550123', callState: 'Ringing' });
      const raw = await check(`new session ${format}`, '/sessions', { user: 'dev', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body }, hide);
      const id = raw.match(/[0-9a-f]{32}/g)?.find((m) => !known.has(m)) ?? '';
      assert.match(id, /^[0-9a-f]{32}$/);
      ids.push(id);
      await check(`new session read back ${format}`, `/sessions/${id}`, { user: 'dev', headers }, hide);
      await check(`new session listed ${format}`, `/sessions?specificIds=${id}`, { user: 'dev', headers }, hide);
    }
    // The three share dateCreated (the clock stands still), so the order is asked for by name.
    await check('list of the created', `/sessions?specificIds=${ids.join(',')}&sortField=displayName`, { user: 'dev' }, hide);
  });
});
