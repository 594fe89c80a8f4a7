import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../../../src/options/usage-error.js';
import { seedStoreFile } from '../../../src/seed/open-or-seed.js';
import { SCENARIO_NAMES, SCENARIOS } from '../../../src/seed/scenarios/registry.js';
import { ScenarioError } from '../../../src/seed/scenarios/scenario.js';
import { scenarioCatalog } from '../../../src/seed/scenarios/scenario-catalog.js';
import { scenarioId } from '../../../src/seed/scenarios/scenario-ids.js';
import { parseScenarioList } from '../../../src/seed/scenarios/scenario-request.js';
import { buildSeedData, buildSeedStore, seedWorld } from '../../../src/seed/seed-data.js';
import { loadFixtures } from '../../../src/store/fixtures.js';
import type { StoredSession } from '../../../src/store/session-store.js';
import type { StoreData } from '../../../src/store/store-data.js';
import { runCommand } from '../../cli/helpers/run-command.js';
import { tempDir } from '../../store/helpers.js';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const DEV_ACCOUNT = 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d';
const EMPTY_ACCOUNT = 'e5b4a6c8d0e24b4e9a5c6d7e8f9a0b1c';
const DEV_ID = '0d5e6f7a8b9c4d0e8f1a2b3c4d5e6f70';
const DAY = 86_400_000;
const fixtures = await loadFixtures();

function seeded(scenarios: string, seed = 7, sessions = 150): StoreData {
  return buildSeedData(fixtures, { seed, sessions, now: NOW, nowFixed: true, scenarios: parseScenarioList(scenarios) });
}

function byId(data: StoreData, id: string): StoredSession {
  const e = data.sessions.find((s) => s.session.id === id);
  assert.ok(e, `no session ${id}`);
  return e;
}

const seedCli = (args: string[]) => runCommand('seed', args);

describe('scenario ids', () => {
  it('are fixed: 20 hex digits of sha256("evo-mock scenario NAME"), then the session number in 12', () => {
    for (const name of SCENARIO_NAMES) {
      const prefix = createHash('sha256').update(`evo-mock scenario ${name}`).digest('hex').slice(0, 20);
      assert.equal(scenarioId(name, 1), `${prefix}000000000001`);
      assert.equal(scenarioId(name, 50_000), `${prefix}00000000c350`);
    }
  });

  it('are the ones the catalog lists, and each scenario creates exactly those', () => {
    for (const entry of scenarioCatalog()) {
      if (entry.count) continue;
      const data = seeded(entry.name, 7, 0);
      // A moving scenario's later sessions (a transfer leg) are made by its steps, not at the start.
      const later = new Set((SCENARIOS.find((s) => s.name === entry.name)?.moves?.steps ?? []).flatMap((st) => (st.leg !== undefined ? [scenarioId(entry.name, st.leg)] : [])));
      assert.deepEqual(data.sessions.map((e) => e.session.id).sort(), entry.sessions.map((s) => s.id).filter((id) => !later.has(id)).sort(), entry.name);
    }
  });
});

describe('scenarios are reproducible', () => {
  it('write byte-identical files for the same seed, count, now and scenarios', async (t) => {
    const dir = await tempDir(t);
    const files = ['a.json', 'b.json'].map((f) => path.join(dir, f));
    const scenarios = parseScenarioList('hold-transferring,missed-call,ringing-queue,empty-account,huge-list:500');
    for (const file of files) await seedStoreFile({ file, fixtures, seed: 5, sessions: 120, now: NOW, scenarios });
    const [a, b] = await Promise.all(files.map((f) => readFile(f)));
    assert.ok(a!.equals(b!), 'the two files differ');
  });

  it('do not depend on the order they are named in', () => {
    const a = seeded('missed-call,hold-transferring,ringing-queue');
    const b = seeded('ringing-queue,hold-transferring,missed-call');
    assert.deepEqual(a, b);
  });

  it("give the same sessions whatever the seeded count (their draws are their own)", () => {
    const few = seeded('hold-transferring', 7, 3);
    const many = seeded('hold-transferring', 7, 400);
    for (const n of [1, 2]) assert.deepEqual(byId(few, scenarioId('hold-transferring', n)), byId(many, scenarioId('hold-transferring', n)));
  });

  it('move with --now: the same story, shifted', () => {
    const later = new Date(NOW.getTime() + 3 * DAY);
    const a = byId(seeded('missed-call'), scenarioId('missed-call', 1)).session;
    const b = byId(buildSeedData(fixtures, { seed: 7, sessions: 150, now: later, nowFixed: true, scenarios: parseScenarioList('missed-call') }), scenarioId('missed-call', 1)).session;
    assert.equal(Date.parse(b.dateCreated!) - Date.parse(a.dateCreated!), 3 * DAY);
    assert.deepEqual(b.log!.map((l) => l.message), a.log!.map((l) => l.message));
  });

  it('leave the seed itself untouched: without --scenario the data is what it always was', () => {
    const plain = buildSeedData(fixtures, { seed: 7, sessions: 150, now: NOW, nowFixed: true });
    const withOne = seeded('missed-call');
    assert.deepEqual(withOne.sessions.filter((e) => e.session.id !== scenarioId('missed-call', 1)), plain.sessions);
  });

  it("rebuild the seed's world from its seed alone (what a running mock relies on)", () => {
    const data = buildSeedData(fixtures, { seed: 11, sessions: 50, now: NOW, nowFixed: true });
    const { world } = seedWorld(fixtures, 11);
    assert.deepEqual(world.agents, data.agents);
    assert.deepEqual(world.endpoints, data.endpoints);
    assert.deepEqual(world.customers, data.customers);
  });
});

