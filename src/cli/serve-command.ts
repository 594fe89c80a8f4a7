import { SEEDING_KEYS, serveOptions, type ServeSettings } from '../options/mock-options.js';
import { noArguments } from './command.js';
import { asksForScenarioList, printScenarioList, scenarioSummary, withScenarioUsage } from './scenario-option.js';

/** `evo-mock serve`: start the mock, say where it is and who can sign in, and stop cleanly on SIGINT/SIGTERM. */
export async function runServe(settings: ServeSettings, given: ReadonlySet<string>, positionals: readonly string[]): Promise<number> {
  noArguments('serve', positionals);
  if (asksForScenarioList(settings.scenario)) return printScenarioList();
  // Loaded here, not at the top, so `serve --help` stays instant.
  const [{ startRunningMock }, { startupBanner }] = await Promise.all([import('../mock/running-mock.js'), import('../server/http/startup-banner.js')]);
  const mock = await withScenarioUsage(() => startRunningMock(settings));
  const note = (line: string) => process.stderr.write(`evo-mock: ${line}\n`);
  if (mock.seeded) {
    const { meta, ms, sessions, scenarios } = mock.seeded;
    const applied = scenarios.length > 0 ? ` ${scenarioSummary(scenarios)} ${sessions} sessions in all.` : '';
    note(`seeded ${settings.db} with ${meta.sessionCount} sessions (seed ${meta.seed}) in ${Math.round(ms)} ms.${applied}`);
  } else {
    // --now also sets an existing store's clock, so only the others went unused.
    const ignored = SEEDING_KEYS.filter((k) => k !== 'now' && given.has(k)).map((k) => `--${serveOptions[k].flag}`);
    if (ignored.length > 0) note(`${settings.db} exists; ${ignored.join(', ')} only shape a new store (use --reset to reseed).`);
  }
  console.log(startupBanner(mock.url, mock.fixtures, { sessions: mock.store.stats.sessions, db: settings.db, quirks: !settings.noQuirks, ms: Math.round(mock.startMs) }));
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      note(`${signal}, finishing in-flight requests and flushing the store...`);
      mock.close().then(
        () => {
          note('stopped.');
          resolve(0);
        },
        (err: unknown) => {
          note(`the store did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
