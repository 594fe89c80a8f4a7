import type { SessionStore } from '../../store/session-store.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { getActiveSessions } from './get-active-sessions.js';
import { getMySessions } from './get-my-sessions.js';
import { getSession } from './get-session.js';
import type { OperationHandlers } from './handler.js';
import { listSessions } from './list-sessions.js';
import { newSession } from './new-session.js';

export interface HandlerDeps {
  readonly store: SessionStore;
  readonly userDirectory: UserDirectory;
  readonly quirks: boolean;
}

/** The behaviour of each operation, by operationId; routing, binding and validation come from the spec. */
export function createHandlers(deps: HandlerDeps): OperationHandlers {
  return {
    ListSessions: listSessions(deps.store),
    GetSession: getSession(deps.store, deps.quirks),
    GetMySessions: getMySessions(deps.store),
    GetActiveSessions: getActiveSessions(deps.store),
    NewSession: newSession(deps.store, deps.userDirectory),
  };
}
