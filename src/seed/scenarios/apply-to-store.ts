import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore, StoredSession } from '../../store/session-store.js';
import type { World } from '../seed-world.js';
import { planScenario } from './plan-scenario.js';
import { emptiedBy } from './seed-scenarios.js';
import type { ScenarioRequest } from './scenario-request.js';
import { scenarioId } from './scenario-ids.js';

export interface RunningTarget {
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly world: World;
  /** The store's reference time, ms: where a scenario that stands still is dated. */
  readonly now: number;
  /** The store's clock, ms: where a moving scenario starts. */
  readonly clock: number;
}

export interface AppliedToStore {
  readonly scenario: string;
  /** The size used; 0 for scenarios without one. */
  readonly count: number;
  /** Ids created now, in the scenario's order. */
  readonly created: readonly string[];
  /** Ids the store already held (applied before): left as they are. */
  readonly alreadyPresent: readonly string[];
  /** Sessions deleted to empty the accounts the scenario empties (empty, empty-account). */
  readonly deleted: number;
  /** A moving scenario: when it starts (ms), and what of an earlier start it put back or removed. */
  readonly moving?: { readonly startedAt: number; readonly restarted: readonly string[]; readonly removed: readonly string[] };
}

/** Creates at most this many at once: the journal groups them into a few fsyncs, and memory stays bounded. */
const BATCH = 5_000;

/**
 * Applies a scenario to a running store through its repository, so every change is durable before
 * the answer. A scenario that empties accounts deletes what they hold, live and archived. Idempotent
 * by id: what the store already holds is reported, not created again. Callers serialise applies:
 * two at once could both see an id as missing.
 */
export async function applyToStore(request: ScenarioRequest, target: RunningTarget): Promise<AppliedToStore> {
  if (request.scenario.moves) return startMoving(request, target);
  const plan = planScenario(request, target.fixtures, target.world, target.now);
  let deleted = 0;
  if (plan.emptied) {
    const doomed = target.store.sessions.all().filter((e) => emptiedBy(plan, e));
    for (let i = 0; i < doomed.length; i += BATCH) {
      await Promise.all(doomed.slice(i, i + BATCH).map((e) => target.store.sessions.delete(e.session.id as string)));
    }
    deleted = doomed.length;
  }
  const missing: StoredSession[] = [];
  const alreadyPresent: string[] = [];
  for (const e of plan.sessions) {
    const id = e.session.id as string;
    if (target.store.exists(id, 'all')) alreadyPresent.push(id);
    else missing.push(e);
  }
  for (let i = 0; i < missing.length; i += BATCH) {
    await Promise.all(missing.slice(i, i + BATCH).map((e) => target.store.create(e)));
  }
  return { scenario: request.scenario.name, count: request.count, created: missing.map((e) => e.session.id as string), alreadyPresent, deleted };
}

/**
 * A moving scenario starts at the store's clock. Applied again, it starts again: its sessions are put
 * back to their first state dated now (so every step is due again, timed from now), and the sessions
 * its steps made on the way (a transfer leg) are deleted until a step makes them anew. Built from the
 * scenario's own draws and the clock alone, so the same clock moves give the same bytes.
 */
async function startMoving(request: ScenarioRequest, target: RunningTarget): Promise<AppliedToStore> {
  const { scenario, count } = request;
  const plan = planScenario(request, target.fixtures, target.world, target.clock);
  const first = plan.sessions.map((e) => e.session.id as string);
  const madeOnTheWay = [...new Set((scenario.moves?.steps ?? []).flatMap((st) => (st.leg === undefined ? [] : [scenarioId(scenario.name, st.leg)])))].filter(
    (id) => !first.includes(id) && target.store.exists(id, 'all'),
  );
  const restarted = first.filter((id) => target.store.exists(id, 'all'));
  const created = first.filter((id) => !restarted.includes(id));
  // Legs first: a restarted parent must not find its old leg still ringing.
  await Promise.all(madeOnTheWay.map((id) => target.store.sessions.delete(id)));
  await Promise.all(plan.sessions.map((e) => (restarted.includes(e.session.id as string) ? target.store.sessions.put(e) : target.store.create(e))));
  return { scenario: scenario.name, count, created, alreadyPresent: [], deleted: 0, moving: { startedAt: target.clock, restarted, removed: madeOnTheWay } };
}
