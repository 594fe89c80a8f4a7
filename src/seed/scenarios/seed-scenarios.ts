import type { Fixtures } from '../../store/fixtures.js';
import { compareStored } from '../../store/session-index.js';
import type { StoredSession } from '../../store/session-store.js';
import type { World } from '../seed-world.js';
import { planScenario } from './plan-scenario.js';
import type { ScenarioPlan } from './scenario.js';
import type { ScenarioRequest } from './scenario-request.js';

export interface SeededScenario {
  readonly name: string;
  /** The size asked for; 0 for scenarios without one. */
  readonly count: number;
  readonly added: number;
  /** Seeded sessions it removed (empty, empty-account). */
  readonly dropped: number;
}

/**
 * Puts scenarios on top of freshly seeded sessions: every scenario's emptying first (so `empty,X`
 * leaves exactly X's sessions), then every scenario's sessions, all in the store's (dateCreated, id)
 * order.
 */
export function addScenarios(
  seeded: readonly StoredSession[],
  requests: readonly ScenarioRequest[],
  fixtures: Fixtures,
  world: World,
  now: number,
): { readonly sessions: StoredSession[]; readonly applied: SeededScenario[] } {
  const plans = requests.map((r) => [r, planScenario(r, fixtures, world, now)] as const);
  let sessions = seeded;
  const dropped = new Map<string, number>();
  for (const [r, plan] of plans) {
    const before = sessions.length;
    sessions = sessions.filter((e) => !emptiedBy(plan, e));
    dropped.set(r.scenario.name, before - sessions.length);
  }
  const added = plans.flatMap(([, plan]) => plan.sessions);
  return {
    sessions: [...sessions, ...added].sort(compareStored),
    applied: plans.map(([r, plan]) => ({ name: r.scenario.name, count: r.count, added: plan.sessions.length, dropped: dropped.get(r.scenario.name) ?? 0 })),
  };
}

/** Whether a stored session lies in an account the scenario empties before it adds its own. */
export function emptiedBy(plan: ScenarioPlan, e: StoredSession): boolean {
  const accounts = plan.emptied?.accounts;
  return accounts === 'all' || (accounts !== undefined && accounts.includes(e.session.accountId as string));
}
