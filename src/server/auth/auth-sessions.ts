import { randomBytes } from 'node:crypto';

/** A signed-in browser or client session, as ServiceStack keeps one in its cache under ss-id / ss-pid. */
export interface AuthSession {
  readonly userId: string;
  readonly createdAt: number;
}

/**
 * Sessions live in memory, as with ServiceStack's default MemoryCacheClient: a restart signs
 * everyone out, and Basic auth or a bearer token still works.
 */
export class AuthSessions {
  private readonly sessions = new Map<string, AuthSession>();

  /** A new session id in ServiceStack's form: 20 random URL-safe characters. */
  static newId(): string {
    return randomBytes(15).toString('base64url');
  }

  save(id: string, userId: string): void {
    this.sessions.set(id, { userId, createdAt: Date.now() });
  }

  get(id: string): AuthSession | undefined {
    return this.sessions.get(id);
  }

  remove(...ids: readonly (string | undefined)[]): void {
    for (const id of ids) if (id !== undefined) this.sessions.delete(id);
  }
}
