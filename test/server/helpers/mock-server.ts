import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { seedStoreFile } from '../../../src/seed/open-or-seed.js';
import type { AppOptions } from '../../../src/server/app.js';
import { quietLogger } from '../../../src/server/http/logger.js';
import { startServer } from '../../../src/server/server.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { loadFixtures, type Fixtures } from '../../../src/store/fixtures.js';
import { JsonFileStore } from '../../../src/store/json-file-store.js';
import { sortFieldsFromWire } from '../../../src/store/session-fields.js';
import type { StoredSession } from '../../../src/store/session-store.js';
import type { StoreData } from '../../../src/store/store-data.js';
import { codecsByFormat } from '../../../src/wire/codecs.js';
import { readJsvValue } from '../../../src/wire/jsv-value.js';

/** The seeded world's reference time; the store's clock stands still there, so the archive boundary never moves mid-test. */
export const NOW = new Date('2026-11-20T12:00:00.000Z');

export const USERS = {
  dev: { userName: 'dev@example.com', password: 'dev', token: 'dev-token' },
  guest: { userName: 'guest@example.com', password: 'guest', token: 'guest-token' },
  other: { userName: 'other@example.com', password: 'other', token: 'other-token' },
  admin: { userName: 'admin@example.com', password: 'admin', token: 'admin-token' },
} as const;
export type UserName = keyof typeof USERS;

export function basic(user: UserName): Record<string, string> {
  const u = USERS[user];
  return { Authorization: `Basic ${Buffer.from(`${u.userName}:${u.password}`).toString('base64')}` };
}

export interface MockServer {
  readonly url: string;
  readonly dir: string;
  readonly file: string;
  readonly fixtures: Fixtures;
  /** Every session the seed wrote, read straight from the file: the tests' ground truth. */
  readonly seeded: readonly StoredSession[];
  /** The whole seeded file: customers, agents, teams and endpoints beside the sessions. */
  readonly data: StoreData;
  /** The store the server runs on, for tests that change sessions beneath it. */
  readonly store: JsonFileStore;
  request(path: string, init?: RequestInit & { user?: UserName }): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: RequestInit & { user?: UserName }): Promise<{ status: number; body: T; headers: Headers }>;
  stop(): Promise<void>;
}

const defaultApi = loadApiModel();

/** A real server on 127.0.0.1 port 0 over a real store in a temp folder. */
export async function startMock(options: { sessions?: number; seed?: number; app?: Partial<AppOptions> } = {}): Promise<MockServer> {
  const api = options.app?.api ?? defaultApi;
  const dir = await mkdtemp(join(tmpdir(), 'evo-mock-server-'));
  const file = join(dir, 'db.json');
  const fixtures = await loadFixtures();
  await seedStoreFile({ file, fixtures, seed: options.seed ?? 7, sessions: options.sessions ?? 400, now: NOW });
  const data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
  const seeded = data.sessions;
  const store = await JsonFileStore.open({ file, sortFields: sortFieldsFromWire(api.types.get('SessionInfo')!), clock: () => new Date(NOW) });
  if (!store) throw new Error('the seeded store did not open');
  const server = await startServer(
    {
      api,
      store,
      countSessions: () => store.stats.sessions,
      fixtures,
      codecs: codecsByFormat,
      readJsvValue,
      logger: quietLogger,
      logRequests: false,
      ...options.app,
    },
    { port: 0, host: '127.0.0.1' },
  );
  const request = (path: string, init: RequestInit & { user?: UserName } = {}) => {
    const { user, headers, ...rest } = init;
    return fetch(server.url + path, { ...rest, headers: { ...(user ? basic(user) : {}), ...(headers as Record<string, string> | undefined) } });
  };
  return {
    url: server.url,
    dir,
    file,
    fixtures,
    seeded,
    data,
    store,
    request,
    async json<T>(path: string, init?: RequestInit & { user?: UserName }) {
      const res = await request(path, init);
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface ListBody {
  items: SessionInfo[];
  totalCount: number;
  totalPages: number;
  hasMorePages: boolean;
}

export interface ErrorBody {
  responseStatus: { errorCode: string; message: string; errors: { errorCode: string; fieldName: string; message: string }[] };
}

/** Sessions created before this are archived (searchArchive); the rest are live. */
export const ARCHIVE_CUTOFF = new Date(NOW.getTime() - 15 * 24 * 60 * 60 * 1000).toISOString();
