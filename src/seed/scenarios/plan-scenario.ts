import { faker } from '@faker-js/faker/locale/en';
import type { Fixtures } from '../../store/fixtures.js';
import { FakerRandom } from '../seed-random.js';
import type { World } from '../seed-world.js';
import type { ScenarioPlan } from './scenario.js';
import { scenarioId, scenarioSeed } from './scenario-ids.js';
import type { ScenarioRequest } from './scenario-request.js';

/**
 * What a scenario puts in a store with this world at this reference time. Its draws come from a
 * generator seeded by its name alone, so the same world and time always give the same sessions,
 * whether it is applied at seed time or to a running mock.
 */
export function planScenario(request: ScenarioRequest, fixtures: Fixtures, world: World, now: number): ScenarioPlan {
  const { scenario, count } = request;
  faker.seed(scenarioSeed(scenario.name));
  return scenario.build({
    fixtures,
    world,
    now,
    rnd: new FakerRandom(faker),
    count,
    id: (n) => scenarioId(scenario.name, n),
  });
}
