import { randomBytes } from 'node:crypto';

/** A signed-in browser or client session, as ServiceStack keeps one in its cache under ss-id / ss-pid. */
export interface AuthSession {
  readonly userId: string;
  /** Every id the session answers to: its ss-id, and its ss-pid when signed in with rememberMe. */
  readonly ids: readonly string[];
}

/**
 * Sessions live in memory, as with ServiceStack's default MemoryCacheClient: a restart signs
 * everyone out, and Basic auth or a bearer token still works.
 */
export class AuthSessions {
  private readonly byId = new Map<string, AuthSession>();

  /** A new session id in ServiceStack's form: 20 random URL-safe characters. */
  static newId(): string {
    return randomBytes(15).toString('base64url');
  }

  save(userId: string, ids: readonly string[]): void {
    const session = { userId, ids };
    for (const id of ids) this.byId.set(id, session);
  }

  get(id: string): AuthSession | undefined {
    return this.byId.get(id);
  }

  /** Ends the session any of these ids belongs to, under all of its ids. */
  remove(...ids: readonly (string | undefined)[]): void {
    for (const id of ids) {
      const session = id === undefined ? undefined : this.byId.get(id);
      if (session) for (const own of session.ids) this.byId.delete(own);
    }
  }
}
