import type { ServeSettings } from '../options/mock-options.js';
import { ClockHolder, startTime, type RunningTime } from '../live/start-time.js';
import { describeDuration } from '../time/time-text.js';
import { UsageError } from '../options/usage-error.js';
import { isLoopbackHost } from '../server/admin/admin-guard.js';
import { openOrSeedStore, scenariosNamed, type SeedResult } from '../seed/open-or-seed.js';
import type { AppOptions } from '../server/app.js';
import { quietLogger, stderrLogger, type ServerLogger } from '../server/http/logger.js';
import { allowedHostsFor } from '../server/http/host-check.js';
import { asPortError, ensurePortAvailable } from '../server/http/port-check.js';
import { exposureWarning } from '../server/http/startup-banner.js';
import type { ApiModel } from '../spec/api-model.js';
import { packageVersion } from '../spec/package-root.js';
import { loadApiModel } from '../spec/wire-model.js';
import { loadFixtures, type Fixtures } from '../store/fixtures.js';
import type { JsonFileStore } from '../store/json-file-store.js';
import { sortFieldsFromWire } from '../store/session-fields.js';
import type { SessionStore } from '../store/session-store.js';
import { defaultCodecs, type CodecRegistry } from '../wire/codec-registry.js';
import { readJsvValue } from '../wire/jsv-value.js';

/** Parts a test (or an embedding program) may replace; everything else comes from the settings. */
export interface MockParts {
  /** Default: stderr, or request lines dropped with `quiet`. */
  readonly logger?: ServerLogger;
  readonly api?: ApiModel;
  /** Replaces the users and accounts the app signs in; the store is still seeded from fixtures/. */
  readonly fixtures?: Fixtures;
  /** Replaces the store's clock (default: it starts at --now, or the seed's, and runs). */
  readonly clock?: () => Date;
  /** Sees (and may wrap) the store the app is given. */
  readonly wrapStore?: (store: JsonFileStore) => SessionStore;
  /** The formats the mock speaks (default: JSON, XML and JSV); negotiation, suffixes, predefined routes and bodies follow it. */
  readonly codecs?: CodecRegistry;
  /** Replaces operations' behaviour by operationId. */
  readonly handlers?: AppOptions['handlers'];
  /** How long answers being sent may take on close before they are cut; default: the shutdownGrace setting. */
  readonly drainMs?: number;
  /** Where behaviours added with "persist": true are kept across restarts; default: `<db>.behaviours`. */
  readonly behavioursFile?: string;
  /** The console's compiled front end, when not the built one in dist/ (tests compile their own). */
  readonly consoleScripts?: string;
  /** Answers with a list this long or longer are streamed in chunks (default STREAM_MIN_ITEMS). */
  readonly streamMinItems?: number;
  /** How long request bodies may take to arrive (default DEFAULT_BODY_TIMEOUTS). */
  readonly bodyTimeouts?: AppOptions['bodyTimeouts'];
}

export interface RunningMock {
  readonly url: string;
  readonly port: number;
  readonly api: ApiModel;
  readonly fixtures: Fixtures;
  readonly store: JsonFileStore;
  /** Present when this start seeded the store (a new file, or `reset`). */
  readonly seeded?: SeedResult;
  /** From the call to the first moment it could answer. */
  readonly startMs: number;
  /** Stops accepting, lets in-flight requests finish, then closes the store (flushing its journal). */
  close(): Promise<void>;
}

/**
 * The one way a mock comes to run, for the CLI, the tests and the library: open the store (seeding
 * it first when it is new or `reset` says so), build the app from the spec, and listen. A scenario
 * name that does not exist is a ScenarioError, before anything is written.
 */
