import { faker } from '@faker-js/faker/locale/en';
import type { Fixtures } from '../store/fixtures.js';
import { STORE_FORMAT, type StoreData } from '../store/store-data.js';
import { SeedRandom } from './seed-random.js';
import { buildSessions } from './seed-sessions.js';
import { buildWorld } from './seed-world.js';

export interface SeedOptions {
  readonly seed: number;
  readonly sessions: number;
  /** The reference time every date is relative to. */
  readonly now: Date;
  /** True when `now` was chosen (--now); recorded so later opens keep the seeded world's clock. */
  readonly nowFixed: boolean;
}

/**
 * The whole store from a seed: the same fixtures, seed, count and reference time give the same data,
 * hence (through the snapshot format) the same bytes. Only faker's seeded generator and `now` feed
 * it: no wall clock, no Math.random.
 */
export function buildSeedData(fixtures: Fixtures, options: SeedOptions): StoreData {
  faker.seed(options.seed);
  const rnd = new SeedRandom(faker);
  const world = buildWorld(fixtures, rnd);
  const sessions = buildSessions(world, rnd, options.sessions, options.now.getTime());
  return {
    meta: { format: STORE_FORMAT, seed: options.seed, sessionCount: options.sessions, now: options.now.toISOString(), nowFixed: options.nowFixed },
    customers: world.customers,
    endpoints: world.endpoints,
    agents: world.agents,
    teams: world.teams,
    sessions,
  };
}
