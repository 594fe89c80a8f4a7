import { faker } from '@faker-js/faker/locale/en';
import type { Fixtures } from '../store/fixtures.js';
import { STORE_FORMAT, type StoreData } from '../store/store-data.js';
import type { StoredSession } from '../store/session-store.js';
import type { ScenarioRequest } from './scenarios/scenario-request.js';
import { addScenarios, type SeededScenario } from './scenarios/seed-scenarios.js';
import { FakerRandom } from './seed-random.js';
import { buildSessions } from './seed-sessions.js';
import { buildWorld, type World } from './seed-world.js';

export interface SeedOptions {
  readonly seed: number;
  readonly sessions: number;
  /** The reference time every date is relative to. */
  readonly now: Date;
  /** True when `now` was chosen (--now); recorded so later opens keep the seeded world's clock. */
  readonly nowFixed: boolean;
  /** QA scenarios put on top of the seeded sessions (--scenario). */
  readonly scenarios?: readonly ScenarioRequest[];
}

/**
 * The whole store from a seed: the same fixtures, seed, count and reference time give the same data,
 * hence (through the snapshot format) the same bytes. Only faker's seeded generator and `now` feed
 * it: no wall clock, no Math.random.
 */
export function buildSeedData(fixtures: Fixtures, options: SeedOptions): StoreData {
  return buildSeedStore(fixtures, options).data;
}

/** buildSeedData, and what each scenario added and dropped. */
export function buildSeedStore(fixtures: Fixtures, options: SeedOptions): { readonly data: StoreData; readonly world: World; readonly scenarios: readonly SeededScenario[] } {
  const { world, rnd } = seedWorld(fixtures, options.seed);
  const seeded = buildSessions(world, rnd, options.sessions, options.now.getTime());
  const withScenarios = options.scenarios?.length ? addScenarios(seeded, options.scenarios, fixtures, world, options.now.getTime()) : undefined;
  return { data: storeData(world, withScenarios?.sessions ?? seeded, options), world, scenarios: withScenarios?.applied ?? [] };
}

function storeData(world: World, sessions: StoredSession[], options: SeedOptions): StoreData {
  return {
    meta: { format: STORE_FORMAT, seed: options.seed, sessionCount: options.sessions, now: options.now.toISOString(), nowFixed: options.nowFixed },
    customers: world.customers,
    endpoints: world.endpoints,
    agents: world.agents,
    teams: world.teams,
    sessions,
  };
}

/**
 * The seed's people, lines, queues and customers, and the generator positioned right after them.
 * The world is the first thing drawn from the seed, so rebuilding it from a store's recorded seed
 * gives the same records the store holds (the QA scenarios lean on that on a running mock).
 */
export function seedWorld(fixtures: Fixtures, seed: number): { readonly world: World; readonly rnd: FakerRandom } {
  faker.seed(seed);
  const rnd = new FakerRandom(faker);
  return { world: buildWorld(fixtures, rnd), rnd };
}
