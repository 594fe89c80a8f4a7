import express, { type Express } from 'express';
import { consoleRoutes } from '../console/console-routes.js';
import type { TimeControl } from '../live/time-control.js';
import type { ApiModel } from '../spec/api-model.js';
import type { Fixtures } from '../store/fixtures.js';
import type { SessionStore } from '../store/session-store.js';
import { authRoutes } from './auth/auth-routes.js';
import { authenticateService } from './auth/authenticate-service.js';
import { authenticateResponseType } from './auth/auth-dtos.js';
import { UserDirectory } from './auth/user-directory.js';
import type { ReadJsvValue } from './binding/string-map-binder.js';
import { adminGuard } from './admin/admin-guard.js';
import { adminRoutes } from './admin/admin-routes.js';
import { authenticate } from './auth/authenticate.js';
import type { DelaySpec } from './behaviours/delay.js';
import { rememberFormat } from './errors/error-handler.js';
import { QueryMap } from './binding/query-string.js';
import { journalRecorder } from './journal/journal-recorder.js';
import { createControls } from './mock-controls.js';
import { negotiate } from './wire/negotiate.js';
import { routeFormats } from './wire/route-formats.js';
import { errorHandler } from './errors/error-handler.js';
import { cors, type CorsHeaders, type CorsPolicy } from './http/cors.js';
import { formatSuffix } from './http/format-suffix.js';
import { globalHeaders } from './http/global-headers.js';
import { health, type RequestCounter } from './http/health.js';
import { hostCheck, type AllowedHosts } from './http/host-check.js';
import type { ServerLogger } from './http/logger.js';
import { methodOverride } from './http/method-override.js';
import { routeNotFound } from './http/not-found.js';
import { requestLog } from './http/request-log.js';
import { requestTarget } from './http/request-target.js';
import { DEFAULT_BODY_TIMEOUTS, type BodyTimeouts } from './wire/read-body.js';
import { STREAM_MIN_ITEMS } from './wire/stream-dto.js';
import { operationEndpoints } from './operations/endpoints.js';
import type { OperationHandler } from './operations/handler.js';
import { createHandlers } from './operations/handlers.js';
import { predefinedRoutes } from './operations/predefined-routes.js';
import { operationRoutes } from './operations/routes.js';
import { compileValidators } from './validation/operation-validators.js';
import type { CodecRegistry } from '../wire/codec-registry.js';

export interface AppOptions {
  readonly api: ApiModel;
  readonly store: SessionStore;
  /** How many sessions the store holds, for the health check. */
  readonly countSessions: () => number;
  readonly fixtures: Fixtures;
  readonly codecs: CodecRegistry;
  readonly readJsvValue: ReadJsvValue;
  /** Reproduce the real server's quirks (GET /sessions/{id} answers an empty log). */
  readonly quirks: boolean;
  readonly logger: ServerLogger;
  /** One line per request through the logger. */
  readonly logRequests: boolean;
  /** Answer 401 with an empty body, as the real server's [Authenticate] does, instead of a ResponseStatus. */
  readonly emptyUnauthorizedBody: boolean;
  readonly cors: CorsPolicy;
  /** Request headers a preflight may ask for: 'requested' allows whatever an allowed origin asks for. */
  readonly corsHeaders: CorsHeaders;
  /** Host names answered besides loopback names and IP addresses (--allowed-hosts, the --host name). */
  readonly allowedHosts: AllowedHosts;
  /** Largest request body, in bytes. */
  readonly bodyLimit: number;
  /** evo-mock's version, in X-Powered-By. */
  readonly version: string;
  /** The store's snapshot file, for the size /__admin/health reports. */
  readonly storeFile?: string;
  /** The console's front end, when not the built one (tests compile their own). */
  readonly consoleScripts?: string;
  /** Replaces behaviour by operationId; undefined leaves an operation without behaviour (tests). */
  readonly handlers?: Readonly<Record<string, OperationHandler | undefined>>;
  /** Requests the journal keeps (--journal-size); 0 keeps none. Default 1 000. */
  readonly journalSize?: number;
  /** Global latency (--latency); behaviours and Prefer: delay= override it per request. */
  readonly latency?: DelaySpec;
  /** How long a sign-in lasts (--session-ttl); default: until sign-out or restart. */
  readonly sessionTtlMs?: number;
  /** Required as Authorization: Bearer on the admin API (--admin-token). */
  readonly adminToken?: string;
  /** Answers with a list of this many items or more are streamed in chunks. Default STREAM_MIN_ITEMS. */
  readonly streamMinItems?: number;
  /** How long request bodies may take to arrive, anonymous and signed in. Default DEFAULT_BODY_TIMEOUTS. */
  readonly bodyTimeouts?: BodyTimeouts;
  /** Where behaviours added with "persist": true are kept across restarts; undefined: nowhere. */
  readonly behavioursFile?: string;
  /** The clock QA drives (/__admin/clock); without it the clock API answers 409. */
  readonly time?: TimeControl;
}

