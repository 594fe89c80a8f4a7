import type { SessionStore } from '../../store/session-store.js';
import { notFound } from '../errors/service-error.js';
import { scopeOf } from './caller.js';
import { text } from './dto-fields.js';
import type { OperationHandler } from './handler.js';

/**
 * GET /sessions/{sessionId}. A session of an account the caller does not reach is answered exactly
 * as one that does not exist. With quirks on, the log comes back empty, as the real server sends it
 * (clients read the log through ListSessions?specificIds=ID).
 */
export function getSession(store: SessionStore, quirks: boolean): OperationHandler {
  return ({ dto, principal }) => {
    const id = text(dto, 'sessionId') ?? '';
    const session = store.get(id, scopeOf(principal));
    if (!session) throw notFound(`Session '${id}' was not found.`);
    return quirks ? { ...session, log: [] } : session;
  };
}
