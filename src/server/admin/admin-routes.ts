import { Router } from 'express';
import { serialQueue } from './admin-json.js';
import { insertSession, type InsertSessionDeps } from './insert-session.js';
import { applyScenario, listScenarios } from './scenario-routes.js';

/**
 * The QA admin API beside /__admin/health. It needs no credentials: like WireMock's and Mockoon's
 * admin endpoints it is meant for a mock on your own machine (the default host is 127.0.0.1), so
 * do not expose a mock with --host 0.0.0.0 to people who should not change its data.
 */
export function adminRoutes(deps: Omit<InsertSessionDeps, 'serial'>): Router {
  const serial = serialQueue();
  const { store, fixtures } = deps;
  const router = Router();
  router.get('/__admin/scenarios', listScenarios);
  router.post('/__admin/scenarios/:name', applyScenario({ store, fixtures, serial }));
  router.post('/__admin/sessions', insertSession({ ...deps, serial }));
  return router;
}
