import type { Request, RequestHandler, Response } from 'express';
import type { FixtureUser } from '../../store/fixtures.js';
import { bindRequest, type BindDeps } from '../binding/bind-request.js';
import { QueryMap } from '../binding/query-string.js';
import { rememberFormat } from '../errors/error-handler.js';
import { noServiceMethod, notFound, ServiceError, validationError, type FieldError } from '../errors/service-error.js';
import { negotiate, type ResponseFormat } from '../wire/negotiate.js';
import { routeFormats } from '../wire/route-formats.js';
import { sendDto } from '../wire/send.js';
import type { BehaviourGate } from '../behaviours/behaviour-gate.js';
import type { WireObject } from '../../spec/wire-type.js';
import { AUTHENTICATE } from './auth-dtos.js';
import { AuthSessions } from './auth-sessions.js';
import { authenticate, type AuthDeps, type Authentication } from './authenticate.js';
import { notAuthenticated } from './authorize.js';
import { clearSessionCookies, setSessionCookies } from './session-cookies.js';

export interface AuthServiceDeps extends AuthDeps, BindDeps {
  readonly gate: BehaviourGate;
  /** The AuthenticateResponse type, around the spec's ResponseStatus (authenticateResponseType). */
  readonly authenticateResponse: WireObject;
}

/**
 * What every auth endpoint starts with: the answer's format, the query, and who is calling; then the
 * behaviours gate, as for an operation. `proceed` is false when the gate has answered.
 */
export async function beginAuth(
  req: Request,
  res: Response,
  deps: AuthServiceDeps,
  operation: string,
  responseType: WireObject,
): Promise<{ format: ResponseFormat; query: QueryMap; auth: Authentication; proceed: boolean }> {
  const query = QueryMap.fromUrl(req.originalUrl);
  const format = negotiate(req, query, deps.codecs, routeFormats(res));
  rememberFormat(res, format);
  const auth = authenticate(req, deps);
  const gate = deps.gate.enter(req, res, { operation, format, principal: auth.principal, responseType });
  const proceed = gate === undefined || (await gate);
  return { format, query, auth, proceed };
}

/**
 * ServiceStack's AuthenticateService for the Authenticate DTO, wherever it is reached: `/auth`,
 * `/auth/{provider}`, or the predefined routes (`POST /api/Authenticate`, as JsonServiceClient's
 * `client.post(new Authenticate(...))` sends it). GET answers the current session (401 without one),
 * POST signs in (the provider from the path, else the DTO, else credentials; `logout` signs out),
 * DELETE signs out; any other verb finds no method (405).
 */
export function authenticateService(deps: AuthServiceDeps): RequestHandler {
  return async (req, res) => {
    const { format, auth, query, proceed } = await beginAuth(req, res, deps, 'Authenticate', deps.authenticateResponse);
    if (!proceed) return;
    const verb = req.method === 'HEAD' ? 'GET' : req.method;
    if (verb !== 'GET' && verb !== 'POST' && verb !== 'DELETE') throw noServiceMethod('Authenticate', req.method, 'AuthenticateService');
    const dto = await bindRequest(req, AUTHENTICATE, query, deps, routeFormats(res).handler);
    const provider = (str(req.params['provider']) ?? str(dto['provider']) ?? 'credentials').toLowerCase();
    if (verb === 'DELETE' || provider === 'logout') {
      signOut(req, res, deps);
      sendDto(res, 200, format, {}, deps.authenticateResponse);
      return;
    }
    if (verb === 'GET') {
      if (!auth.principal) throw notAuthenticated(auth.rejected);
      sendDto(res, 200, format, authenticateResponse(auth.principal.user, auth.principal.sessionId), deps.authenticateResponse);
      return;
    }
    if (provider !== 'credentials') throw notFound(`No configuration was added for OAuth provider '${provider}'`);
    const userName = str(dto['userName']);
    const password = str(dto['password']);
    if ((!userName || !password) && auth.principal) {
      // Already signed in: ServiceStack answers with the current session.
      sendDto(res, 200, format, authenticateResponse(auth.principal.user, auth.principal.sessionId), deps.authenticateResponse);
      return;
    }
    const missing: FieldError[] = [];
    if (!userName) missing.push({ errorCode: 'NotEmpty', fieldName: 'UserName', message: "'User Name' must not be empty." });
    if (!password) missing.push({ errorCode: 'NotEmpty', fieldName: 'Password', message: "'Password' must not be empty." });
    const [first, ...rest] = missing;
    if (first) throw validationError([first, ...rest]);
    const user = deps.userDirectory.verify(userName!, password!);
    if (!user) throw new ServiceError(401, 'Unauthorized', 'Invalid UserName or Password');
    // A sign-in starts a new session (GenerateNewSessionCookiesOnAuthentication): the old one ends.
    deps.sessions.remove(auth.principal?.sessionId);
    const rememberMe = dto['rememberMe'] === true;
    const ids = { ssId: AuthSessions.newId(), ssPid: AuthSessions.newId() };
    deps.sessions.save(user.id, rememberMe ? [ids.ssId, ids.ssPid] : [ids.ssId]);
    setSessionCookies(res, ids, rememberMe);
    sendDto(res, 200, format, authenticateResponse(user, rememberMe ? ids.ssPid : ids.ssId), deps.authenticateResponse);
  };
}

export function signOut(req: Request, res: Response, deps: AuthDeps): void {
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

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
