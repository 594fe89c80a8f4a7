import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore, StoredSession } from '../../store/session-store.js';
import type { World } from '../seed-world.js';
import { planScenario } from './plan-scenario.js';
import type { ScenarioRequest } from './scenario-request.js';

export interface RunningTarget {
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly world: World;
  /** The store's reference time, ms. */
  readonly now: number;
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
  const plan = planScenario(request, target.fixtures, target.world, target.now);
  let deleted = 0;
  if (plan.emptied) {
    const emptied = plan.emptied.accounts === 'all' ? undefined : new Set(plan.emptied.accounts);
    const doomed = target.store.sessions.all().filter((e) => !emptied || emptied.has(e.session.accountId as string));
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
