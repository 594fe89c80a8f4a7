import { Router } from 'express';
import type { AppOptions } from '../app.js';
import { serialQueue } from './admin-json.js';
import { applyScenario, listScenarios } from './scenario-routes.js';
import { SessionBodies } from './session-body.js';
import { sessionRoutes } from './session-routes.js';
import { storeRoutes } from './store-routes.js';

/**
 * The QA admin API beside /__admin/health. It needs no credentials: like WireMock's and Mockoon's
 * admin endpoints it is meant for a mock on your own machine (the default host is 127.0.0.1), so
 * do not expose a mock with --host 0.0.0.0 to people who should not change its data.
 */
export function adminRoutes(options: AppOptions): Router {
  // Admin writes run one at a time: a read-check-write (a create's id check, a patch) must not interleave with another.
  const serial = serialQueue();
  const { store, fixtures } = options;
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const sessions = sessionRoutes({ bodies: new SessionBodies(options.api, fixtures), store, fixtures, codecs: options.codecs, bodyLimit, serial });
  const states = storeRoutes({ store, bodyLimit, serial });
  const router = Router();
  router.get('/__admin/scenarios', listScenarios);
  router.post('/__admin/scenarios/:name', applyScenario({ store, fixtures, serial }));
  router.post('/__admin/sessions', sessions.insert);
  router.delete('/__admin/sessions', sessions.removeMany);
  router.get('/__admin/sessions/:id', sessions.read);
  router.put('/__admin/sessions/:id', sessions.replace);
  router.patch('/__admin/sessions/:id', sessions.patch);
  router.delete('/__admin/sessions/:id', sessions.remove);
  router.post('/__admin/reset', states.reset);
  router.get('/__admin/snapshots', states.list);
  router.post('/__admin/snapshots', states.save);
  router.post('/__admin/snapshots/:name/restore', states.restore);
  router.delete('/__admin/snapshots/:name', states.remove);
  return router;
}
