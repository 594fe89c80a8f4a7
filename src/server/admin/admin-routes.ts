import { Router } from 'express';
import type { UserDirectory } from '../auth/user-directory.js';
import type { MockControls } from '../mock-controls.js';
import { serialQueue } from './admin-json.js';
import { expireSignIns } from './auth-expire-route.js';
import { behaviourRoutes } from './behaviour-routes.js';
import { journalRoutes } from './journal-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { insertSession, type InsertSessionDeps } from './insert-session.js';
import { applyScenario, listScenarios } from './scenario-routes.js';

/**
 * The QA admin API beside /__admin/health: scenarios, sessions, behaviours, the request journal,
 * settings and sign-in expiry. adminGuard stands in front of all of it (origin, JSON bodies, and the
 * --admin-token a mock listening beyond loopback must have).
 */
export function adminRoutes(deps: Omit<InsertSessionDeps, 'serial'> & { readonly controls: MockControls; readonly directory: UserDirectory }): Router {
  const serial = serialQueue();
  const { store, fixtures } = deps;
  const router = Router();
  router.get('/__admin/scenarios', listScenarios);
  router.post('/__admin/scenarios/:name', applyScenario({ store, fixtures, serial }));
  const { api, codecs, bodyLimit, controls } = deps;
  router.post('/__admin/sessions', insertSession({ api, store, fixtures, codecs, bodyLimit, serial }));
  router.use(behaviourRoutes({ api, codecs, registry: controls.registry, bodyLimit }));
  router.use(journalRoutes({ journal: controls.journal, bodyLimit }));
  router.use(settingsRoutes({ settings: controls.settings, journal: controls.journal, bodyLimit }));
  router.post('/__admin/auth/expire', expireSignIns({ sessions: controls.sessions, directory: deps.directory, bodyLimit }));
  return router;
}
