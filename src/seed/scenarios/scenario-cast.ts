import type { AgentRecord } from '../../store/store-data.js';
import type { SeedRandom } from '../seed-random.js';
import type { AccountWorld, Contact } from '../seed-world.js';
import { ScenarioError, type ScenarioContext } from './scenario.js';

/** Whose account the scenarios use unless they say otherwise: the user QA signs in as first. */
export const DEV_USER = 'dev@example.com';

export interface DevDesk {
  /** The dev user's first account. */
  readonly w: AccountWorld;
  /** The dev user as an agent there: GetMySessions as dev shows the calls they are on. */
  readonly dev: AgentRecord;
}

export function devDesk(ctx: ScenarioContext): DevDesk {
  const user = ctx.fixtures.users.find((u) => u.userName.toLowerCase() === DEV_USER);
  const w = ctx.world.accounts.find((a) => a.account.id === user?.accountIds[0]);
  const dev = w?.fixtureAgents.find((a) => a.id === user?.id);
  if (!user || !w || !dev) {
    throw new ScenarioError(
      `The scenarios put their sessions in ${DEV_USER}'s first account, but fixtures/users.json has no ${DEV_USER} with the User role and an account; put the user back.`,
      'conflict',
    );
  }
  return { w, dev };
}

/** Someone to transfer to: the first generated staff member, so the fixture users' own lists stay as the seed made them. */
export function colleague(w: AccountWorld, not: AgentRecord): AgentRecord {
  const others = w.agents.filter((a) => a.id !== not.id);
  return others.find((a) => !w.fixtureAgents.includes(a)) ?? others[0] ?? not;
}

/** A caller the account knows (a customer's, so the breadcrumb shows), picked by the scenario's own draws. */
export function knownCaller(w: AccountWorld, rnd: SeedRandom): Contact {
  const known = w.contacts.filter((c) => c.customer !== undefined);
  return rnd.pick(known.length > 0 ? known : w.contacts);
}
