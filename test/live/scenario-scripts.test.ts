import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveWorld } from '../../src/live/live-world.js';
import { scenarioScripts } from '../../src/live/scenario-scripts.js';
import { planScenario } from '../../src/seed/scenarios/plan-scenario.js';
import { scenarioNamed } from '../../src/seed/scenarios/registry.js';
import { scenarioId } from '../../src/seed/scenarios/scenario-ids.js';
import { seedWorld } from '../../src/seed/seed-data.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { MemorySessionRepository } from '../../src/store/memory-session-repository.js';
import type { StoredSession } from '../../src/store/session-store.js';
import { sessionSortFields } from '../store/helpers.js';
import { SimClock } from '../../src/time/sim-clock.js';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const fixtures = await loadFixtures();
const { world } = seedWorld(fixtures, 7);
const worlds = new Map(world.accounts.map((w) => [w.account.id, w]));
const CALL = scenarioId('incoming-call', 1);
const LEG = scenarioId('incoming-call', 2);

function memory(initial: readonly StoredSession[]): MemorySessionRepository & { byId: { get(id: string): StoredSession | undefined } } {
  const repo = new MemorySessionRepository(sessionSortFields(), initial);
  return Object.assign(repo, { byId: { get: (id: string) => repo.get(id) } });
}

/**
 * incoming-call planned at NOW in a memory store, its live world started on a paused clock (stopped after the
 * test); `advance` moves the clock on and runs every step that falls due.
 */
function liveIncomingCall(t: { after(fn: () => void): void }) {
  const plan = planScenario({ scenario: scenarioNamed('incoming-call')!, count: 0 }, fixtures, world, NOW);
  const sessions = memory(plan.sessions);
  const clock = new SimClock({ start: NOW, paused: true });
  const lw = new LiveWorld({ sessions, clock, seed: 7, worlds, script: scenarioScripts() });
  t.after(() => lw.stop());
  lw.start();
  return { sessions, advance: (ms: number) => lw.moveClockTo(clock.now() + ms, () => clock.advance(ms)) };
}

describe('incoming-call moves on the clock, step by step', () => {
  it('rings, is answered at 20 s, held at 1 min, transferred at 1 min 30 s with its leg, and ends at 3 min', async (t) => {
    const { sessions, advance } = liveIncomingCall(t);
    const state = () => {
      const s = sessions.byId.get(CALL)!.session;
      return [s.callState, s.queueState, s.holdReason, s.ended];
    };
    assert.deepEqual(state(), ['Ringing', 'Ringing', 'None', false]);
    await advance(19_000);
    assert.deepEqual(state(), ['Ringing', 'Ringing', 'None', false], 'not yet at 19 s');
    await advance(1_000);
    assert.deepEqual(state(), ['Connected', 'Connected', 'None', false]);
    assert.match(sessions.byId.get(CALL)!.session.log!.at(-1)!.message!, /^Answered by Dana Developer$/);
    assert.equal(sessions.byId.get(CALL)!.session.dateLastModified, new Date(NOW + 20_000).toISOString());
    await advance(40_000);
    assert.deepEqual(state(), ['Hold', 'Hold', 'None', false]);
    await advance(30_000);
    assert.deepEqual(state(), ['Hold', 'Hold', 'Transferring', false]);
    const leg = sessions.byId.get(LEG)!;
    assert.equal(leg.parentSessionId, CALL);
    assert.deepEqual([leg.session.callState, leg.session.dialState, leg.session.ended], ['Ringing', 'Active', false]);
    await advance(20_000);
    assert.deepEqual(state(), ['Connected', 'Connected', 'None', false]);
    assert.equal(sessions.byId.get(LEG)!.session.callState, 'Connected');
    assert.ok(!sessions.byId.get(CALL)!.session.members!.some((m) => m.displayName === 'Dana Developer'), 'dev left the call');
    await advance(69_000);
    assert.equal(state()[3], false, 'still live at 2:59');
    await advance(1_000);
    assert.deepEqual(state(), ['Disconnected', 'Disconnected', 'None', true]);
    const ended = sessions.byId.get(CALL)!.session;
    assert.equal(ended.outcome, 'Answered');
    assert.equal(ended.dateCompleted, new Date(NOW + 180_000).toISOString());
    assert.equal(sessions.byId.get(LEG)!.session.ended, true, 'the leg ends with its parent');
    await advance(3_600_000);
    assert.equal(sessions.byId.get(CALL)!.session.log!.length, ended.log!.length, 'nothing moves after the end');
  });

  it('an advance past the whole script takes every step in order, as the step-by-step one did', async (t) => {
    const runs: string[] = [];
    for (const steps of [[180_000], [20_000, 40_000, 30_000, 20_000, 70_000]]) {
      const { sessions, advance } = liveIncomingCall(t);
      for (const ms of steps) await advance(ms);
      runs.push(JSON.stringify([sessions.byId.get(CALL), sessions.byId.get(LEG)]));
    }
    assert.equal(runs[0], runs[1]);
  });
});
