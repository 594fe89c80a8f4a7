import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminClient, type AdminClient } from '../admin-client/admin-client.js';
import { startRunningMock } from '../mock/running-mock.js';
import { serveOptions, type ServeSettings } from '../options/mock-options.js';
import type { Option } from '../options/option-model.js';
import { rawValueOf } from '../options/settings-sources.js';

/** Every option of `evo-mock serve`, by its camelCase name, as the value it stands for. */
export type StartMockOptions = {
  readonly [K in keyof ServeSettings]?: ServeSettings[K] extends Date | undefined ? Date | string : ServeSettings[K] extends readonly string[] ? string | readonly string[] : ServeSettings[K];
} & {
  /** The same as `scenario` (the flag is --scenario; a list reads better plural). */
  readonly scenarios?: string | readonly string[];
  /** Where log lines go (default: nowhere but errors, as `quiet` is on); the store's clock. */
  readonly parts?: LibraryParts;
};

/** What a test may replace; kept to plain types so the package's declarations need no server internals. */
export interface LibraryParts {
  readonly logger?: { info(line: string): void; error(line: string): void };
  /** Replaces the store's clock (default: it starts at `now`, or the seed's, and runs). */
  readonly clock?: () => Date;
}

export interface Mock {
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The store file: in a temporary folder (removed on close) unless `db` was given. */
  readonly db: string;
  /** The typed admin API of this mock (data, scenarios, behaviours, journal, clock). */
  readonly admin: AdminClient;
  /** How long the start took, from the call to the first moment it could answer. */
  readonly startMs: number;
  /** Stops the server (in-flight requests finish), flushes and closes the store, removes the temporary folder. */
  close(): Promise<void>;
}

/**
 * Starts a mock in this process, as `evo-mock serve` would with the same options, but for tests: on a
 * free port (port 0), over a store in a fresh temporary folder, without request log lines. Options are
 * read by the same readers as the command line, so a wrong one throws the same message.
 *
 *   const mock = await startMock({ sessions: 40, seed: 3 });
 *   const res = await fetch(`${mock.url}/sessions`, { headers: { authorization: 'Basic ' + btoa('dev@example.com:dev') } });
 *   await mock.close();
 */
export async function startMock(options: StartMockOptions = {}): Promise<Mock> {
  const { parts, scenarios, ...rest } = options;
  if (scenarios !== undefined && rest.scenario !== undefined) throw new TypeError('startMock: give scenario or scenarios, not both.');
  const given = scenarios === undefined ? rest : { ...rest, scenario: scenarios };
  const dir = given.db === undefined ? await mkdtemp(join(tmpdir(), 'evo-mock-')) : undefined;
  const settings = librarySettings({ port: 0, quiet: true, ...given, ...(dir ? { db: join(dir, 'db.json') } : {}) });
  let running;
  try {
    running = await startRunningMock(settings, parts);
  } catch (err) {
    if (dir) await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const { url, port, startMs } = running;
  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    db: settings.db,
    admin: adminClient(url, settings.adminToken !== undefined ? { token: settings.adminToken } : {}),
    startMs,
    close: () =>
      (closed ??= (async () => {
        await running.close();
        if (dir) await rm(dir, { recursive: true, force: true });
      })()),
  };
}

/** The options given, each through its option's reader (named as the library spells it); the rest at their defaults. */
function librarySettings(given: Readonly<Record<string, unknown>>): ServeSettings {
  const settings: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(serveOptions) as [string, Option<unknown>][]) {
    const value = given[key];
    settings[key] = value === undefined ? o.default : o.read(rawValueOf(o, value, `startMock({ ${key} })`), `startMock({ ${key} })`);
  }
  const unknown = Object.keys(given).filter((k) => !(k in serveOptions));
  if (unknown.length) throw new TypeError(`startMock: unknown option ${unknown.join(', ')}; the options are ${Object.keys(serveOptions).join(', ')} (and parts).`);
  return settings as ServeSettings;
}
