import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { buildSeedData } from '../../src/seed/seed-data.js';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { archiveCutoff } from '../../src/store/list-sessions.js';
import type { StoredSession } from '../../src/store/session-store.js';
import { tempDir } from '../store/helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const fixtures = await loadFixtures();
const data = buildSeedData(fixtures, { seed: 42, sessions: 2000, now: NOW, nowFixed: true });
const sessions = data.sessions.map((e) => e.session);
const byId = new Map(data.sessions.map((e) => [e.session.id, e]));
const customers = new Map(data.customers.map((c) => [c.id, c]));
const ended = sessions.filter((s) => s.ended);
const live = sessions.filter((s) => !s.ended);

const HEX32 = /^[0-9a-f]{32}$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function every(list: readonly SessionInfo[], what: string, ok: (s: SessionInfo) => boolean): void {
  const bad = list.filter((s) => !ok(s));
  assert.equal(bad.length, 0, `${bad.length} sessions break "${what}", e.g. ${JSON.stringify(bad[0])}`);
}

describe('the seed is deterministic', () => {
  it('writes byte-identical files for the same seed, count and now', async (t) => {
    const dir = await tempDir(t);
    const files = ['a.json', 'b.json'].map((f) => path.join(dir, f));
    for (const file of files) await seedStoreFile({ file, fixtures, seed: 5, sessions: 300, now: NOW });
    const [a, b] = await Promise.all(files.map((f) => readFile(f)));
    assert.ok(a!.equals(b!), 'the two files differ');
  });

  it('differs for another seed or another now', () => {
    const base = JSON.stringify(buildSeedData(fixtures, { seed: 5, sessions: 50, now: NOW, nowFixed: true }).sessions);
    assert.notEqual(JSON.stringify(buildSeedData(fixtures, { seed: 6, sessions: 50, now: NOW, nowFixed: true }).sessions), base);
    assert.notEqual(JSON.stringify(buildSeedData(fixtures, { seed: 5, sessions: 50, now: new Date('2026-11-21T12:00:00.000Z'), nowFixed: true }).sessions), base);
  });

  it('gives exactly the count asked for, including 0 and 1', () => {
    for (const n of [0, 1, 7, 2000]) assert.equal(buildSeedData(fixtures, { seed: 1, sessions: n, now: NOW, nowFixed: true }).sessions.length, n);
    assert.equal(sessions.length, 2000);
  });
});

