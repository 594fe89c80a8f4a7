import type { SessionStore } from '../../store/session-store.js';
import { caller } from './caller.js';
import type { OperationHandler } from './handler.js';

/** GET /sessions/my: sessions not ended where the caller is a member or owns the endpoint. */
export function getMySessions(store: SessionStore): OperationHandler {
  return ({ principal }) => {
    const { user, scope } = caller(principal);
    return { sessions: store.mine({ id: user.id, endpointId: user.endpointId }, scope) };
  };
}
