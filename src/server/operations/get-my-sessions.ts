import type { SessionStore } from '../../store/session-store.js';
import { signedInUser } from './signed-in-user.js';
import type { OperationHandler } from './handler.js';

/** GET /sessions/my: sessions not ended where the signed-in user is a member or owns the endpoint. */
export function getMySessions(store: SessionStore): OperationHandler {
  return ({ principal }) => {
    const { user, scope } = signedInUser(principal);
    return { sessions: store.mine({ id: user.id, endpointId: user.endpointId }, scope) };
  };
}
