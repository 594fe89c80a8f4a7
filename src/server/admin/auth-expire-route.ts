import type { Request, Response } from 'express';
import type { AuthSessions } from '../auth/auth-sessions.js';
import type { UserDirectory } from '../auth/user-directory.js';
import { fieldError, invalid, isObject } from '../behaviours/request-match.js';
import { notFound, ServiceError } from '../errors/service-error.js';
import { readAdminJson, sendJson } from './admin-json.js';

export interface AuthExpireDeps {
  readonly sessions: AuthSessions;
  readonly userDirectory: UserDirectory;
  readonly bodyLimit: number;
}

/**
 * POST /__admin/auth/expire: ends sign-ins so an app meets the 401 (with WWW-Authenticate) it gets
 * when a real session runs out. `{"user":"dev@example.com"}` ends that user's sessions and revokes
 * their bearer tokens until they sign in again; `{"sessionId":"..."}` ends one session (ss-id or
 * ss-pid); `{}` ends every session and revokes every token. Basic auth, sent with every request, is
 * not a sign-in and keeps working.
 */
export function expireSignIns(deps: AuthExpireDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const body = (await readAdminJson(req, deps.bodyLimit)) ?? {};
    if (!isObject(body)) throw invalid('body', 'Send {"user":"dev@example.com"}, {"sessionId":"..."} or {} for everyone.');
    const unknown = Object.keys(body).filter((k) => k !== 'user' && k !== 'sessionId');
    if (unknown.length > 0) throw invalid(unknown[0]!, `'${unknown[0]}' is not understood; give user, sessionId, or nothing for everyone.`);
    if (body['user'] !== undefined && body['sessionId'] !== undefined) throw invalid('user', 'Give user or sessionId, not both.');
    if (typeof body['sessionId'] === 'string') {
      const sessions = deps.sessions.expire({ sessionId: body['sessionId'] });
      if (sessions === 0) throw notFound(`No signed-in session '${body['sessionId']}' exists (it may have ended already).`);
      sendJson(res, 200, { sessions, bearerTokensRevoked: 0 });
      return;
    }
    if (body['user'] !== undefined) {
      const name = body['user'];
      const user = typeof name === 'string' ? (deps.userDirectory.userByEmail(name) ?? deps.userDirectory.user(name)) : undefined;
      if (!user) {
        const known = deps.userDirectory.fixtures.users.map((u) => u.userName).join(', ');
        throw new ServiceError(404, 'NotFound', `No user '${String(name)}'; the dev users are ${known}.`, [fieldError('user', `Unknown user '${String(name)}'.`)]);
      }
      const sessions = deps.sessions.expire({ userIds: [user.id] });
      deps.sessions.revokeTokens([user.id]);
      sendJson(res, 200, { sessions, bearerTokensRevoked: user.bearerTokens.length });
      return;
    }
    if (body['sessionId'] !== undefined) throw invalid('sessionId', "'sessionId' must be a string.");
    const sessions = deps.sessions.expire('all');
    const users = deps.userDirectory.fixtures.users;
    deps.sessions.revokeTokens(users.map((u) => u.id));
    sendJson(res, 200, { sessions, bearerTokensRevoked: users.reduce((n, u) => n + u.bearerTokens.length, 0) });
  };
}
