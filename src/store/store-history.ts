import { copyFile, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, writeFileAtomic } from './atomic-file.js';
import { storeFiles } from './journaled-adapter.js';
import type { SessionRepository } from './session-repository.js';
import type { StoredSession } from './session-store.js';
import { snapshotChunks } from './snapshot-format.js';
import { readSnapshotFile } from './snapshot-reader.js';
import type { StoreData } from './store-data.js';
import { StoreFileError, StoreInputError } from './store-errors.js';

/** What bringing the sessions to a saved state changed. */
export interface ReplaceResult {
  readonly created: number;
  readonly replaced: number;
  readonly deleted: number;
  readonly unchanged: number;
  /** Sessions held afterwards. */
  readonly sessions: number;
}

export interface SnapshotInfo {
  readonly name: string;
  readonly sessions: number;
  /** ISO 8601. */
  readonly savedAt: string;
  readonly bytes: number;
}

/** A snapshot's name is a file name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Makes the repository hold exactly `target`, through its own put and delete, so the change is
 * journalled, durable and heard by onChange like any other. Only what differs is written: a session
 * whose stored version is the same JSON is left alone, so a reset after a few test edits writes a
 * few records, not the whole store. All writes are issued at once and share the group commit.
 */
export async function replaceSessions(repo: SessionRepository, target: readonly StoredSession[]): Promise<ReplaceResult> {
  const wanted = new Map(target.map((e) => [e.session.id as string, e]));
  const writes: Promise<unknown>[] = [];
  let created = 0;
  let replaced = 0;
  let deleted = 0;
  for (const e of repo.all()) {
    if (!wanted.has(e.session.id as string)) {
      writes.push(repo.delete(e.session.id as string));
      deleted++;
    }
  }
  for (const [id, e] of wanted) {
    const current = repo.get(id);
    if (!current) created++;
    else if (JSON.stringify(current) !== JSON.stringify(e)) replaced++;
    else continue;
    writes.push(repo.put(e));
  }
  await Promise.all(writes);
  return { created, replaced, deleted, unchanged: wanted.size - created - replaced, sessions: repo.size };
}

/**
 * Saved states of one store: the seeded state (`db.json.seed`, written with the seed, what POST
 * /__admin/reset returns to) and named snapshots (`db.json.snapshots/NAME.json`). Both are files in
 * the snapshot's own format, so any of them can be read, diffed, or copied over db.json by hand.
 */
export class StoreHistory {
  constructor(
    private readonly file: string,
    private readonly sessions: SessionRepository,
    private readonly current: () => StoreData,
  ) {}

  get seedFile(): string {
    return storeFiles(this.file).seed;
  }

  get snapshotDir(): string {
    return storeFiles(this.file).snapshots;
  }

  /** Back to the sessions the store was seeded with (seed, scenarios, --now). */
  async reset(): Promise<ReplaceResult> {
    const seeded = await readSaved(this.seedFile, `POST /__admin/reset returns to it; restart with --reset to seed the store again`);
    return replaceSessions(this.sessions, seeded.sessions);
  }

  async save(name: string): Promise<SnapshotInfo> {
    checkName(name);
    // Taken now, in one piece: writes after this moment are not in the snapshot.
    const data = this.current();
    const savedAt = new Date().toISOString();
    await mkdir(this.snapshotDir, { recursive: true });
    const target = this.snapshotPath(name);
    const bytes = await writeFileAtomic(target, snapshotChunks({ ...data, meta: { ...data.meta, snapshot: { name, savedAt, sessions: data.sessions.length } } }));
    return { name, sessions: data.sessions.length, savedAt, bytes };
  }

  /** Undefined when there is no such snapshot. */
  async restore(name: string): Promise<ReplaceResult | undefined> {
    checkName(name);
    const target = this.snapshotPath(name);
    if (!(await exists(target))) return undefined;
    const saved = await readSaved(target, `delete it with DELETE /__admin/snapshots/${name}, or save it again`);
    return replaceSessions(this.sessions, saved.sessions);
  }

  async list(): Promise<SnapshotInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.snapshotDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new StoreFileError(this.snapshotDir, `cannot be listed (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 'Check its permissions.');
    }
    const out: SnapshotInfo[] = [];
    for (const n of names.sort()) {
      if (!n.endsWith('.json')) continue;
      const info = await snapshotInfo(path.join(this.snapshotDir, n), n.slice(0, -'.json'.length));
      if (info) out.push(info);
    }
    return out;
  }

  async remove(name: string): Promise<boolean> {
    checkName(name);
    try {
      await unlink(this.snapshotPath(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw err;
    }
    await fsyncDir(this.snapshotDir);
    return true;
  }

  private snapshotPath(name: string): string {
    return path.join(this.snapshotDir, `${name}.json`);
  }
}

/**
 * Records the seeded state beside a freshly seeded snapshot (a copy, not a hard link: an editor that
 * writes db.json in place would change a linked seed with it).
 */
export async function recordSeed(file: string): Promise<void> {
  const seed = storeFiles(file).seed;
  const temp = `${seed}.${process.pid}.tmp`;
  await copyFile(file, temp);
  const fh = await open(temp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(temp, seed);
  await fsyncDir(path.dirname(path.resolve(file)));
}

function checkName(name: string): void {
  if (!SNAPSHOT_NAME.test(name)) {
    throw new StoreInputError(`'${name}' cannot name a snapshot: use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. before-transfer).`);
  }
}

async function readSaved(file: string, remedy: string): Promise<StoreData> {
  try {
    return (await readSnapshotFile(file)).data;
  } catch (err) {
    if (err instanceof StoreFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StoreFileError(file, 'does not exist', `It is written when the store is seeded; ${remedy}.`);
    throw new StoreFileError(file, `cannot be read (${code ?? String(err)})`, `Fix or remove it; ${remedy}.`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** From the file's first line (its meta), so listing does not parse every snapshot whole. */
async function snapshotInfo(file: string, name: string): Promise<SnapshotInfo | undefined> {
  let fh;
  try {
    fh = await open(file, 'r');
    const st = await fh.stat();
    if (!st.isFile()) return undefined;
    const buf = Buffer.alloc(Math.min(8192, st.size));
    await fh.read(buf, 0, buf.length, 0);
    const line = buf.toString('utf8').split('\n')[0] ?? '';
    const meta = line.startsWith('{"meta":') ? (JSON.parse(line.slice('{"meta":'.length, line.endsWith(',') ? -1 : undefined)) as { snapshot?: Partial<SnapshotInfo> }) : {};
    return { name, sessions: meta.snapshot?.sessions ?? 0, savedAt: meta.snapshot?.savedAt ?? st.mtime.toISOString(), bytes: st.size };
  } catch {
    return undefined;
  } finally {
    await fh?.close();
  }
}