/**
 * The Express 5 app, assembled from the spec: routes, validators and auth come from the ApiModel.
 * Every setting arrives decided (the options model owns the defaults), so the app knows nothing of
 * how it was configured.
 */
export function createApp(options: AppOptions): Express {
  const { api, store, codecs } = options;
  const { logger } = options;
  const userDirectory = new UserDirectory(options.fixtures);
  const app = express();
  const controls = createControls(app, {
    codecs,
    errorResponse: api.errorResponse,
    ...(options.journalSize !== undefined ? { journalSize: options.journalSize } : {}),
    ...(options.latency !== undefined ? { latency: options.latency } : {}),
    ...(options.sessionTtlMs !== undefined ? { sessionTtlMs: options.sessionTtlMs } : {}),
  });
  const deps = {
    codecs,
    readJsvValue: options.readJsvValue,
    bodyLimit: options.bodyLimit,
    bodyTimeouts: options.bodyTimeouts ?? DEFAULT_BODY_TIMEOUTS,
    streamMinItems: options.streamMinItems ?? STREAM_MIN_ITEMS,
    userDirectory,
    sessions: controls.sessions,
    gate: controls.gate,
    authenticateResponse: authenticateResponseType(api.errorResponse),
  };
  const handlers = {
    ...createHandlers({ store, userDirectory, quirks: options.quirks }),
    ...options.handlers,
  };

  const endpoints = operationEndpoints(api, compileValidators(api), handlers, deps);
  // What the predefined routes reach by request name: every operation, and ServiceStack's own Authenticate.
  const services = new Map([...endpoints, ['Authenticate', authenticateService(deps)]]);

  const counter: RequestCounter = { count: 0 };
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', false);
  if (options.logRequests) app.use(requestLog(logger));
  app.use(journalRecorder(controls.journal));
  app.use(globalHeaders(options.version, counter));
  app.use(requestTarget());
  app.use(hostCheck(options.allowedHosts));
  // Before CORS: an admin preflight from a foreign origin is refused even with --cors-any-origin.
  app.use(adminGuard(options.adminToken !== undefined ? { token: options.adminToken } : {}));
  app.use(cors(options.cors, options.corsHeaders));
  // Both rewrite the request before any router sees it: the verb it stands for, the path without a format suffix.
  app.use(methodOverride());
  app.use(formatSuffix(codecs));
  app.get('/__admin/health', health({ countSessions: options.countSessions, store, counter, version: options.version, startedAt: Date.now(), ...(options.storeFile ? { storeFile: options.storeFile } : {}) }));
  app.use(adminRoutes({ api, store, fixtures: options.fixtures, codecs, bodyLimit: options.bodyLimit, controls, userDirectory, time: options.time, canPersistBehaviours: options.behavioursFile !== undefined }));
  app.use('/auth', authRoutes(deps));
  app.use(operationRoutes(api, endpoints));
  app.use(predefinedRoutes(services, codecs));
  // After every API route, so the API's own requests never pass through it.
  app.use(consoleRoutes({ fixtures: options.fixtures, version: options.version, ...(options.consoleScripts ? { scriptsDir: options.consoleScripts } : {}) }));
  app.use(
    routeNotFound(api, (req, res) => {
      const format = negotiate(req, QueryMap.fromUrl(req.originalUrl), codecs, routeFormats(res));
      rememberFormat(res, format);
      return controls.gate.enter(req, res, { operation: undefined, format, principal: authenticate(req, deps).principal, responseType: undefined });
    }),
  );
  app.use(errorHandler({ codecs, errorResponse: api.errorResponse, logger, emptyUnauthorizedBody: options.emptyUnauthorizedBody }));
  return app;
}
