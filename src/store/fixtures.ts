import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../spec/package-root.js';

/** A user who can sign in. Auth reads these; the seed turns those with the User role into agents. */
export interface FixtureUser {
  readonly id: string;
  /** The sign-in name, an email address. */
  readonly userName: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly roles: readonly string[];
  /** The accounts the user's roles reach (system administrators reach all, whatever this says). */
  readonly accountIds: readonly string[];
  readonly endpointId: string;
  readonly bearerTokens: readonly string[];
  readonly avatarUrl?: string;
}

export interface FixtureAccount {
  readonly id: string;
  readonly name: string;
  /** Relative weight of the account among seeded sessions; 0 leaves the account empty. */
  readonly seedShare: number;
}

export interface Fixtures {
  readonly users: readonly FixtureUser[];
  readonly accounts: readonly FixtureAccount[];
}

/** A fixture file that cannot be used; the message names the file and the field. */
export class FixtureError extends Error {
  constructor(readonly file: string, readonly field: string, problem: string) {
    super(`${file}: ${field} ${problem}. Fix the file (see fixtures/ in the project for the expected shape).`);
    this.name = 'FixtureError';
  }
}

export function defaultFixturesDir(): string {
  return path.join(packageRoot(), 'fixtures');
}

export async function loadFixtures(dir: string = defaultFixturesDir()): Promise<Fixtures> {
  const usersFile = path.join(dir, 'users.json');
  const accountsFile = path.join(dir, 'accounts.json');
  const [users, accounts] = await Promise.all([readJson(usersFile), readJson(accountsFile)]);
  return parseFixtures(users, accounts, { users: usersFile, accounts: accountsFile });
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FixtureError(file, '(file)', code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(err)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new FixtureError(file, '(file)', `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** Validates parsed fixture files; pure, so tests can feed it broken shapes. */
export function parseFixtures(
  usersJson: unknown,
  accountsJson: unknown,
  files: { readonly users: string; readonly accounts: string } = { users: 'users.json', accounts: 'accounts.json' },
): Fixtures {
  const accounts = list(accountsJson, 'accounts', files.accounts).map((raw, i) => parseAccount(raw, `accounts[${i}]`, files.accounts));
  const users = list(usersJson, 'users', files.users).map((raw, i) => parseUser(raw, `users[${i}]`, files.users));
  unique(accounts, (a) => a.id, 'accounts', 'id', files.accounts);
  unique(users, (u) => u.id, 'users', 'id', files.users);
  unique(users, (u) => u.userName.toLowerCase(), 'users', 'userName', files.users);
  unique(users, (u) => u.endpointId, 'users', 'endpointId', files.users);
  unique(users.flatMap((u, i) => u.bearerTokens.map((t) => ({ t, i }))), (x) => x.t, 'users', 'bearerTokens', files.users);
  const known = new Set(accounts.map((a) => a.id));
  users.forEach((u, i) =>
    u.accountIds.forEach((id, j) => {
      if (!known.has(id)) throw new FixtureError(files.users, `users[${i}].accountIds[${j}]`, `names account '${id}', which ${files.accounts} does not list`);
    }),
  );
  return { users, accounts };
}

type Raw = Record<string, unknown>;

function list(json: unknown, key: string, file: string): Raw[] {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as Raw)[key])) {
    throw new FixtureError(file, key, `must be an array at the top level ({ "${key}": [...] })`);
  }
  const items = (json as Raw)[key] as unknown[];
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new FixtureError(file, `${key}[${i}]`, 'must be an object');
    return item as Raw;
  });
}

function parseAccount(raw: Raw, at: string, file: string): FixtureAccount {
  const seedShare = raw['seedShare'];
  if (typeof seedShare !== 'number' || !Number.isFinite(seedShare) || seedShare < 0) {
    throw new FixtureError(file, `${at}.seedShare`, 'must be a number of 0 or more (0 = an account with no seeded sessions)');
  }
  return { id: text(raw, 'id', at, file), name: text(raw, 'name', at, file), seedShare };
}

function parseUser(raw: Raw, at: string, file: string): FixtureUser {
  const avatarUrl = raw['avatarUrl'];
  if (avatarUrl !== undefined && typeof avatarUrl !== 'string') throw new FixtureError(file, `${at}.avatarUrl`, 'must be a string when present');
  const userName = text(raw, 'userName', at, file);
  if (!userName.includes('@')) throw new FixtureError(file, `${at}.userName`, `must be an email address, not '${userName}'`);
  return {
    id: text(raw, 'id', at, file),
    userName,
    password: text(raw, 'password', at, file),
    firstName: text(raw, 'firstName', at, file),
    lastName: text(raw, 'lastName', at, file),
    roles: texts(raw, 'roles', at, file),
    accountIds: texts(raw, 'accountIds', at, file),
    endpointId: text(raw, 'endpointId', at, file),
    bearerTokens: texts(raw, 'bearerTokens', at, file),
    ...(avatarUrl !== undefined ? { avatarUrl } : {}),
  };
}

function text(raw: Raw, key: string, at: string, file: string): string {
  const v = raw[key];
  if (typeof v !== 'string' || v.length === 0) throw new FixtureError(file, `${at}.${key}`, 'must be a non-empty string');
  return v;
}

function texts(raw: Raw, key: string, at: string, file: string): string[] {
  const v = raw[key];
  if (!Array.isArray(v)) throw new FixtureError(file, `${at}.${key}`, 'must be an array of strings');
  return v.map((item, i) => {
    if (typeof item !== 'string' || item.length === 0) throw new FixtureError(file, `${at}.${key}[${i}]`, 'must be a non-empty string');
    return item;
  });
}

function unique<T>(items: readonly T[], key: (t: T) => string, listName: string, field: string, file: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new FixtureError(file, `${listName}[].${field}`, `holds '${k}' twice; each must be unique`);
    seen.add(k);
  }
}
