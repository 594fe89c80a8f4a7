import { randomBytes } from 'node:crypto';

/** A signed-in browser or client session, as ServiceStack keeps one in its cache under ss-id / ss-pid. */
export interface AuthSession {
  readonly userId: string;
  /** Every id the session answers to: its ss-id, and its ss-pid when signed in with rememberMe. */
  readonly ids: readonly string[];
}

/**
 * Enough for every browser and test run a team points at one mock, and about 2 MB; without a cap,
 * anyone who can sign in could grow the mock's memory without end.
 */
export const MAX_AUTH_SESSIONS = 10_000;

/**
 * Sessions live in memory, as with ServiceStack's default MemoryCacheClient: a restart signs
 * everyone out, and Basic auth or a bearer token still works. Past `max` sessions the oldest is
 * signed out, as a cache evicts.
 */
export class AuthSessions {
  private readonly byId = new Map<string, AuthSession>();
  /** Every session once, oldest first (a Set keeps insertion order). */
  private readonly sessions = new Set<AuthSession>();

  constructor(private readonly max = MAX_AUTH_SESSIONS) {}

  get size(): number {
    return this.sessions.size;
  }

  /** A new session id in ServiceStack's form: 20 random URL-safe characters. */
  static newId(): string {
    return randomBytes(15).toString('base64url');
  }

  save(userId: string, ids: readonly string[]): void {
    const session = { userId, ids };
    for (const id of ids) this.byId.set(id, session);
    this.sessions.add(session);
    while (this.sessions.size > this.max) this.drop(this.sessions.values().next().value!);
  }

  get(id: string): AuthSession | undefined {
    return this.byId.get(id);
  }

  /** Ends the session any of these ids belongs to, under all of its ids. */
  remove(...ids: readonly (string | undefined)[]): void {
    for (const id of ids) {
      const session = id === undefined ? undefined : this.byId.get(id);
      if (session) this.drop(session);
    }
  }

  private drop(session: AuthSession): void {
    this.sessions.delete(session);
    for (const own of session.ids) if (this.byId.get(own) === session) this.byId.delete(own);
  }
}
