import { existsSync } from 'node:fs';
import { scenarioSummary, type StoreCliOptions } from '../cli/seed-command.js';
import type { ScenarioRequest } from '../seed/scenarios/scenario-request.js';
import { loadApiModel } from '../spec/wire-model.js';
import { loadFixtures } from '../store/fixtures.js';
import { migrateStore } from '../seed/migrate-store.js';
import { JsonFileStore } from '../store/json-file-store.js';
import { sortFieldsFromWire } from '../store/session-fields.js';
import { codecsByFormat } from '../wire/codecs.js';
import { readJsvValue } from '../wire/jsv-value.js';
import type { CorsHeaders, CorsPolicy } from './http/cors.js';
import { quietLogger, stderrLogger } from './http/logger.js';
import { allowedHostsFor } from './http/host-check.js';
import { asPortError, ensurePortAvailable } from './http/port-check.js';
import { exposureWarning, startupBanner } from './http/startup-banner.js';

export interface ServeOptions {
  readonly store: StoreCliOptions;
  /** --scenario: applied when the store is created or reset, like the other seeding options. */
  readonly scenarios: readonly ScenarioRequest[];
  readonly port: number;
  readonly host: string;
  /** --allowed-hosts: host names answered besides localhost, IP addresses and the --host name. */
  readonly allowedHosts: readonly string[];
  /** --shutdown-grace: how long answers being sent may take to finish once SIGTERM/SIGINT arrives. */
  readonly shutdownGraceMs: number;
  readonly bodyLimit: number;
  readonly quirks: boolean;
  readonly emptyUnauthorizedBody: boolean;
  readonly cors: CorsPolicy;
  readonly corsHeaders: CorsHeaders;
  readonly quiet: boolean;
}

/**
 * `evo-mock serve`: load the spec and fixtures, open (or seed) the store, listen, and stop cleanly on
 * SIGINT/SIGTERM. Resolves with the exit code once stopped.
 */
export async function serve(options: ServeOptions): Promise<number> {
  const started = performance.now();
  await ensurePortAvailable(options.host, options.port);
  // Express and AJV load while the store file is read: start-up is mostly waiting on both.
  const serverModule = import('./server.js');
  const logger = options.quiet ? quietLogger : stderrLogger;
  const api = loadApiModel();
  const sessionInfo = api.types.get('SessionInfo');
  if (!sessionInfo) throw new Error("spec/openapi.json has no SessionInfo schema; run 'npm run generate'.");
  const fixtures = await loadFixtures();
  const store = await openStore(options.store, options.scenarios, fixtures, sessionInfo, logger.error);
  const version = process.env['npm_package_version'] ?? '0.1.0';
  const { startServer } = await serverModule;
  const allowedHosts = allowedHostsFor(options.host, options.allowedHosts);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(
      {
        api,
        store,
        countSessions: () => store.stats.sessions,
        fixtures,
        // Every codec the project has: negotiation picks among them (?format=, Accept), bodies are read by Content-Type.
        codecs: codecsByFormat,
        readJsvValue,
        quirks: options.quirks,
        logger,
        logRequests: !options.quiet,
        emptyUnauthorizedBody: options.emptyUnauthorizedBody,
        cors: options.cors,
        corsHeaders: options.corsHeaders,
        allowedHosts,
        bodyLimit: options.bodyLimit,
        version,
      },
      { port: options.port, host: options.host, drainMs: options.shutdownGraceMs },
    );
  } catch (err) {
    // Taken between the check and now: close the store (its lock) and say so in the same words.
    await store.close();
    throw asPortError(err, options.host, options.port);
  }
  const warning = exposureWarning(options.host, server.port, allowedHosts);
  if (warning) logger.error(warning);
  console.log(
    startupBanner(server.url, fixtures, {
      sessions: store.stats.sessions,
      db: options.store.file,
      quirks: options.quirks,
      ms: Math.round(performance.now() - started),
    }),
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      logger.error(`evo-mock: ${signal}, finishing in-flight requests and flushing the store...`);
      server.stop().then(
        () => {
          logger.error('evo-mock: stopped.');
          resolve(0);
        },
        (err: unknown) => {
          logger.error(`evo-mock: the store did not close cleanly: ${err instanceof Error ? err.message : String(err)}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** An existing store opens without loading the seeder (faker); a new one, or --reset, is seeded first. */
async function openStore(
  opts: StoreCliOptions,
  scenarios: readonly ScenarioRequest[],
  fixtures: Awaited<ReturnType<typeof loadFixtures>>,
  sessionInfo: Parameters<typeof sortFieldsFromWire>[0],
  warn: (line: string) => void,
): Promise<JsonFileStore> {
  const sortFields = sortFieldsFromWire(sessionInfo);
  const onWarning = (message: string) => warn(`evo-mock: ${message}`);
  if (!opts.reset && existsSync(opts.file)) {
    const store = await JsonFileStore.open({ file: opts.file, sortFields, onWarning, ...(opts.now ? { now: opts.now } : {}) });
    if (store) {
      for (const line of await migrateStore(store, opts.file, fixtures)) warn(`evo-mock: ${line}`);
      const ignored = opts.seedingOptionsGiven.filter((o) => o !== '--now');
      if (ignored.length > 0) warn(`evo-mock: ${opts.file} exists; ${ignored.join(', ')} only shape a new store (use --reset to reseed).`);
      return store;
    }
  }
  const { openOrSeedStore } = await import('../seed/open-or-seed.js');
  const opened = await openOrSeedStore({
    file: opts.file,
    fixtures,
    seed: opts.seed,
    sessions: opts.sessions,
    ...(opts.now ? { now: opts.now } : {}),
    reset: opts.reset,
    scenarios,
    sortFields,
    onWarning,
  });
  if (opened.seeded) {
    const { meta, ms, sessions } = opened.seeded;
    const applied = opened.seeded.scenarios.length > 0 ? ` ${scenarioSummary(opened.seeded.scenarios)} ${sessions} sessions in all.` : '';
    warn(`evo-mock: seeded ${opts.file} with ${meta.sessionCount} sessions (seed ${meta.seed}) in ${Math.round(ms)} ms.${applied}`);
  }
  return opened.store;
}
