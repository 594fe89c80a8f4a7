import type { OperationModel } from '../../spec/api-model.js';
import { ServiceError } from '../errors/service-error.js';
import type { Authentication, Principal } from './authenticate.js';

/** What the real server's credentials provider sends with a 401 (AuthProvider.OnFailedAuthentication). */
export const WWW_AUTHENTICATE = 'credentials realm="/auth/credentials"';

/** 401 as ServiceStack's AuthenticateAttribute.ThrowNotAuthenticated words it, always with WWW-Authenticate. */
export function notAuthenticated(message = 'Not Authenticated'): ServiceError {
  return new ServiceError(401, 'Unauthorized', message, [], { 'WWW-Authenticate': WWW_AUTHENTICATE });
}

/**
 * The operation's requirements from the spec: authentication (401) and roles (403 "Invalid Role",
 * as RequiredRoleAttribute). Returns the principal, or undefined for an operation open to anyone.
 */
export function authorize(op: OperationModel, auth: Authentication): Principal | undefined {
  const needsAuth = op.requiresAuth || op.requiredRoles.length > 0;
  if (!auth.principal) {
    if (needsAuth) throw notAuthenticated(auth.rejected);
    return undefined;
  }
  const roles = auth.principal.user.roles;
  if (op.requiredRoles.some((role) => !roles.includes(role))) {
    throw new ServiceError(403, 'Forbidden', 'Invalid Role');
  }
  return auth.principal;
}
