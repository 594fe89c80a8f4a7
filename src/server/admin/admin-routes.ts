import { Router } from 'express';
import type { AppOptions } from '../app.js';
import type { UserDirectory } from '../auth/user-directory.js';
import type { MockControls } from '../mock-controls.js';
import { serialQueue } from './admin-json.js';
import { expireSignIns } from './auth-expire-route.js';
import { behaviourRoutes } from './behaviour-routes.js';
import { journalRoutes } from './journal-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { insertSession } from './insert-session.js';
import { applyScenario, listScenarios } from './scenario-routes.js';

/**
 * The QA admin API beside /__admin/health: scenarios, sessions, behaviours, the request journal,
 * settings and sign-in expiry. adminGuard stands in front of all of it (origin, JSON bodies, and the
 * --admin-token a mock listening beyond loopback must have).
 */
export function adminRoutes(options: AppOptions, parts: { readonly controls: MockControls; readonly directory: UserDirectory }): Router {
  const serial = serialQueue();
  const { store, fixtures } = options;
  const router = Router();
  router.get('/__admin/scenarios', listScenarios);
  router.post('/__admin/scenarios/:name', applyScenario({ store, fixtures, serial }));
  router.post('/__admin/sessions', insertSession({ api: options.api, store, fixtures, codecs: options.codecs, bodyLimit: options.bodyLimit ?? 1024 * 1024, serial }));
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const { controls } = parts;
  router.use(behaviourRoutes({ api: options.api, codecs: options.codecs, registry: controls.registry, bodyLimit }));
  router.use(journalRoutes({ journal: controls.journal, bodyLimit }));
  router.use(settingsRoutes({ settings: controls.settings, journal: controls.journal, bodyLimit }));
  router.post('/__admin/auth/expire', expireSignIns({ sessions: controls.sessions, directory: parts.directory, bodyLimit }));
  return router;
}
