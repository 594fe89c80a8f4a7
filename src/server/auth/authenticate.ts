import type { IncomingMessage } from 'node:http';
import type { FixtureUser } from '../../store/fixtures.js';
import type { AccountScope } from '../../store/session-store.js';
import { readCookies } from '../http/cookies.js';
import type { AuthSessions } from './auth-sessions.js';
import type { UserDirectory } from './user-directory.js';

/** Who is calling, and which accounts they reach. */
export interface Principal {
  readonly user: FixtureUser;
  readonly scope: AccountScope;
  /** The ss-id / ss-pid the request rode on, when it came through a signed-in session. */
  readonly sessionId?: string;
}

export interface AuthDeps {
  readonly userDirectory: UserDirectory;
  readonly sessions: AuthSessions;
}

/** The caller, or why credentials that were presented did not work (said in the 401 when one is needed). */
export type Authentication = { readonly principal: Principal } | { readonly principal?: undefined; readonly rejected?: string };

/**
 * Reads every way a ServiceStack client may identify itself (docs/servicestack-wire.md section 6): an Authorization
 * header (Bearer token from the fixtures, or Basic user:password, on every request), then the session
 * id from X-ss-id / X-ss-pid headers or the ss-id / ss-pid cookies (ss-opt=perm selects ss-pid).
 */
export function authenticate(req: IncomingMessage, deps: AuthDeps): Authentication {
  const header = req.headers.authorization;
  if (header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const value = space < 0 ? '' : header.slice(space + 1).trim();
    if (scheme === 'bearer') {
      const user = deps.userDirectory.byBearerToken(value);
      if (!user) return { rejected: 'Token is invalid' };
      // ServiceStack's JWT provider words a token past its life this way (TokenException).
      return deps.sessions.tokenRevoked(user.id) ? { rejected: 'Token has expired' } : { principal: principalOf(user, deps) };
    }
    if (scheme === 'basic') {
      const user = basicUser(value, deps.userDirectory);
      return user ? { principal: principalOf(user, deps) } : { rejected: 'Invalid UserName or Password' };
    }
  }
  for (const id of sessionIdCandidates(req)) {
    const session = deps.sessions.get(id);
    const user = session && deps.userDirectory.user(session.userId);
    if (user) return { principal: principalOf(user, deps, id) };
  }
  return {};
}

function principalOf(user: FixtureUser, deps: AuthDeps, sessionId?: string): Principal {
  if (sessionId !== undefined) return { user, scope: deps.userDirectory.scopeOf(user), sessionId };
  let byUser = principals.get(deps.userDirectory);
  if (!byUser) principals.set(deps.userDirectory, (byUser = new Map()));
  let principal = byUser.get(user);
  if (!principal) byUser.set(user, (principal = { user, scope: deps.userDirectory.scopeOf(user) }));
  return principal;
}

/**
 * Callers send the same Authorization header on every request; the user directory's users and
 * passwords do not change while it exists, so a header once verified maps to its user without
 * decoding and comparing again. Only successes are kept, at most BASIC_CACHE_SIZE headers per
 * UserDirectory (the map starts over when full), and principals (read-only) are shared per user.
 */
const BASIC_CACHE_SIZE = 256;
const verifiedBasic = new WeakMap<UserDirectory, Map<string, FixtureUser>>();
const principals = new WeakMap<UserDirectory, Map<FixtureUser, Principal>>();

function basicUser(credentials: string, userDirectory: UserDirectory): FixtureUser | undefined {
  let known = verifiedBasic.get(userDirectory);
  const cached = known?.get(credentials);
  if (cached) return cached;
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? undefined : userDirectory.verify(decoded.slice(0, colon), decoded.slice(colon + 1));
  if (user) {
    if (!known) verifiedBasic.set(userDirectory, (known = new Map()));
    if (known.size >= BASIC_CACHE_SIZE) known.clear();
    known.set(credentials, user);
  }
  return user;
}

/** ServiceStack's own choice first (ss-opt=perm -> ss-pid, else ss-id), then the rest, leniently. */
function sessionIdCandidates(req: IncomingMessage): string[] {
  const cookies = readCookies(req);
  const h = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const perm = (h('x-ss-opt') ?? cookies.get('ss-opt')) === 'perm';
  const ids = [
    perm ? (h('x-ss-pid') ?? cookies.get('ss-pid')) : (h('x-ss-id') ?? cookies.get('ss-id')),
    h('x-ss-id'),
    h('x-ss-pid'),
    cookies.get('ss-id'),
    cookies.get('ss-pid'),
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== ''))];
}