describe('what each scenario holds', () => {
  it('hold-transferring: a held call, transferring, and its ringing leg as a child', () => {
    const data = seeded('hold-transferring');
    const parent = byId(data, scenarioId('hold-transferring', 1));
    const child = byId(data, scenarioId('hold-transferring', 2));
    const s = parent.session;
    assert.equal(s.accountId, DEV_ACCOUNT);
    assert.deepEqual([s.ended, s.callState, s.queueState, s.holdReason, s.heldByUserId], [false, 'Hold', 'Hold', 'Transferring', DEV_ID]);
    assert.ok(s.holdQueueName?.endsWith(' Hold'));
    assert.deepEqual(s.members!.map((m) => [m.role, m.callState]), [['Caller', 'Hold'], ['Agent', 'Connected'], ['Transfer', 'Ringing']]);
    assert.equal(s.members![1]!.identity, DEV_ID);
    assert.match(s.log!.at(-2)!.message ?? '', /^Put on hold by Dana Developer in ".+ Hold"$/);
    assert.match(s.log!.at(-1)!.message ?? '', /^Transferring to /);
    assert.equal(child.parentSessionId, s.id);
    assert.deepEqual([child.session.ended, child.session.callState, child.session.dialState], [false, 'Ringing', 'Active']);
    assert.equal(child.session.endpointId, s.members![2]!.endpointId);
    assert.ok(child.session.dateCreated! > s.dateCreated! && child.session.dateCreated! < NOW.toISOString());
    assert.ok(s.log!.every((l) => l.date! <= NOW.toISOString()));
  });

  it('missed-call: ended, Disconnected, missed, Abandoned, answered by no one', () => {
    const s = byId(seeded('missed-call'), scenarioId('missed-call', 1)).session;
    assert.deepEqual([s.ended, s.callState, s.wasMissed, s.outcome], [true, 'Disconnected', true, 'Abandoned']);
    assert.equal(s.answeredById, undefined);
    assert.equal(s.answeredByName, undefined);
    assert.deepEqual(s.members!.map((m) => m.role), ['Caller']);
    assert.ok(s.dateCompleted! > s.dateCreated!);
  });

  it('ringing-queue: one Queued and one Ringing call in the same ring queue', () => {
    const data = seeded('ringing-queue');
    const queued = byId(data, scenarioId('ringing-queue', 1)).session;
    const ringing = byId(data, scenarioId('ringing-queue', 2)).session;
    assert.deepEqual([queued.ended, queued.queueState, queued.callState], [false, 'Queued', 'Connected']);
    assert.deepEqual([ringing.ended, ringing.queueState, ringing.callState], [false, 'Ringing', 'Ringing']);
    assert.match(queued.ringQueueId ?? '', /^[0-9a-f]{32}$/);
    assert.equal(ringing.ringQueueId, queued.ringQueueId);
    assert.ok(ringing.members!.some((m) => m.identity === DEV_ID && m.callState === 'Ringing'));
  });

  it("empty-account: drops whatever is in empty@example.com's account, even from a seed that put sessions there", () => {
    const generous = { ...fixtures, accounts: fixtures.accounts.map((a) => (a.id === EMPTY_ACCOUNT ? { ...a, seedShare: 5 } : a)) };
    const without = buildSeedStore(generous, { seed: 7, sessions: 300, now: NOW, nowFixed: true });
    assert.ok(without.data.sessions.some((e) => e.session.accountId === EMPTY_ACCOUNT), 'the generous fixtures put sessions there');
    const withIt = buildSeedStore(generous, { seed: 7, sessions: 300, now: NOW, nowFixed: true, scenarios: parseScenarioList('empty-account') });
    assert.equal(withIt.data.sessions.filter((e) => e.session.accountId === EMPTY_ACCOUNT).length, 0);
    assert.ok(withIt.scenarios[0]!.dropped > 0);
    assert.equal(withIt.data.sessions.length, 300 - withIt.scenarios[0]!.dropped);
  });

  it('empty: no sessions, except those of the scenarios named with it', () => {
    assert.equal(seeded('empty').sessions.length, 0);
    assert.deepEqual(seeded('empty,hold-transferring').sessions.map((e) => e.session.id), [scenarioId('hold-transferring', 1), scenarioId('hold-transferring', 2)]);
  });

  it("huge-list: COUNT ended sessions in dev's first account, oldest first, all inside the last 14 days", () => {
    const count = 3_001;
    const { sessions } = seeded(`empty,huge-list:${count}`);
    assert.equal(sessions.length, count);
    sessions.forEach((e, i) => assert.equal(e.session.id, scenarioId('huge-list', i + 1)));
    assert.ok(sessions.every((e) => e.session.accountId === DEV_ACCOUNT && e.session.ended === true && e.session.callState === 'Disconnected'));
    const oldest = Date.parse(sessions[0]!.session.dateCreated!);
    assert.ok(oldest > NOW.getTime() - 14 * DAY, 'inside the default call log');
    assert.equal(Date.parse(sessions.at(-1)!.session.dateCreated!), NOW.getTime() - 3_600_000);
    const answered = sessions.filter((e) => e.session.outcome === 'Answered').length;
    assert.ok(answered > count * 0.7 && answered < count * 0.95, `${answered} answered`);
  });
});

