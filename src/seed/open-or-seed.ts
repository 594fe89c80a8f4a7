import { existsSync } from 'node:fs';
import type { Fixtures } from '../store/fixtures.js';
import { writeFreshStore } from '../store/durable-db.js';
import { JsonFileStore, type OpenStoreOptions } from '../store/json-file-store.js';
import type { StoreMeta } from '../store/store-data.js';
import { migrateStore } from './migrate-store.js';
import type { ScenarioRequest } from './scenarios/scenario-request.js';
import type { SeededScenario } from './scenarios/seed-scenarios.js';

export interface SeedFileOptions {
  readonly file: string;
  readonly fixtures: Fixtures;
  readonly seed: number;
  readonly sessions: number;
  /** --now; absent: the wall clock, not recorded as fixed. */
  readonly now?: Date;
  /** --scenario: QA scenarios put on top of the seeded sessions. */
  readonly scenarios?: readonly ScenarioRequest[];
}

export interface SeedResult {
  readonly meta: StoreMeta;
  /** Sessions written: the seed's, less what scenarios emptied, plus theirs. */
  readonly sessions: number;
  readonly scenarios: readonly SeededScenario[];
  readonly bytes: number;
  readonly ms: number;
}

/** Writes a store from the seed, replacing whatever was at `file` (snapshot and journals). */
export async function seedStoreFile(options: SeedFileOptions): Promise<SeedResult> {
  const started = performance.now();
  // Loaded only when seeding: faker stays out of a start-up that opens an existing store.
  const [{ buildSeedStore }, { worldExtrasOf }] = await Promise.all([import('./seed-data.js'), import('./seed-world.js')]);
  const { data, world, scenarios } = buildSeedStore(options.fixtures, {
    seed: options.seed,
    sessions: options.sessions,
    now: options.now ?? new Date(),
    nowFixed: options.now !== undefined,
    ...(options.scenarios ? { scenarios: options.scenarios } : {}),
  });
  const bytes = await writeFreshStore(options.file, data, worldExtrasOf(world, data.meta.seed));
  return { meta: data.meta, sessions: data.sessions.length, scenarios, bytes, ms: performance.now() - started };
}

export type SeedUnlessPresentOptions = SeedFileOptions & {
  /** Start again from the seed even if the store exists. */
  readonly reset?: boolean;
};

/**
 * The one rule for when a store is seeded: when there is none at `file`, or `reset` asks for a new
 * one. An existing store is kept as it is (created sessions included), whatever the seed options say.
 */
export async function seedUnlessPresent(options: SeedUnlessPresentOptions): Promise<SeedResult | undefined> {
  return options.reset || !existsSync(options.file) ? seedStoreFile(options) : undefined;
}

export type OpenOrSeedOptions = SeedUnlessPresentOptions & Omit<OpenStoreOptions, 'file' | 'now'>;

export interface OpenedStore {
  readonly store: JsonFileStore;
  /** Present when this call seeded the store (first start, or reset). */
  readonly seeded?: SeedResult;
}

/** A running mock's store: seeded first when seedUnlessPresent says so, then opened. */
export async function openOrSeedStore(options: OpenOrSeedOptions): Promise<OpenedStore> {
  let seeded = await seedUnlessPresent(options);
  const open = (): Promise<JsonFileStore | undefined> =>
    JsonFileStore.open({
      file: options.file,
      sortFields: options.sortFields,
      ...(options.now ? { now: options.now } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.compactAfterBytes !== undefined ? { compactAfterBytes: options.compactAfterBytes } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  let store = await open();
  if (!store) {
    // Removed between the check and the open: seed it after all.
    seeded = await seedStoreFile(options);
    store = await open();
  }
  if (!store) throw new Error(`${options.file} disappeared while evo-mock was opening it; is another program deleting it?`);
  if (!seeded) for (const line of await migrateStore(store, options.file, options.fixtures)) options.onWarning?.(line);
  return seeded ? { store, seeded } : { store };
}

/** `--scenario` texts (NAME[:COUNT], comma-separated) resolved; the scenarios load only when some are named. */
export async function scenariosNamed(texts: readonly string[]): Promise<readonly ScenarioRequest[]> {
  if (texts.length === 0) return [];
  const { parseScenarioList } = await import('./scenarios/scenario-request.js');
  return parseScenarioList(texts);
}