describe('seeded data hangs together', () => {
  it('has unique Guid ids and ISO 8601 dates to the millisecond', () => {
    assert.equal(new Set(sessions.map((s) => s.id)).size, sessions.length);
    every(sessions, 'id is 32 hex digits', (s) => HEX32.test(s.id!));
    every(sessions, 'dates are ISO 8601 UTC with milliseconds', (s) =>
      [s.dateCreated, s.dateLastModified, s.dateCompleted, ...(s.log ?? []).map((l) => l.date)].every((d) => d === undefined || ISO.test(d)),
    );
  });

  it('spreads ended sessions over the last 60 days, on both sides of the archive boundary', () => {
    const cutoff = archiveCutoff(NOW);
    const oldest = new Date(NOW.getTime() - 61 * 86_400_000).toISOString();
    every(sessions, 'created within 60 days, not in the future', (s) => s.dateCreated! > oldest && s.dateCreated! <= NOW.toISOString());
    const archived = ended.filter((s) => s.dateCreated! < cutoff).length;
    assert.ok(archived > ended.length * 0.6 && archived < ended.length * 0.85, `${archived} of ${ended.length} archived`);
  });

  it('ends ended sessions: Disconnected, dateCompleted after dateCreated, an outcome', () => {
    every(ended, 'ended => Disconnected', (s) => s.callState === 'Disconnected');
    every(ended, 'ended => dateCompleted > dateCreated', (s) => s.dateCompleted !== undefined && s.dateCompleted > s.dateCreated!);
    every(ended, 'ended => outcome', (s) => typeof s.outcome === 'string' && s.outcome.length > 0);
    every(ended, 'ended => no ring queue, no hold', (s) => s.ringQueueId === undefined && s.heldByUserId === undefined);
    every(ended, 'members have hung up', (s) => (s.members ?? []).every((m) => m.callState === 'None'));
    const missed = ended.filter((s) => s.wasMissed);
    assert.ok(missed.length > ended.length * 0.03, `only ${missed.length} missed`);
    every(missed, 'missed => not answered', (s) => s.answeredById === undefined && ['Voicemail', 'Abandoned'].includes(s.outcome!));
  });

  it('keeps a few percent live and recent, in every live state', () => {
    assert.ok(live.length >= 0.03 * sessions.length && live.length <= 0.1 * sessions.length, `${live.length} live`);
    const hourAgo = new Date(NOW.getTime() - 3_600_000).toISOString();
    every(live, 'live => recent, not completed', (s) => s.dateCreated! > hourAgo && s.dateCompleted === undefined);
    const states = new Set(live.map((s) => `${s.callState}/${s.queueState}`));
    for (const st of ['Ringing/Ringing', 'Connected/Queued', 'Connected/Connected', 'Hold/Hold']) assert.ok(states.has(st), `no live ${st} session`);
  });

  it('gives ringing and queued sessions a ring queue', () => {
    const queued = live.filter((s) => s.queueState === 'Queued' || s.queueState === 'Ringing');
    every(queued, 'ringQueueId', (s) => HEX32.test(s.ringQueueId ?? ''));
    every(queued.filter((s) => s.queueState === 'Ringing'), 'ringing agents', (s) => (s.members ?? []).some((m) => m.role === 'Agent' && m.callState === 'Ringing'));
    every(live.filter((s) => s.ringQueueId), 'ring queue only while ringing or queued', (s) => s.queueState === 'Queued' || s.queueState === 'Ringing');
  });

  it('gives held sessions a hold queue, who held them and why; a transfer in progress has its ringing leg', () => {
    const held = live.filter((s) => s.callState === 'Hold');
    every(held, 'held => holdQueueName, heldByUserId', (s) => !!s.holdQueueName && HEX32.test(s.heldByUserId ?? ''));
    every(held, 'the caller is on hold, the agent who held it is connected', (s) =>
      s.members!.some((m) => m.role === 'Caller' && m.callState === 'Hold') && s.members!.some((m) => m.role === 'Agent' && m.identity === s.heldByUserId && m.callState === 'Connected'),
    );
    const transferring = held.filter((s) => s.holdReason === 'Transferring');
    assert.ok(transferring.length > 0, 'no session on hold while transferring');
    for (const s of transferring) {
      const legs = data.sessions.filter((e) => e.parentSessionId === s.id);
      assert.equal(legs.length, 1);
      assert.equal(legs[0]!.session.callState, 'Ringing');
      assert.ok(s.members!.some((m) => m.role === 'Transfer' && m.callState === 'Ringing'));
    }
    every(live.filter((s) => s.callState !== 'Hold'), 'not held => no hold fields', (s) => s.holdReason === 'None' && s.heldByUserId === undefined);
  });

  it('has members with the roles Caller, Agent and Transfer, some with application data and avatars', () => {
    const members = sessions.flatMap((s) => s.members ?? []);
    for (const role of ['Caller', 'Agent', 'Transfer'] as const) assert.ok(members.some((m) => m.role === role), `no ${role}`);
    assert.ok(members.some((m) => Object.keys(m.applicationData ?? {}).length > 0));
    assert.ok(members.some((m) => m.avatarUrl?.startsWith('http://127.0.0.1:4010/__avatars/')));
    assert.ok(members.every((m) => m.avatarUrl === undefined || m.avatarUrl.startsWith('http://127.0.0.1:4010/__avatars/')), 'every picture is served by the mock itself');
    every(sessions, 'one original member or more', (s) => (s.members ?? []).some((m) => m.isOriginalMember));
    every(sessions, 'callers are E.164 numbers', (s) => (s.members ?? []).filter((m) => m.role === 'Caller').every((m) => E164.test(m.identity ?? '')));
  });

  it('uses Twilio-style SIDs and E.164 numbers', () => {
    const voice = sessions.filter((s) => s.channel === 'Voice');
    every(voice, 'callSid CA + 32 hex', (s) => /^CA[0-9a-f]{32}$/.test(s.callSid ?? ''));
    every(sessions.filter((s) => s.conferenceSid), 'conferenceSid CF + 32 hex', (s) => /^CF[0-9a-f]{32}$/.test(s.conferenceSid!));
    every(sessions, 'member callSids', (s) => (s.members ?? []).every((m) => /^CA[0-9a-f]{32}$/.test(m.callSid ?? '')));
    every(sessions, 'mostRecentParticipantCallSid is a member\'s', (s) => (s.members ?? []).some((m) => m.callSid === s.mostRecentParticipantCallSid));
    const incoming = sessions.filter((s) => s.direction === 'Incoming');
    every(incoming, 'incoming: from and to are E.164', (s) => E164.test(s.fromAddress ?? '') && E164.test(s.toAddress ?? ''));
    const outgoing = sessions.filter((s) => s.direction === 'Outgoing' && !data.sessions.find((e) => e.session === s)?.parentSessionId);
    every(outgoing, 'outgoing: to E.164, caller id E.164, from the agent\'s email', (s) => E164.test(s.toAddress ?? '') && E164.test(s.fromPhoneNumber ?? '') && (s.fromAddress ?? '').includes('@'));
  });

  it('tells each story in time order, within the session\'s lifetime', () => {
    every(sessions, 'a log of two or more entries', (s) => (s.log ?? []).length >= 2);
    every(sessions, 'log in time order', (s) => s.log!.every((l, i) => i === 0 || l.date! >= s.log![i - 1]!.date!));
    every(sessions, 'first entry at creation', (s) => s.log![0]!.date === s.dateCreated);
    every(ended, 'last entry by completion', (s) => s.log![s.log!.length - 1]!.date! <= s.dateCompleted!);
    every(live, 'no entry in the future', (s) => s.log!.every((l) => l.date! <= NOW.toISOString()));
  });

  it('matches customer breadcrumbs to the customers', () => {
    const withCustomer = sessions.filter((s) => s.customerId);
    assert.ok(withCustomer.length > sessions.length * 0.5);
    every(withCustomer, 'breadcrumb walks root to customer', (s) => {
      const crumbs = s.customerBreadcrumb ?? [];
      const last = crumbs[crumbs.length - 1];
      if (!last || last.id !== s.customerId || last.name !== s.customerName) return false;
      const root = customers.get(crumbs[0]!.id!);
      if (!root || root.parentCustomerId !== undefined || root.accountId !== s.accountId) return false;
      return crumbs.every((c, i) => customers.get(c.id!)?.name === c.name && (i === 0 || customers.get(c.id!)?.parentCustomerId === crumbs[i - 1]!.id));
    });
    assert.ok(withCustomer.some((s) => s.customerBreadcrumb!.length >= 3), 'some breadcrumbs are three deep');
  });

  it('links child sessions to parents in the same account, created after them', () => {
    const children = data.sessions.filter((e) => e.parentSessionId);
    assert.ok(children.length > 10);
    for (const c of children) {
      const p = byId.get(c.parentSessionId!) as StoredSession | undefined;
      assert.ok(p, `parent ${c.parentSessionId} missing`);
      assert.equal(p.session.accountId, c.session.accountId);
      assert.ok(c.session.dateCreated! > p.session.dateCreated!);
    }
  });

  it('weights accounts by seedShare and leaves the seedShare-0 account empty', () => {
    const count = (id: string) => sessions.filter((s) => s.accountId === id).length;
    const [acme, northwind, globex, initech, empty] = fixtures.accounts.map((a) => count(a.id));
    assert.equal(empty, 0);
    assert.ok(acme! > northwind! && northwind! > globex! && globex! > initech! && initech! > 0, `${acme} ${northwind} ${globex} ${initech}`);
    every(sessions, 'accountName is the account\'s', (s) => fixtures.accounts.find((a) => a.id === s.accountId)?.name === s.accountName);
  });

  it('puts the fixture users to work as agents, and gives the dev user live sessions of their own', () => {
    const dev = fixtures.users.find((u) => u.userName === 'dev@example.com')!;
    for (const u of fixtures.users.filter((x) => x.roles.includes('User') && x.accountIds.some((a) => fixtures.accounts.find((acc) => acc.id === a)!.seedShare > 0))) {
      assert.ok(sessions.some((s) => (s.members ?? []).some((m) => m.identity === u.id && m.endpointId === u.endpointId)), `${u.userName} never appears`);
    }
    assert.ok(live.some((s) => s.endpointId === dev.endpointId || (s.members ?? []).some((m) => m.identity === dev.id)));
    assert.ok(data.agents.some((a) => a.id === dev.id && a.emailAddress === dev.userName));
    assert.ok(!data.agents.some((a) => a.emailAddress === 'guest@example.com'), 'guest has no User role');
  });

  it('references only endpoints, agents and teams that exist, in the session\'s account', () => {
    const endpoints = new Map(data.endpoints.map((e) => [e.id, e]));
    every(sessions, 'endpointId exists', (s) => endpoints.has(s.endpointId!));
    every(sessions.filter((s) => endpoints.get(s.endpointId!)?.kind === 'PhoneNumber'), 'phone endpoints in the same account', (s) => endpoints.get(s.endpointId!)!.accountId === s.accountId);
    const agents = new Set(data.agents.map((a) => a.id));
    for (const t of data.teams) for (const a of t.agentIds) assert.ok(agents.has(a));
    every(sessions, 'agent members are known agents', (s) => (s.members ?? []).filter((m) => m.role !== 'Caller').every((m) => agents.has(m.identity!)));
  });
});
