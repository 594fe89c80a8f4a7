import { existsSync } from 'node:fs';
import { writeFileAtomic } from '../store/atomic-file.js';
import type { Fixtures } from '../store/fixtures.js';
import { storeFiles } from '../store/journaled-adapter.js';
import type { JsonFileStore } from '../store/json-file-store.js';
import { snapshotChunks } from '../store/snapshot-format.js';
import type { AccountRecordLists, StoreData } from '../store/store-data.js';
import { writeWorldFile } from '../store/world-file.js';

/**
 * A store an earlier evo-mock wrote has the same db.json and journal (read as they are), but not the
 * files this version keeps beside them: db.json.world (what scenarios draw on) and db.json.seed
 * (what POST /__admin/reset returns to). Both are derived once, from the seed the store records,
 * and only if that seed gives the store's own people and lines (same fixtures); db.json itself is
 * never rewritten. Answers the lines to print (empty when there was nothing to do).
 */
export async function migrateStore(store: JsonFileStore, file: string, fixtures: Fixtures): Promise<string[]> {
  const files = storeFiles(file);
  const needWorld = store.world === undefined && !existsSync(files.world);
  const needSeed = !existsSync(files.seed);
  if (!needWorld && !needSeed) return [];
  const [{ buildSeedStore }, { worldExtrasOf }] = await Promise.all([import('./seed-data.js'), import('./seed-world.js')]);
  const meta = store.meta;
  const rebuilt = buildSeedStore(fixtures, { seed: meta.seed, sessions: meta.sessionCount, now: new Date(meta.now), nowFixed: meta.nowFixed });
  const lines: string[] = [];
  const sameWorld = sameRecords(rebuilt.data, store.records());
  if (needWorld) {
    if (sameWorld) {
      const world = worldExtrasOf(rebuilt.world, meta.seed);
      await writeWorldFile(files.world, world);
      store.adoptWorld(world);
      lines.push(`${file} was written by an earlier evo-mock: wrote its world (callers and queues of seed ${meta.seed}) to ${files.world}, so scenarios no longer re-run the seeder.`);
    } else {
      lines.push(`${file} was written by an earlier evo-mock from other fixtures than fixtures/ now holds; scenarios on the running mock will be refused (restart with --reset to seed it again).`);
    }
  }
  if (needSeed) {
    if (sameWorld) {
      await writeFileAtomic(files.seed, snapshotChunks(rebuilt.data));
      lines.push(
        `${file} has no record of its seeded state (an earlier evo-mock): rebuilt it from seed ${meta.seed}, ${meta.sessionCount} sessions, now ${meta.now} into ${files.seed} for POST /__admin/reset (scenarios it was seeded with, if any, were not recorded; --reset --scenario NAME seeds them again).`,
      );
    } else {
      const current: StoreData = { ...(store.records() as StoreData), meta, sessions: store.sessions.all() };
      await writeFileAtomic(files.seed, snapshotChunks(current));
      lines.push(`${file} has no record of its seeded state and its seed does not give its records: POST /__admin/reset will return to the data as it is now (kept in ${files.seed}).`);
    }
  }
  return lines;
}

function sameRecords(a: AccountRecordLists, b: AccountRecordLists): boolean {
  return (['customers', 'endpoints', 'agents', 'teams'] as const).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
