import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { spawnServe, type ServeProcess } from '../server/helpers/serve-process.js';

/**
 * A fixed set of requests against `evo-mock serve` with a fixed seed and --now, whose answers (status,
 * the headers the mock decides, and the body, byte for byte) were recorded once. Refactorings must keep
 * every one identical; a change meant to alter an answer re-records with RECORD_ANSWERS=1 and says
 * why in its commit. The CLI is spawned so that every layer, defaults included, is under test.
 */
const RECORDING = join(import.meta.dirname, 'recorded-answers.json');
const RECORD = process.env['RECORD_ANSWERS'] === '1';

const DEV = `Basic ${Buffer.from('dev@example.com:dev').toString('base64')}`;
const GUEST = `Basic ${Buffer.from('guest@example.com:guest').toString('base64')}`;
const ADMIN = `Basic ${Buffer.from('admin@example.com:admin').toString('base64')}`;
const ACME = 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d';
const UNKNOWN_ID = 'ffffffffffffffffffffffffffffffff';

interface Probe {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Headers the mock chooses (not the transport's Date, Connection, Content-Length). */
const KEPT_HEADERS = ['content-type', 'x-powered-by', 'www-authenticate', 'location', 'allow'];

/** Every way a format is chosen, for one GET path (query string or not). */
function inEveryFormat(path: string, headers: Readonly<Record<string, string>> = { Authorization: DEV }): Probe[] {
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
  const json = { Authorization: DEV, 'Content-Type': 'application/json' };
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
    ...inEveryFormat('/sessions/my', { Authorization: GUEST }),
    ...inEveryFormat('/sessions?all=true&countPerPage=3', { Authorization: ADMIN }),
    { path: `/sessions/${someId}?quirks=1`, headers: { Authorization: ADMIN } },
    { path: '/json/reply/ListSessions?countPerPage=2', headers: { Authorization: DEV } },
    { path: `/xml/reply/GetSession?sessionId=${someId}`, headers: { Authorization: DEV } },
    { path: '/jsv/reply/GetMySessions', headers: { Authorization: DEV } },
    { path: '/json/reply/GetActiveSessions', headers: { Authorization: DEV } },
    { path: '/xml/reply/NoSuchRequest', headers: { Authorization: DEV } },
    { path: '/json/reply/ListSessions?countPerPage=x', headers: { Authorization: DEV } },
    { path: '/api/json/reply/ListSessions?countPerPage=1', headers: { Authorization: DEV } },
    { path: '/nowhere', headers: { Authorization: DEV } },
    { path: '/nowhere.xml', headers: { Authorization: DEV } },
    { method: 'DELETE', path: '/sessions', headers: { Authorization: DEV } },
    { method: 'POST', path: '/sessions', headers: json, body: '{"displayName":' },
    { method: 'POST', path: '/sessions', headers: json, body: '{"parentSessionId":"ffffffffffffffffffffffffffffffff","withAddress":"team:nobody"}' },
    { method: 'POST', path: '/sessions', headers: json, body: '{"unknownMember":1,"memberEmailAddresses":"not-a-list"}' },
    { method: 'POST', path: '/sessions?format=xml', headers: { Authorization: DEV, 'Content-Type': 'application/xml' }, body: '<NewSession><Nope>' },
    { method: 'POST', path: '/sessions.jsv', headers: { Authorization: DEV, 'Content-Type': 'application/jsv' }, body: '{customerId:nobody}' },
    { method: 'POST', path: '/sessions', headers: { Authorization: DEV, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'customerId=nobody' },
    { method: 'POST', path: '/sessions', headers: { 'Content-Type': 'application/json' }, body: '{}' },
    { method: 'OPTIONS', path: '/sessions', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } },
    { method: 'POST', path: '/auth/credentials', headers: { 'Content-Type': 'application/json' }, body: '{"userName":"dev@example.com","password":"wrong"}' },
    { path: '/auth/status' },
    { path: '/__admin/health' },
    { path: '/__admin/scenarios' },
    { method: 'POST', path: '/__admin/scenarios/no-such-scenario' },
    { method: 'POST', path: '/__admin/sessions', headers: { 'Content-Type': 'application/json' }, body: '{"id":"x"}' },
  ];
}

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: number;
  readonly sha256: string;
}

let dir: string;
let mock: ServeProcess;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-recorded-'));
  mock = await spawnServe(['--db', join(dir, 'db.json'), '--seed', '3', '--sessions', '300', '--now', '2026-11-20T12:00:00Z']);
});
after(async () => {
  mock.child.kill('SIGTERM');
  await mock.exited;
  await rm(dir, { recursive: true, force: true });
});

async function answer(probe: Probe): Promise<Answer> {
  const res = await fetch(mock.url + probe.path, {
    method: probe.method ?? 'GET',
    headers: probe.headers ?? {},
    ...(probe.body !== undefined ? { body: probe.body } : {}),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: res.status, headers, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') };
}

function label(probe: Probe): string {
  const headers = Object.entries(probe.headers ?? {}).map(([k, v]) => `${k}: ${v}`);
  return [`${probe.method ?? 'GET'} ${probe.path}`, ...headers, ...(probe.body !== undefined ? [probe.body] : [])].join(' | ');
}

describe('recorded answers (seed 3, 300 sessions, --now 2026-11-20T12:00:00Z)', () => {
  it('every answer of the fixed request set is byte-identical to the recording', async () => {
    // Two ids from the seed, found through the API itself so the request set does not depend on the file layout.
    const list = (await (await fetch(`${mock.url}/sessions?countPerPage=2&sortField=id`, { headers: { Authorization: DEV } })).json()) as { items: { id: string }[] };
    const [someId, otherId] = list.items.map((s) => s.id) as [string, string];
    const answers: Record<string, Answer> = {};
    for (const probe of probes(someId, otherId)) answers[label(probe)] = await answer(probe);
    if (RECORD) {
      writeFileSync(RECORDING, `${JSON.stringify(answers, null, 1)}\n`);
      return;
    }
    assert.ok(existsSync(RECORDING), 'no recording: run once with RECORD_ANSWERS=1 on a known-good tree');
    const recorded = JSON.parse(readFileSync(RECORDING, 'utf8')) as Record<string, Answer>;
    assert.deepEqual(Object.keys(answers), Object.keys(recorded), 'the request set changed; re-record on a known-good tree');
    const changed = Object.keys(recorded).filter((k) => JSON.stringify(answers[k]) !== JSON.stringify(recorded[k]));
    assert.deepEqual(
      changed.map((k) => ({ request: k, now: answers[k], recorded: recorded[k] })),
      [],
      `${changed.length} answer(s) changed`,
    );
  });
});
