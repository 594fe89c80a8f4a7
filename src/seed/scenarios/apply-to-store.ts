import type { Fixtures } from '../../store/fixtures.js';
import type { AccountScope, SessionQuery, SessionStore, StoredSession } from '../../store/session-store.js';
import type { World } from '../seed-world.js';
import { planScenario } from './plan-scenario.js';
import { ScenarioError } from './scenario.js';
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
}

/** Creates at most this many at once: the journal groups them into a few fsyncs, and memory stays bounded. */
const BATCH = 5_000;

/**
 * Applies a scenario to a running store through store.create, so every session is durable before
 * the answer. Idempotent by id: what the store already holds is reported, not created again. A
 * scenario that empties accounts holds only if they are already empty; the store cannot delete.
 * Callers serialise applies: two at once could both see an id as missing.
 */
export async function applyToStore(request: ScenarioRequest, target: RunningTarget): Promise<AppliedToStore> {
  const plan = planScenario(request, target.fixtures, target.world, target.now);
  if (plan.emptied) {
    const held = countIn(target.store, plan.emptied.accounts);
    if (held > 0) {
      throw new ScenarioError(
        `'${request.scenario.name}' needs ${plan.emptied.label} to hold no session, but ${held === 1 ? 'one is' : `${held} are`} there and a running mock cannot delete them. ` +
          `Restart with --reset --scenario ${request.scenario.name} (evo-mock serve --reset --scenario ${request.scenario.name}).`,
        'conflict',
      );
    }
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
  return { scenario: request.scenario.name, count: request.count, created: missing.map((e) => e.session.id as string), alreadyPresent };
}

/** Sessions in the accounts, live and archived alike. */
function countIn(store: SessionStore, accounts: readonly string[] | 'all'): number {
  const scope: AccountScope = accounts === 'all' ? 'all' : new Set(accounts);
  const query: SessionQuery = {
    page: 1,
    countPerPage: 1,
    all: false,
    simplifiedPaging: false,
    specificIds: [],
    accountIds: [],
    customerIds: [],
    endpointIds: [],
    searchArchive: false,
  };
  return store.list(query, scope).totalCount + store.list({ ...query, searchArchive: true }, scope).totalCount;
}