describe('naming scenarios', () => {
  const bad: { text: string; message: RegExp; kind: ScenarioError['kind'] }[] = [
    { text: 'nope', message: new RegExp(`There is no scenario 'nope'\\. The scenarios are: ${SCENARIO_NAMES.join(', ')}\\.`), kind: 'unknown' },
    { text: 'missed-call:3', message: /'missed-call' has no size/, kind: 'bad-request' },
    { text: 'huge-list:0', message: /size of 'huge-list' must be a whole number from 1 to 200000/, kind: 'bad-request' },
    { text: 'huge-list:many', message: /not 'many'/, kind: 'bad-request' },
    { text: 'empty,empty', message: /'empty' is named twice/, kind: 'bad-request' },
    { text: 'empty,,missed-call', message: /separated by commas/, kind: 'bad-request' },
  ];
  for (const c of bad) {
    it(`refuses '${c.text}'`, () => {
      assert.throws(() => parseScenarioList(c.text), (err: unknown) => err instanceof ScenarioError && err.kind === c.kind && c.message.test(err.message));
    });
  }

  it('reads sizes, any case, and repeated options', () => {
    const r = parseScenarioList(['Hold-Transferring, huge-list:20', 'empty']);
    assert.deepEqual(r.map((x) => [x.scenario.name, x.count]), [['hold-transferring', 0], ['huge-list', 20], ['empty', 0]]);
    assert.equal(parseScenarioList('huge-list')[0]!.count, 50_000);
  });

  it('every registered scenario has a name, a one-line summary and details', () => {
    for (const s of SCENARIOS) {
      assert.match(s.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(s.summary.length > 0 && !s.summary.includes('\n'));
      assert.ok(s.details.length > 0);
    }
  });
});

describe('evo-mock seed --scenario', () => {
  it('lists the scenarios with their fixed ids', async () => {
    const { code, out } = await seedCli(['--scenario', 'list']);
    assert.equal(code, 0);
    for (const e of scenarioCatalog()) {
      assert.ok(out.includes(e.name) && out.includes(e.summary), e.name);
      for (const s of e.sessions) assert.ok(out.includes(s.id), `${e.name} ${s.id}`);
    }
  });

  it('seeds with them and says what they did', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const { code, out } = await seedCli(['--db', db, '--sessions', '20', '--now', '2026-11-20T12:00:00Z', '--scenario', 'empty,hold-transferring', '--scenario', 'huge-list:10']);
    assert.equal(code, 0);
    assert.match(out, /Scenarios: empty -20, hold-transferring \+2, huge-list:10 \+10\. 12 sessions in all\./);
    const data = JSON.parse(await readFile(db, 'utf8')) as StoreData;
    assert.equal(data.sessions.length, 12);
  });

  it('keeps an existing store and says --scenario was not applied', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    await seedCli(['--db', db, '--sessions', '5']);
    const before = await readFile(db);
    const { out } = await seedCli(['--db', db, '--scenario', 'missed-call']);
    assert.match(out, /kept it as it is \(--scenario not applied\).*POST \/__admin\/scenarios\/NAME/);
    assert.ok(before.equals(await readFile(db)));
  });

  const bad: { args: string[]; message: RegExp }[] = [
    { args: ['--scenario', 'hold'], message: /--scenario: There is no scenario 'hold'\. The scenarios are: hold-transferring, .*empty\. Run with --scenario list/ },
    { args: ['--scenario', 'huge-list:999999'], message: /from 1 to 200000/ },
    { args: ['--scenario', 'list,empty'], message: /There is no scenario 'list'/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.args.join(' ')} with a usage error, writing nothing`, async (t) => {
      const db = path.join(await tempDir(t), 'db.json');
      await assert.rejects(seedCli(['--db', db, ...c.args]), (err: unknown) => err instanceof UsageError && c.message.test(err.message));
      await assert.rejects(readFile(db));
    });
  }
});
