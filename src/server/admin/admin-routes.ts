import { Router } from 'express';
import type { ApiModel } from '../../spec/api-model.js';
import type { TimeControl } from '../../live/time-control.js';
import type { Fixtures } from '../../store/fixtures.js';
import type { SessionStore } from '../../store/session-store.js';
import type { UserDirectory } from '../auth/user-directory.js';
import type { MockControls } from '../mock-controls.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { writeLanes } from './admin-json.js';
import { clockRoutes } from './clock-routes.js';
import { expireSignIns } from './auth-expire-route.js';
import { behaviourRoutes } from './behaviour-routes.js';
import { journalRoutes } from './journal-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { applyScenario, listScenarios } from './scenario-routes.js';
import { SessionBodies } from './session-body.js';
import { sessionRoutes } from './session-routes.js';
import { storeRoutes } from './store-routes.js';

/** What the admin API uses, and nothing more. */
export interface AdminDeps {
  readonly api: ApiModel;
  readonly store: SessionStore;
  readonly fixtures: Fixtures;
  readonly codecs: CodecRegistry;
  readonly bodyLimit: number;
  readonly controls: MockControls;
  readonly userDirectory: UserDirectory;
  /** The clock QA drives; undefined for an app assembled without one. */
  readonly time: TimeControl | undefined;
  /** Whether behaviours with "persist": true have a file to go to. */
  readonly canPersistBehaviours: boolean;
}

/**
 * The QA admin API beside /__admin/health: the clock, scenarios, sessions (the data API), reset and snapshots,
 * behaviours, the request journal, settings and sign-in expiry. adminGuard stands in front of all of
 * it (origin, JSON bodies, and the --admin-token a mock listening beyond loopback must have).
 */
export function adminRoutes(deps: AdminDeps): Router {
  // A read-check-write (a create's id check, a patch) must not interleave with another on the same data.
  const lanes = writeLanes();
  const serial = lanes.whole;
  const { api, store, fixtures, codecs, bodyLimit, controls } = deps;
  const sessions = sessionRoutes({ bodies: new SessionBodies(api, fixtures), store, fixtures, codecs, bodyLimit, lanes });
  const states = storeRoutes({ store, bodyLimit, serial });
  const router = Router();
  router.use(clockRoutes({ time: deps.time, bodyLimit, serial }));
  router.get('/__admin/scenarios', listScenarios);
  // A scenario's sessions may be moving: its writes also wait for the clock's steps, and they for it.
  const time = deps.time;
  const withClock = <T>(task: () => Promise<T>): Promise<T> => serial(() => (time ? time.exclusive(task) : task()));
  router.post('/__admin/scenarios/:name', applyScenario({ store, fixtures, serial: withClock }));
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
  router.use(behaviourRoutes({ api, codecs, registry: controls.registry, bodyLimit, canPersist: deps.canPersistBehaviours }));
  router.use(journalRoutes({ journal: controls.journal, bodyLimit }));
  router.use(settingsRoutes({ settings: controls.settings, journal: controls.journal, bodyLimit }));
  router.post('/__admin/auth/expire', expireSignIns({ sessions: controls.sessions, userDirectory: deps.userDirectory, bodyLimit }));
  return router;
}
