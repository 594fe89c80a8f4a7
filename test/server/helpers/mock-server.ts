import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { adminClient, type AdminClient } from '../../../src/admin-client/admin-client.js';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { startRunningMock, type MockParts } from '../../../src/mock/running-mock.js';
import { defaultsOf } from '../../../src/options/option-model.js';
import { serveOptions, type ServeSettings } from '../../../src/options/mock-options.js';
import type { Fixtures } from '../../../src/store/fixtures.js';
import type { JsonFileStore } from '../../../src/store/json-file-store.js';
import type { StoredSession } from '../../../src/store/session-store.js';
import type { StoreData } from '../../../src/store/store-data.js';

/** The seeded world's reference time; the store's clock stands still there, so the archive boundary never moves mid-test. */
export const NOW = new Date('2026-11-20T12:00:00.000Z');

export const USERS = {
  dev: { userName: 'dev@example.com', password: 'dev', token: 'dev-token' },
  guest: { userName: 'guest@example.com', password: 'guest', token: 'guest-token' },
  other: { userName: 'other@example.com', password: 'other', token: 'other-token' },
  admin: { userName: 'admin@example.com', password: 'admin', token: 'admin-token' },
  empty: { userName: 'empty@example.com', password: 'empty', token: 'empty-token' },
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
  json<T = Record<string, unknown>>(path: string, init?: JsonAsk): Promise<JsonAnswer<T>>;
  stop(): Promise<void>;
}

/** How a test asks: fetch's options, a user to sign in as (Basic), and a body sent as JSON when it is an object or array. */
export type JsonAsk = Omit<RequestInit, 'body'> & { user?: UserName; body?: unknown };

export interface JsonAnswer<T> {
  readonly status: number;
  /** The answer read as JSON; undefined when it is empty. */
  readonly body: T;
  readonly headers: Headers;
}

/**
 * Asks the mock at `url` and reads the answer as JSON. An object or array body is sent as JSON, with
 * Content-Type application/json unless the test gives one; any other body (a string) goes as it is.
 */
export async function askJson<T>(url: string, path: string, init: JsonAsk = {}): Promise<JsonAnswer<T>> {
  const { user, body, headers, ...rest } = init;
  const h: Record<string, string> = { ...(user ? basic(user) : {}), ...(headers as Record<string, string> | undefined) };
  const asJson = typeof body === 'object' && body !== null && (Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype);
  if (asJson) h['Content-Type'] ??= 'application/json';
  const payload = asJson ? JSON.stringify(body) : (body as RequestInit['body']);
  const res = await fetch(url + path, { ...rest, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

/** What every test mock starts from: the options' defaults, on a free loopback port, without request lines. */
export function testSettings(overrides: Partial<ServeSettings> = {}): ServeSettings {
  return { ...defaultsOf(serveOptions), port: 0, host: '127.0.0.1', quiet: true, ...overrides };
}

/**
 * A real mock on 127.0.0.1 port 0 over a real store in a temp folder, started the way the CLI starts
 * one; the store's clock stands still at NOW.
 */
export async function startMock(
  options: { sessions?: number; seed?: number; settings?: Partial<ServeSettings>; parts?: MockParts } = {},
): Promise<MockServer> {
  const dir = await mkdtemp(join(tmpdir(), 'evo-mock-server-'));
  const file = join(dir, 'db.json');
  const server = await startRunningMock(testSettings({ db: file, seed: options.seed ?? 7, sessions: options.sessions ?? 400, now: NOW, ...options.settings }), {
    clock: () => new Date(NOW),
    ...options.parts,
  });
  const data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
  const seeded = data.sessions;
  const { fixtures } = server;
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
    store: server.store,
    request,
    json: (path, init) => askJson(server.url, path, init),
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One mock for all the tests of a file, with its admin client: started in `before`, stopped in `after`. With
 * `fresh`, its behaviours and request journal are cleared before each test, so no test sees another's. The two
 * returned stand in for the running ones (they forward to them), so use them inside tests and hooks.
 */
export function mockPerFile(options: Parameters<typeof startMock>[0] & { fresh?: boolean }): { mock: MockServer; admin: AdminClient } {
  let running: { mock: MockServer; admin: AdminClient } | undefined;
  const started = () => {
    if (!running) throw new Error('the mock starts in before(): use it inside tests and hooks');
    return running;
  };
  before(async () => {
    const { fresh: _fresh, ...start } = options;
    const mock = await startMock(start);
    running = { mock, admin: adminClient(mock.url) };
  });
  after(() => running?.mock.stop());
  if (options.fresh) {
    beforeEach(async () => {
      await started().admin.behaviours.clear();
      await started().admin.requests.clear();
    });
  }
  const forward = <T extends object>(pick: (r: { mock: MockServer; admin: AdminClient }) => T): T =>
    new Proxy({} as T, { get: (_, key) => Reflect.get(pick(started()), key) as unknown });
  return { mock: forward((r) => r.mock), admin: forward((r) => r.admin) };
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
