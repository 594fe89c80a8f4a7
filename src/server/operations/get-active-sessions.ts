import type { SessionInfo } from '../../generated/dtos.js';
import type { SessionStore } from '../../store/session-store.js';
import { ServiceError } from '../errors/service-error.js';
import { signedInUser } from './signed-in-user.js';
import type { OperationHandler } from './handler.js';

/**
 * GET /sessions/active: the signed-in phone user's live sessions, those on the user's own
 * phone-user endpoint (its endpoint, or a member on it). The public Evo Voice CLI documents it so
 * ("active-mine": the identity must match a phone-user endpoint); account-wide live calls are another
 * route there (/calls/active) that the DTO pages do not describe. A user with no phone-user endpoint
 * in the accounts it reaches is refused with 403; the real server's exact answer for that is unknown
 * (see the GetActiveSessions entry of the disagreements report, src/model/server-facts.ts).
 */
export function getActiveSessions(store: SessionStore): OperationHandler {
  return ({ principal }) => {
    const { user, scope } = signedInUser(principal);
    const endpoint = store.endpoint(user.endpointId, scope);
    if (!endpoint || endpoint.kind !== 'User') {
      throw new ServiceError(
        403,
        'Forbidden',
        `GET /sessions/active lists the signed-in phone user's active sessions, and ${user.userName} has no phone-user endpoint in the accounts it reaches; use GET /sessions/my, or ListSessions for an account's calls.`,
      );
    }
    const onEndpoint = (s: SessionInfo): boolean => s.endpointId === endpoint.id || (s.members ?? []).some((m) => m.endpointId === endpoint.id);
    return { sessions: store.active(scope).filter(onEndpoint) };
  };
}
