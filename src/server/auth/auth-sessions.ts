import { randomBytes } from 'node:crypto';

/** A signed-in browser or client session, as ServiceStack keeps one in its cache under ss-id / ss-pid. */
export interface AuthSession {
  readonly userId: string;
  /** Every id the session answers to: its ss-id, and its ss-pid when signed in with rememberMe. */
  readonly ids: readonly string[];
  /** ms since the epoch; undefined: the session lasts until sign-out or restart. */
  readonly expiresAt: number | undefined;
}

export interface AuthSessionOptions {
  /** How long a sign-in lasts (--session-ttl); undefined: until sign-out or restart, as by default. */
  readonly ttlMs?: number;
  readonly now?: () => number;
  /** Most sessions held at once; past it the oldest is signed out. Default MAX_AUTH_SESSIONS. */
  readonly max?: number;
}

/**
 * Enough for every browser and test run a team points at one mock, in little memory; without a cap,
 * anyone who can sign in could grow the mock's memory without end.
 */
export const MAX_AUTH_SESSIONS = 10_000;

/**
 * Sessions live in memory, as with ServiceStack's default MemoryCacheClient: a restart signs
 * everyone out, and Basic auth or a bearer token still works. A session past its TTL is gone, as an
 * expired cache entry is: the next request is simply not signed in (401). Bearer tokens can be revoked
 * per user; a user's next sign-in, which hands the token out again, readmits it. Past `max` sessions
 * the oldest is signed out, as a full cache evicts.
 */
export class AuthSessions {
  private readonly byId = new Map<string, AuthSession>();
  private readonly revokedUsers = new Set<string>();
  private readonly now: () => number;
  private readonly ttlMs: number | undefined;
  /** Every session once, oldest first (a Set keeps insertion order), for the cap. */
  private readonly sessions = new Set<AuthSession>();
  private readonly max: number;

  constructor(options: AuthSessionOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs;
    this.max = options.max ?? MAX_AUTH_SESSIONS;
  }

  /** A new session id in ServiceStack's form: 20 random URL-safe characters. */
  static newId(): string {
    return randomBytes(15).toString('base64url');
  }

  save(userId: string, ids: readonly string[]): void {
    const session = { userId, ids, expiresAt: this.ttlMs === undefined ? undefined : this.now() + this.ttlMs };
    for (const id of ids) this.byId.set(id, session);
    this.revokedUsers.delete(userId);
    this.sessions.add(session);
    // Oldest first: expired sessions at the head go before any live one is pushed out.
    for (const old of this.sessions) {
      if (old.expiresAt === undefined || old.expiresAt > this.now()) break;
      this.drop(old);
    }
    while (this.sessions.size > this.max) this.drop(this.sessions.values().next().value!);
  }

  get(id: string): AuthSession | undefined {
    const session = this.byId.get(id);
    if (session?.expiresAt !== undefined && session.expiresAt <= this.now()) {
      this.drop(session);
      return undefined;
    }
    return session;
  }

  /** Ends the session any of these ids belongs to, under all of its ids. */
  remove(...ids: readonly (string | undefined)[]): void {
    for (const id of ids) {
      const session = id === undefined ? undefined : this.byId.get(id);
      if (session) this.drop(session);
    }
  }

  /** Whether a user's bearer tokens have been revoked (POST /__admin/auth/expire) since their last sign-in. */
  tokenRevoked(userId: string): boolean {
    return this.revokedUsers.size > 0 && this.revokedUsers.has(userId);
  }

  /**
   * Ends sign-ins: one session (by any of its ids), every session of some users, or every session.
   * Ending a user's sign-ins revokes their bearer tokens too. Answers how many sessions ended.
   */
  expire(target: { readonly sessionId: string } | { readonly userIds: readonly string[] } | 'all'): number {
    if (target !== 'all' && 'sessionId' in target) {
      const session = this.get(target.sessionId);
      if (session) this.drop(session);
      return session ? 1 : 0;
    }
    const users = target === 'all' ? undefined : new Set(target.userIds);
    const ended = [...this.sessions].filter((session) => !users || users.has(session.userId));
    for (const session of ended) this.drop(session);
    return ended.length;
  }

  revokeTokens(userIds: readonly string[]): void {
    for (const id of userIds) this.revokedUsers.add(id);
  }

  /** Sessions signed in now (expired ones are not counted). */
  active(): number {
    const now = this.now();
    let n = 0;
    for (const s of this.sessions) if (s.expiresAt === undefined || s.expiresAt > now) n++;
    return n;
  }

  /** Sessions held, expired ones not yet dropped included (the cap counts them). */
  get size(): number {
    return this.sessions.size;
  }

  private drop(session: AuthSession): void {
    this.sessions.delete(session);
    for (const own of session.ids) if (this.byId.get(own) === session) this.byId.delete(own);
  }
}
