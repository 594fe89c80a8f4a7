import type { SessionStore } from '../../store/session-store.js';
import { isArchived } from '../../store/list-sessions.js';
import { notFound } from '../errors/service-error.js';
import { scopeOf } from './signed-in-user.js';
import { text } from './dto-fields.js';
import type { OperationHandler } from './handler.js';

/**
 * GET /sessions/{sessionId}. A session of an account the signed-in user does not reach is answered exactly
 * as one that does not exist. An archived session (older than 15 days on the store's clock) is a 404
 * too, as the real server has moved it to its archive; ListSessions with specificIds and
 * searchArchive=true still reads it. With quirks on, the log comes back empty, as the real server
 * sends it (clients read the log through ListSessions?specificIds=ID).
 */
export function getSession(store: SessionStore, quirks: boolean): OperationHandler {
  return ({ dto, principal }) => {
    const id = text(dto, 'sessionId') ?? '';
    const session = store.get(id, scopeOf(principal));
    if (!session) throw notFound(`Session '${id}' was not found.`);
    if (isArchived(session, store.now())) {
      throw notFound(`Session '${id}' was not found: it is archived (older than 15 days). Read it with GET /sessions?specificIds=${id}&searchArchive=true.`);
    }
    return quirks ? { ...session, log: [] } : session;
  };
}
