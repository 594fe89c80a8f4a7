import { Router, type Request, type Response } from 'express';
import type { FixtureUser } from '../../store/fixtures.js';
import { bindRequest, type BindDeps } from '../binding/bind-request.js';
import { QueryMap } from '../binding/query-string.js';
import { rememberCodec } from '../errors/error-handler.js';
import { notFound, ServiceError, validationError, type FieldError } from '../errors/service-error.js';
import { formatOverride, negotiate } from '../wire/negotiate.js';
import { sendDto } from '../wire/send.js';
import { AUTH_STATUS, AUTHENTICATE, AUTHENTICATE_RESPONSE } from './auth-dtos.js';
import { AuthSessions } from './auth-sessions.js';
import { authenticate, type AuthDeps, type Principal } from './authenticate.js';
import { notAuthenticated } from './authorize.js';
import { clearSessionCookies, setSessionCookies } from './session-cookies.js';

export interface AuthRouteDeps extends AuthDeps, BindDeps {}

/**
 * Mounted at /auth. ServiceStack's AuthenticateService as the real server exposes it (wire doc sections 5, 6, 8):
 * POST /auth and /auth/{provider} sign in with credentials (JSON or form), GET /auth tells the
 * current session, /auth/logout ends it, and Evo Voice's GET /auth/status describes the user.
 */
export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router({ caseSensitive: false });

  router.get('/status', (req, res) => {
    const { codec, auth } = begin(req, res, deps);
    sendDto(res, 200, codec, statusOf(auth.principal, deps), AUTH_STATUS);
  });

  router.all('/logout', (req, res) => {
    const { codec } = begin(req, res, deps);
    signOut(req, res, deps);
    sendDto(res, 200, codec, {}, AUTHENTICATE_RESPONSE);
  });

  router.get(['/', '/:provider'], (req, res) => {
    const { codec, auth } = begin(req, res, deps);
    if (!auth.principal) throw notAuthenticated(auth.rejected);
    sendDto(res, 200, codec, authenticateResponse(auth.principal.user, auth.principal.sessionId), AUTHENTICATE_RESPONSE);
  });

  router.post(['/', '/:provider'], async (req, res) => {
    const { codec, auth, query } = begin(req, res, deps);
    const dto = await bindRequest(req, AUTHENTICATE, query, deps);
    const provider = (str(req.params['provider']) ?? str(dto['provider']) ?? 'credentials').toLowerCase();
    if (provider === 'logout') {
      signOut(req, res, deps);
      sendDto(res, 200, codec, {}, AUTHENTICATE_RESPONSE);
      return;
    }
    if (provider !== 'credentials') throw notFound(`No configuration was added for OAuth provider '${provider}'`);
    const userName = str(dto['userName']);
    const password = str(dto['password']);
    if ((!userName || !password) && auth.principal) {
      // Already signed in: ServiceStack answers with the current session.
      sendDto(res, 200, codec, authenticateResponse(auth.principal.user, auth.principal.sessionId), AUTHENTICATE_RESPONSE);
      return;
    }
    const missing: FieldError[] = [];
    if (!userName) missing.push({ errorCode: 'NotEmpty', fieldName: 'UserName', message: "'User Name' must not be empty." });
    if (!password) missing.push({ errorCode: 'NotEmpty', fieldName: 'Password', message: "'Password' must not be empty." });
    const [first, ...rest] = missing;
    if (first) throw validationError([first, ...rest]);
    const user = deps.directory.verify(userName!, password!);
    if (!user) throw new ServiceError(401, 'Unauthorized', 'Invalid UserName or Password');
    // A sign-in starts a new session (GenerateNewSessionCookiesOnAuthentication): the old one ends.
    deps.sessions.remove(auth.principal?.sessionId);
    const rememberMe = dto['rememberMe'] === true;
    const ids = { ssId: AuthSessions.newId(), ssPid: AuthSessions.newId() };
    deps.sessions.save(user.id, rememberMe ? [ids.ssId, ids.ssPid] : [ids.ssId]);
    setSessionCookies(res, ids, rememberMe);
    sendDto(res, 200, codec, authenticateResponse(user, rememberMe ? ids.ssPid : ids.ssId), AUTHENTICATE_RESPONSE);
  });

  return router;
}

function begin(req: Request, res: Response, deps: AuthRouteDeps) {
  const query = QueryMap.fromUrl(req.originalUrl);
  const codec = negotiate(req, query, deps.codecs, formatOverride(res));
  rememberCodec(res, codec);
  return { codec, query, auth: authenticate(req, deps) };
}

function signOut(req: Request, res: Response, deps: AuthRouteDeps): void {
  const auth = authenticate(req, deps);
  deps.sessions.remove(auth.principal?.sessionId);
  clearSessionCookies(res);
}

function authenticateResponse(user: FixtureUser, sessionId: string | undefined) {
  return {
    userId: user.id,
    sessionId,
    userName: user.userName,
    displayName: `${user.firstName} ${user.lastName}`,
    // Not a JWT: the fixture's token, which the mock accepts as `Authorization: Bearer`.
    bearerToken: user.bearerTokens[0],
    profileUrl: user.avatarUrl,
    roles: [...user.roles],
    permissions: [],
  };
}

function statusOf(principal: Principal | undefined, deps: AuthDeps) {
  if (!principal) return { isAuthenticated: false, roles: [], accountIds: [], accountNames: [] };
  const { user } = principal;
  const accounts = deps.directory.accountsOf(user);
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

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
