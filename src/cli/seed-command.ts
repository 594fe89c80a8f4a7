import { SEEDING_KEYS, seedOptions, type SeedSettings } from '../options/mock-options.js';
import { scenariosNamed, seedUnlessPresent } from '../seed/open-or-seed.js';
import { loadFixtures } from '../store/fixtures.js';
import { noArguments } from './command.js';
import { asksForScenarioList, printScenarioList, scenarioSummary, withScenarioUsage } from './scenario-option.js';

export async function runSeed(settings: SeedSettings, given: ReadonlySet<string>, positionals: readonly string[]): Promise<number> {
  noArguments('seed', positionals, ' Use --db PATH for the file.');
  if (asksForScenarioList(settings.scenario)) return printScenarioList();
  const scenarios = await withScenarioUsage(() => scenariosNamed(settings.scenario));
  const file = settings.db;
  const result = await seedUnlessPresent({
    file,
    fixtures: await loadFixtures(),
    seed: settings.seed,
    sessions: settings.sessions,
    ...(settings.now ? { now: settings.now } : {}),
    reset: settings.reset,
    scenarios,
  });
  if (!result) {
    const notApplied = SEEDING_KEYS.filter((k) => given.has(k)).map((k) => `--${seedOptions[k].flag}`);
    const ignored = notApplied.length > 0 ? ` (${notApplied.join(', ')} not applied)` : '';
    const hint = scenarios.length > 0 ? ' A running mock takes a scenario at POST /__admin/scenarios/NAME.' : '';
    console.log(`${file} already exists; kept it as it is${ignored}. Pass --reset to start again from the seed.${hint}`);
    return 0;
  }
  const mb = (result.bytes / 1024 / 1024).toFixed(1);
  const withScenarios = result.scenarios.length > 0 ? ` ${scenarioSummary(result.scenarios)} ${result.sessions} sessions in all.` : '';
  console.log(
    `${settings.reset ? 'Reset' : 'Seeded'} ${file}: ${result.meta.sessionCount} sessions, seed ${result.meta.seed}, now ${result.meta.now}` +
      `${result.meta.nowFixed ? '' : ' (the current time)'}, ${mb} MB in ${Math.round(result.ms)} ms.${withScenarios}`,
  );
  return 0;
}