export async function startRunningMock(settings: ServeSettings, parts: MockParts = {}): Promise<RunningMock> {
  const started = performance.now();
  // Beyond loopback anyone who reaches the machine reaches the admin API: refuse before anything is opened.
  if (!isLoopbackHost(settings.host) && settings.adminToken === undefined) {
    throw new UsageError(
      `--host ${settings.host} lets other machines reach the mock, and its admin API can change its data, behaviours and sign-ins; start it with --admin-token TOKEN (admin calls then send Authorization: Bearer TOKEN), or keep --host 127.0.0.1.`,
    );
  }
  // Express and AJV load while the port is checked and the store file is read: start-up is mostly waiting on both.
  const serverModule = import('../server/server.js');
  // A port that cannot be had fails before anything is opened or seeded.
  await ensurePortAvailable(settings.host, settings.port);
  const logger = parts.logger ?? (settings.quiet ? quietLogger : stderrLogger);
  const api = parts.api ?? loadApiModel();
  const sessionInfo = api.types.get('SessionInfo');
  if (!sessionInfo) throw new Error("spec/openapi.json has no SessionInfo schema; run 'npm run generate'.");
  const scenarios = await scenariosNamed(settings.scenario);
  const seedFixtures = await loadFixtures();
  const fixtures = parts.fixtures ?? seedFixtures;
  // The store reads the SimClock startTime sets up once the store's meta says where it starts (a test's fixed clock replaces both).
  const holder = new ClockHolder();
  const { store, seeded } = await openOrSeedStore({
    file: settings.db,
    fixtures: seedFixtures,
    seed: settings.seed,
    sessions: settings.sessions,
    ...(settings.now ? { now: settings.now } : {}),
    clock: parts.clock ?? holder.read,
    reset: settings.reset,
    scenarios,
    sortFields: sortFieldsFromWire(sessionInfo),
    onWarning: (message) => logger.error(`evo-mock: ${message}`),
  });
  const allowedHosts = allowedHostsFor(settings.host, settings.allowedHosts);
  let time: RunningTime | undefined;
  try {
    if (!parts.clock) {
      const timeSettings = { live: settings.live, speed: settings.speed, rate: settings.rate, paused: settings.paused, ...(settings.now ? { now: settings.now } : {}) };
      time = await startTime(store, fixtures, holder, timeSettings, (m) => logger.error(`evo-mock: ${m}`));
      if (time.shifted) {
        const { byMs, sessions } = time.shifted;
        logger.error(`evo-mock: moved the store's ${sessions} sessions ${describeDuration(Math.abs(byMs))} ${byMs > 0 ? 'forward' : 'back'} so its world is current (pin the clock with --now to keep the dates as they are).`);
      }
    }
    const { startServer } = await serverModule;
    const server = await startServer(
      {
        api,
        store: parts.wrapStore ? parts.wrapStore(store) : store,
        countSessions: () => store.stats.sessions,
        fixtures,
        codecs: parts.codecs ?? defaultCodecs,
        readJsvValue,
        quirks: !settings.noQuirks,
        logger,
        logRequests: !settings.quiet,
        emptyUnauthorizedBody: settings.empty401,
        cors: settings.corsAnyOrigin ? 'any' : 'loopback',
        corsHeaders: settings.corsAllowHeaders,
        allowedHosts,
        bodyLimit: settings.bodyLimit,
        version: packageVersion(),
        storeFile: settings.db,
        journalSize: settings.journalSize,
        ...(settings.latency ? { latency: settings.latency } : {}),
        ...(settings.sessionTtl !== undefined ? { sessionTtlMs: settings.sessionTtl } : {}),
        ...(settings.adminToken !== undefined ? { adminToken: settings.adminToken } : {}),
        ...(parts.handlers ? { handlers: parts.handlers } : {}),
        ...(time ? { time: time.control } : {}),
        // "persist": true behaviours live beside the store, as its journal and world do.
        behavioursFile: parts.behavioursFile ?? `${settings.db}.behaviours`,
        ...(parts.consoleScripts !== undefined ? { consoleScripts: parts.consoleScripts } : {}),
        ...(parts.streamMinItems !== undefined ? { streamMinItems: parts.streamMinItems } : {}),
        ...(parts.bodyTimeouts !== undefined ? { bodyTimeouts: parts.bodyTimeouts } : {}),
      },
      { port: settings.port, host: settings.host, drainMs: parts.drainMs ?? settings.shutdownGrace },
    );
    const warning = exposureWarning(settings.host, server.port, allowedHosts);
    if (warning) logger.error(warning);
    let closed: Promise<void> | undefined;
    return {
      url: server.url,
      port: server.port,
      api,
      fixtures,
      store,
      ...(seeded ? { seeded } : {}),
      startMs: performance.now() - started,
      close: () =>
        (closed ??= (async () => {
          await time?.stop();
          await server.stop();
          await store.close();
        })()),
    };
  } catch (err) {
    // Taken between the check and the listen: free the store (its lock) and say so in the same words.
    await time?.stop();
    await store.close();
    throw asPortError(err, settings.host, settings.port);
  }
}

