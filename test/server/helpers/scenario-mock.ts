import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRunningMock, type MockParts, type RunningMock } from '../../../src/mock/running-mock.js';
import type { ServeSettings } from '../../../src/options/mock-options.js';
import type { Fixtures } from '../../../src/store/fixtures.js';
import type { JsonFileStore } from '../../../src/store/json-file-store.js';
import type { SessionStore } from '../../../src/store/session-store.js';
import type { StoreData } from '../../../src/store/store-data.js';
import { askJson, NOW, testSettings, type JsonAsk, type JsonAnswer } from './mock-server.js';

/** dev@example.com's first account. */
export { ACME as DEV_ACCOUNT } from '../../store/helpers.js';
export const EMPTY_ACCOUNT = 'e5b4a6c8d0e24b4e9a5c6d7e8f9a0b1c';

export interface ScenarioMock {
  readonly url: string;
  readonly file: string;
  readonly fixtures: Fixtures;
  /** The file as seeded, before anything was created through the API. */
  readonly seeded: StoreData;
  json<T = Record<string, unknown>>(path: string, init?: JsonAsk): Promise<JsonAnswer<T>>;
  /** Stops the server and closes the store (flushing it), then opens the same file again on a new port. */
  restart(): Promise<ScenarioMock>;
  stop(): Promise<void>;
}

/** A real mock on 127.0.0.1 port 0 over a store seeded in a temp folder, scenarios included (as `--scenario` takes them). */
export async function startScenarioMock(
  options: { scenarios?: string; seed?: number; sessions?: number; nowFixed?: boolean; wrapStore?: (store: JsonFileStore) => SessionStore } = {},
): Promise<ScenarioMock> {
  const dir = await mkdtemp(join(tmpdir(), 'evo-mock-admin-'));
  const file = join(dir, 'db.json');
  const settings = testSettings({
    db: file,
    seed: options.seed ?? 7,
    sessions: options.sessions ?? 200,
    now: options.nowFixed === false ? undefined : NOW,
    scenario: options.scenarios ? [options.scenarios] : [],
  });
  const parts: MockParts = { clock: () => new Date(NOW), ...(options.wrapStore ? { wrapStore: options.wrapStore } : {}) };
  const server = await startRunningMock(settings, parts);
  const seeded = JSON.parse(await readFile(file, 'utf8')) as StoreData;
  return open(dir, server, seeded, settings, parts);
}

function open(dir: string, server: RunningMock, seeded: StoreData, settings: ServeSettings, parts: MockParts): ScenarioMock {
  const { fixtures } = server;
  const file = settings.db;
  return {
    url: server.url,
    file,
    fixtures,
    seeded,
    json: (path, init) => askJson(server.url, path, init),
    async restart() {
      await server.close();
      return open(dir, await startRunningMock(settings, parts), seeded, settings, parts);
    },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
