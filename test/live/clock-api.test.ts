import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { scenarioId } from '../../src/seed/scenarios/scenario-ids.js';
import { ADMIN_AUTH, DEV_AUTH, spawnServe, type ServeProcess } from '../cli/helpers/evo-mock-process.js';

const NOW = '2026-11-20T12:00:00.000Z';
const CALL = scenarioId('incoming-call', 1);
const LEG = scenarioId('incoming-call', 2);
const JSON_HEADERS = { 'Content-Type': 'application/json' };

interface ClockBody {
  now: string;
  paused: boolean;
  speed: number;
  live: boolean;
  moving: number;
  nextStepAt?: string;
  ran?: { steps: number; arrivals: number; writes: number };
  sinceStart: { steps: number; arrivals: number; writes: number };
  responseStatus?: { errorCode: string; message: string; errors: { fieldName: string; message: string }[] };
}

async function clock(p: ServeProcess, change?: object): Promise<{ status: number; body: ClockBody }> {
  const res = await fetch(`${p.url}/__admin/clock`, change ? { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(change) } : {});
  return { status: res.status, body: (await res.json()) as ClockBody };
}

async function listed(p: ServeProcess, ids: string): Promise<SessionInfo[]> {
  const res = await fetch(`${p.url}/sessions?specificIds=${ids}`, { headers: DEV_AUTH });
  return ((await res.json()) as { items: SessionInfo[] }).items;
}

async function everything(p: ServeProcess): Promise<string> {
  const live = await fetch(`${p.url}/sessions?all=true&sortField=id`, { headers: ADMIN_AUTH });
  const archived = await fetch(`${p.url}/sessions?all=true&sortField=id&searchArchive=true`, { headers: ADMIN_AUTH });
  return (await live.text()) + (await archived.text());
}

