import type { FixtureAccount, FixtureUser, Fixtures } from '../../store/fixtures.js';
import type { AccountScope } from '../../store/session-store.js';

/** The role that reaches every account, whatever the user's own account list says. */
export const SYSTEM_ADMIN_ROLE = 'SystemAdministrator';

/** The fixture users and accounts, indexed for the lookups every request makes. */
export class UserDirectory {
  private readonly byUserName = new Map<string, FixtureUser>();
  private readonly byToken = new Map<string, FixtureUser>();
  private readonly byId = new Map<string, FixtureUser>();
  private readonly accountsById = new Map<string, FixtureAccount>();
  private readonly scopes = new Map<string, AccountScope>();

  constructor(readonly fixtures: Fixtures) {
    for (const a of fixtures.accounts) this.accountsById.set(a.id, a);
    for (const u of fixtures.users) {
      this.byUserName.set(u.userName.toLowerCase(), u);
      this.byId.set(u.id, u);
      for (const t of u.bearerTokens) this.byToken.set(t, u);
      this.scopes.set(u.id, u.roles.includes(SYSTEM_ADMIN_ROLE) ? 'all' : new Set(u.accountIds));
    }
  }

  /** The user whose name (any case) and password match, as CredentialsAuthProvider.TryAuthenticate. */
  verify(userName: string, password: string): FixtureUser | undefined {
    const user = this.byUserName.get(userName.toLowerCase());
    return user && user.password === password ? user : undefined;
  }

  byBearerToken(token: string): FixtureUser | undefined {
    return this.byToken.get(token);
  }

  user(id: string): FixtureUser | undefined {
    return this.byId.get(id);
  }

  userByEmail(email: string): FixtureUser | undefined {
    return this.byUserName.get(email.toLowerCase());
  }

  account(id: string): FixtureAccount | undefined {
    return this.accountsById.get(id);
  }

  scopeOf(user: FixtureUser): AccountScope {
    return this.scopes.get(user.id) ?? new Set();
  }

  /** The accounts a user reaches, in fixture order: all of them for a system administrator. */
  accountsOf(user: FixtureUser): readonly FixtureAccount[] {
    const scope = this.scopeOf(user);
    if (scope === 'all') return this.fixtures.accounts;
    return user.accountIds.map((id) => this.accountsById.get(id)).filter((a): a is FixtureAccount => a !== undefined);
  }
}
