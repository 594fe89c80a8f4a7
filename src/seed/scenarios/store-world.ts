import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore } from '../../store/session-store.js';
import { worldFromStore, type World } from '../seed-world.js';
import { ScenarioError } from './scenario.js';

/**
 * A running store's world: read from the store itself (its records and db.json.world), so no
 * generator runs. A store an earlier evo-mock wrote has no world file (serve writes one when it
 * opens it; see migrate-store.ts); then it is rebuilt from the seed it records and checked against
 * the store, so a store seeded from other fixtures is refused rather than given sessions that name
 * people it does not have. The seeder is loaded only then, so opening a store does not load faker.
 */
export async function worldOfStore(fixtures: Fixtures, seed: number, store: SessionStore): Promise<World> {
  const stored = store.world ? worldFromStore(fixtures, store.records(), store.world) : undefined;
  if (stored) return stored;
  const { seedWorld } = await import('../seed-data.js');
  const { world } = seedWorld(fixtures, seed);
  const agentsMatch = world.agents.every((a) => store.agent(a.id, 'all')?.displayName === a.displayName);
  const endpointsMatch = world.endpoints.every((e) => store.endpoint(e.id, 'all')?.name === e.name);
  if (!agentsMatch || !endpointsMatch) {
    throw new ScenarioError(
      `This store's people and lines are not what seed ${seed} gives with the current fixtures/ (were the fixtures edited, or the store written by another version?), ` +
        'so its scenarios cannot be rebuilt here. Restart with --reset --scenario NAME to seed a store that has them.',
      'conflict',
    );
  }
  return world;
}
