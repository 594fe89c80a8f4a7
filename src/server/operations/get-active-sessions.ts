import type { SessionStore } from '../../store/session-store.js';
import { scopeOf } from './caller.js';
import type { OperationHandler } from './handler.js';

/** GET /sessions/active: every session not ended in the accounts the caller reaches. */
export function getActiveSessions(store: SessionStore): OperationHandler {
  return ({ principal }) => ({ sessions: store.active(scopeOf(principal)) });
}