describe('the clock a QA engineer drives (serve --live --paused)', () => {
  const mocks: ServeProcess[] = [];
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'evo-mock-clock-'));
    for (const name of ['a', 'b']) mocks.push(await spawnServe(['--db', path.join(dir, `${name}.json`), '--sessions', '120', '--seed', '4', '--now', NOW, '--live', '--paused', '--rate', '20']));
  });
  after(async () => {
    for (const m of mocks) assert.equal(await m.stop(), 0, m.output());
    await rm(dir, { recursive: true, force: true });
  });

  it('GET /__admin/clock: stopped at --now, live', async () => {
    const { status, body } = await clock(mocks[0]!);
    assert.equal(status, 200);
    assert.deepEqual([body.now, body.paused, body.speed, body.live], [NOW, true, 1, true]);
    assert.ok(body.moving > 0, 'the seeded live calls have steps planned');
  });

  it('a bad change is a 400 naming every bad member, and moves nothing', async () => {
    const { status, body } = await clock(mocks[0]!, { advance: '5 minutes', speed: 0, set: 'tomorrow', pause: 'yes', rewind: 1 });
    assert.equal(status, 400);
    assert.deepEqual(body.responseStatus!.errors.map((e) => e.fieldName).sort(), ['advance', 'pause', 'rewind', 'set', 'speed']);
    assert.equal((await clock(mocks[0]!)).body.now, NOW);
  });

  it('a scenario started now moves step by step as the clock is advanced, in both mocks alike', async () => {
    for (const m of mocks) {
      const res = await fetch(`${m.url}/__admin/scenarios/incoming-call`, { method: 'POST', headers: JSON_HEADERS });
      assert.equal(res.status, 201);
    }
    const [a] = mocks as [ServeProcess, ServeProcess];
    assert.equal((await listed(a, CALL))[0]!.callState, 'Ringing');
    const seen: string[] = [];
    for (const step of ['20s', 'PT40S', '30s', 'PT20S', '70s']) {
      for (const m of mocks) {
        const { status, body } = await clock(m, { advance: step });
        assert.equal(status, 200, JSON.stringify(body));
        assert.ok(body.ran!.steps >= 1);
      }
      const s = (await listed(a, CALL))[0]!;
      seen.push(`${s.callState}/${s.holdReason}`);
    }
    assert.deepEqual(seen, ['Connected/None', 'Hold/None', 'Hold/Transferring', 'Connected/None', 'Disconnected/None']);
    const { sinceStart } = (await clock(a)).body;
    assert.ok(sinceStart.steps >= seen.length && sinceStart.writes >= sinceStart.steps, `GET /__admin/clock counts what ran: ${JSON.stringify(sinceStart)}`);
    const [call] = await listed(a, CALL);
    assert.deepEqual([call!.ended, call!.outcome, call!.dateCompleted], [true, 'Answered', '2026-11-20T12:03:00.000Z']);
    const children = await fetch(`${a.url}/sessions?parentSessionId=${CALL}`, { headers: DEV_AUTH });
    assert.deepEqual(((await children.json()) as { items: SessionInfo[] }).items.map((s) => [s.id, s.ended]), [[LEG, true]]);
  });

  it('POSTing incoming-call again restarts it at the clock: it rings again, its leg is gone until the transfer, every step runs again, durably and alike in both mocks', async () => {
    for (const m of mocks) {
      const res = await fetch(`${m.url}/__admin/scenarios/incoming-call`, { method: 'POST', headers: JSON_HEADERS });
      const body = (await res.json()) as { created: number; startedAt: string; restartedIds: string[]; removedIds: string[]; message: string };
      assert.equal(res.status, 200, JSON.stringify(body));
      assert.deepEqual([body.created, body.startedAt, body.restartedIds, body.removedIds], [0, '2026-11-20T12:03:00.000Z', [CALL], [LEG]]);
      assert.match(body.message, /^Restarted 'incoming-call' at 2026-11-20T12:03:00.000Z: 1 session put back to the first state/);
    }
    const [a] = mocks as [ServeProcess, ServeProcess];
    const [call] = await listed(a, CALL);
    assert.deepEqual([call!.callState, call!.ended, call!.dateCreated], ['Ringing', false, '2026-11-20T12:02:48.000Z']);
    assert.deepEqual(await listed(a, LEG), []);
    for (const m of mocks) await clock(m, { advance: '20s' });
    assert.equal((await listed(a, CALL))[0]!.callState, 'Connected');

    // Stopped and served again from the same files: the restart was durable, and it moves on from there.
    for (const [i, m] of mocks.entries()) {
      assert.equal(await m.stop(), 0, m.output());
      mocks[i] = await spawnServe(['--db', path.join(dir, `${i === 0 ? 'a' : 'b'}.json`), '--now', '2026-11-20T12:03:20Z', '--live', '--paused', '--rate', '20']);
    }
    const [a2, b2] = mocks as [ServeProcess, ServeProcess];
    assert.equal((await listed(a2, CALL))[0]!.callState, 'Connected');
    const seen: string[] = [];
    for (const step of ['40s', '30s', '20s', '70s']) {
      for (const m of mocks) await clock(m, { advance: step });
      const s = (await listed(a2, CALL))[0]!;
      seen.push(`${s.callState}/${s.holdReason}`);
    }
    assert.deepEqual(seen, ['Hold/None', 'Hold/Transferring', 'Connected/None', 'Disconnected/None']);
    assert.equal((await listed(a2, CALL))[0]!.dateCompleted, '2026-11-20T12:06:00.000Z');
    assert.deepEqual((await listed(a2, LEG)).map((s) => s.ended), [true]);
    assert.equal(JSON.stringify(await listed(a2, `${CALL},${LEG}`)), JSON.stringify(await listed(b2, `${CALL},${LEG}`)));
  });

  it('live calls move and new ones arrive: an hour later the data changed, and both mocks hold byte-identical data', async () => {
    const before = await everything(mocks[0]!);
    for (const m of mocks) {
      await clock(m, { advance: '30m' });
      await clock(m, { set: '2026-11-20T13:03:00Z' });
    }
    const [a, b] = await Promise.all(mocks.map(everything));
    assert.notEqual(a, before);
    assert.equal(a, b);
    const { body } = await clock(mocks[0]!);
    assert.equal(body.now, '2026-11-20T13:03:00.000Z');
  });

  it('speed and resume make it run by itself; pause stops it', async () => {
    const m = mocks[0]!;
    const { body } = await clock(m, { speed: 600, pause: false });
    assert.deepEqual([body.paused, body.speed], [false, 600]);
    await new Promise((r) => setTimeout(r, 300));
    const paused = (await clock(m, { pause: true })).body;
    assert.ok(Date.parse(paused.now) > Date.parse('2026-11-20T13:03:00Z') + 60_000, `it ran only to ${paused.now}`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await clock(m)).body.now, paused.now);
  });
});
