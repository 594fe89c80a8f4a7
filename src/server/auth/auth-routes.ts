import { Router } from 'express';
import type { Principal } from './authenticate.js';
import { AUTH_STATUS } from './auth-dtos.js';
import { authenticateService, beginAuth, signOut, type AuthServiceDeps } from './authenticate-service.js';
import { sendDto } from '../wire/send.js';

export type AuthRouteDeps = AuthServiceDeps;

/**
 * Mounted at /auth. ServiceStack's AuthenticateService as the real server exposes it (docs/servicestack-wire.md sections 5, 6, 8):
 * /auth and /auth/{provider} (sign in with credentials, JSON or form; the current session; sign out),
 * /auth/logout, and Evo Voice's GET /auth/status describing the user.
 */
export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router({ caseSensitive: false });

  router.get('/status', async (req, res) => {
    const { format, auth, proceed } = await beginAuth(req, res, deps, 'AuthStatus', AUTH_STATUS);
    if (!proceed) return;
    sendDto(res, 200, format, statusOf(auth.principal, deps), AUTH_STATUS);
  });

  router.all('/logout', async (req, res) => {
    const { format, proceed } = await beginAuth(req, res, deps, 'Authenticate', deps.authenticateResponse);
    if (!proceed) return;
    signOut(req, res, deps);
    sendDto(res, 200, format, {}, deps.authenticateResponse);
  });

  router.all(['/', '/:provider'], authenticateService(deps));
  return router;
}

function statusOf(principal: Principal | undefined, deps: AuthServiceDeps) {
  if (!principal) return { isAuthenticated: false, roles: [], accountIds: [], accountNames: [] };
  const { user } = principal;
  const accounts = deps.userDirectory.accountsOf(user);
  return {
    id: user.id,
    isAuthenticated: true,
    firstName: user.firstName,
    lastName: user.lastName,
    name: `${user.firstName} ${user.lastName}`,
    emailAddress: user.userName,
    roles: [...user.roles],
    accountIds: accounts.map((a) => a.id),
    accountNames: accounts.map((a) => a.name),
    avatarUrl: user.avatarUrl,
  };
}
