import { constants, unwatchFile, watchFile, type Stats } from 'node:fs';
import { copyFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import { fsyncDir } from './atomic-file.js';
import { acquireLock } from './file-lock.js';
import { GroupCommitJournal } from './group-commit-journal.js';
import { JournaledFileAdapter, storeFiles, type RecoveryReport } from './journaled-adapter.js';
import { describeDropped, journalLine, type DroppedRecord, type JournalRecord } from './journal-reader.js';
import type { StoreData } from './store-data.js';
import type { StoredSession } from './session-store.js';
import { recordSeed } from './store-history.js';
import { writeWorldFile, type WorldExtras } from './world-file.js';
import { StoreFileError, StoreUnavailableError } from './store-errors.js';

export interface DurableDbOptions {
  readonly file: string;
  /** Fold the journal into the snapshot once it exceeds this many bytes (and the last snapshot's size). */
  readonly compactAfterBytes?: number;
  readonly onWarning?: (message: string) => void;
}

const DEFAULT_COMPACT_AFTER = 16 * 1024 * 1024;

/** lowdb's default data, kept only when there is no snapshot to read; open() reports that as undefined. */
const NO_DATA: StoreData = Object.freeze({
  meta: { format: 0, seed: 0, sessionCount: 0, now: '', nowFixed: false },
  customers: [],
  endpoints: [],
  agents: [],
  teams: [],
  sessions: [],
});

/**
 * The store on disk: a lowdb snapshot (db.json) plus an append-only journal (db.json.journal).
 *
 * Why a journal: a write (put or delete) must be on disk before it is acknowledged. Rewriting the whole snapshot
 * per write (or per group) makes every write cost O(store size); appending one JSON line and fdatasync
 * costs the same at 10 sessions or 100 000, and group commit shares one fsync among every write
 * that arrived meanwhile.
 *
 * Compaction folds the journal into a new snapshot (on close, and when the journal outgrows the
 * snapshot): between groups the journal is renamed to db.json.journal.compacting and a fresh one is
 * started, so writes carry on while the snapshot of everything committed so far is written
 * atomically; then the renamed journal is removed. Recovery reads all three in order, each record applied over the last (see journaled-adapter.ts).
 */
export class DurableDb {
  private compacting: Promise<void> | undefined;
  private compactingFileExists: boolean;
  private closing = false;
  /** The snapshot file as this process last read or wrote it; anything else there was written by someone else. */
  private ownSnapshot: FileIdentity | undefined;
  /** Set once the snapshot was found changed by another program: it is never overwritten after that. */
  private editedBehindOurBack = false;

  private constructor(
    readonly low: Low<StoreData>,
    private readonly adapter: JournaledFileAdapter,
    private readonly journal: GroupCommitJournal<JournalRecord>,
    private readonly release: () => Promise<void>,
    private readonly options: DurableDbOptions,
    readonly recovery: RecoveryReport,
  ) {
    this.compactingFileExists = recovery.compactingJournalFound;
  }

  /** The sessions as they stand now; compaction writes these. Set by whoever applies the records. */
  private currentSessions: () => readonly StoredSession[] = () => this.low.data.sessions;

  /**
   * Hands the sessions read at open to whoever applies the records from now on, and takes the way to
   * read the current ones back (compaction writes those). Its own copy is dropped: otherwise the
   * opening version of every session stays in memory for the whole run beside the current one.
   */
  takeSessions(current: () => readonly StoredSession[]): readonly StoredSession[] {
    const opened = this.low.data.sessions;
    this.low.data = { ...this.low.data, sessions: [] };
    this.currentSessions = current;
    return opened;
  }

  /**
   * Opens the store and replays its journal. Resolves to undefined when there is no snapshot yet
   * (the caller seeds one with writeFreshStore). `onCommitted` sees each group of records once it is
   * durable, in order, before their appends resolve; it must apply them to the caller's state, which
   * currentSessions then reflects.
   */
  static async open(options: DurableDbOptions, onCommitted: (records: JournalRecord[]) => void): Promise<DurableDb | undefined> {
    const adapter = new JournaledFileAdapter(options.file);
    const release = await acquireLock(adapter.files.lock, options.file);
    try {
      const low = new Low<StoreData>(adapter, NO_DATA);
      await low.read();
      const recovery = adapter.lastRecovery;
      if (low.data === NO_DATA || !recovery) {
        await release();
        return undefined;
      }
      for (const w of recovery.warnings) options.onWarning?.(w);
      // Never cut or drop a journal with records it could not read: a copy is kept aside first.
      await keepDamagedAside(adapter.files.journal, recovery.dropped.journal, options.onWarning);
      await keepDamagedAside(adapter.files.compacting, recovery.dropped.compacting, options.onWarning);
      let db: DurableDb | undefined;
      const journal = await GroupCommitJournal.open<JournalRecord>(adapter.files.journal, recovery.journalValidBytes, (records) => {
        onCommitted(records);
        db?.maybeCompact();
      });
      db = new DurableDb(low, adapter, journal, release, options, recovery);
      db.ownSnapshot = await identityOf(adapter.files.snapshot);
      db.watchSnapshot();
      // A compaction that died leaves its journal behind; folding it in now keeps "at most one
      // .compacting file, and only while compacting" true for the rest of the run.
      if (db.compactingFileExists) await db.compact();
      return db;
    } catch (err) {
      await release();
      throw err;
    }
  }

  get journalBytes(): number {
    return this.journal.bytes;
  }

  /** fdatasync'd groups so far. */
  get groups(): number {
    return this.journal.groups;
  }

  /** Journals one put or delete; resolves once it is on disk and applied (see open's onCommitted). */
  append(record: JournalRecord): Promise<void> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('The store is closing; no more sessions can be changed.'));
    return this.journal.append(journalLine(record), record);
  }

  /** Folds the journal into a new snapshot. Concurrent calls share one run. */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  /** Lets queued writes finish, compacts (unless the snapshot was edited by hand), and releases the files. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    unwatchFile(this.adapter.files.snapshot, this.onSnapshotStat);
    await this.journal.settle();
    await this.compacting?.catch(() => undefined);
    try {
      if ((this.journal.bytes > 0 || this.compactingFileExists) && (await this.snapshotIsOurs())) await this.compact();
    } finally {
      await this.journal.close();
      await this.release();
    }
  }

  /**
   * Whether the snapshot on disk is still this process's own. A file edited by another program
   * (by hand, say) is never overwritten: the first time one is seen the mock says so, and from then
   * on compaction stops; every write goes on into the journal, which a restart replays over the
   * edited file. json-server reloads its file instead; here the journal may hold acknowledged writes
   * the editor never saw, and merging them silently would hide which of the two won.
   */
  async snapshotIsOurs(): Promise<boolean> {
    if (this.editedBehindOurBack) return false;
    const now = await identityOf(this.adapter.files.snapshot);
    if (sameIdentity(now, this.ownSnapshot)) return true;
    this.editedBehindOurBack = true;
    const files = this.adapter.files;
    this.options.onWarning?.(
      `${files.snapshot} was changed by another program while evo-mock had it open; evo-mock will not overwrite it. ` +
        `Changes made through the API keep going to ${files.journal}. Restart evo-mock to serve your edit (the journal is then replayed over it, ` +
        `so a session changed both ways ends as the API left it), or stop evo-mock first next time you edit the file.`,
    );
    return false;
  }

  /** Notices an edit as it happens (polling, cheap and unref'd), so the message comes when the user saves, not at the next compaction. */
  private watchSnapshot(): void {
    watchFile(this.adapter.files.snapshot, { interval: SNAPSHOT_POLL_MS, persistent: false }, this.onSnapshotStat);
  }

  private readonly onSnapshotStat = (current: Stats): void => {
    if (this.closing || this.editedBehindOurBack || this.compacting) return;
    if (sameIdentity(identityOfStats(current), this.ownSnapshot)) return;
    void this.snapshotIsOurs().catch(() => undefined);
  };

  private maybeCompact(): void {
    const limit = Math.max(this.options.compactAfterBytes ?? DEFAULT_COMPACT_AFTER, this.adapter.lastSnapshotBytes);
    if (this.compacting || this.closing || this.editedBehindOurBack || this.journal.bytes <= limit) return;
    this.compact().catch((err: unknown) => {
      this.options.onWarning?.(`Compacting ${this.options.file} failed; the journal keeps every session and the next compaction retries: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  private async runCompaction(): Promise<void> {
    const files = this.adapter.files;
    if (this.compactingFileExists) {
      // The journal cannot be renamed onto an existing .compacting file, so this rarer path writes the
      // snapshot with appends held back, then drops both journals.
      await this.journal.exclusive(async () => {
        if (!(await this.snapshotIsOurs())) return;
        await this.writeSnapshot(this.view());
        await unlink(files.compacting).catch(ignoreMissing);
        await this.journal.reset();
        await fsyncDir(path.dirname(files.snapshot));
        this.compactingFileExists = false;
      });
      return;
    }
    const view = await this.journal.exclusive(async () => {
      if (this.journal.bytes === 0 || !(await this.snapshotIsOurs())) return undefined;
      await this.journal.rotate(files.compacting);
      this.compactingFileExists = true;
      return this.view();
    });
    if (!view) return;
    await this.writeSnapshot(view);
    await unlink(files.compacting).catch(ignoreMissing);
    await fsyncDir(path.dirname(files.snapshot));
    this.compactingFileExists = false;
  }

  private async writeSnapshot(data: StoreData): Promise<void> {
    await this.adapter.write(data);
    this.ownSnapshot = await identityOf(this.adapter.files.snapshot);
  }

  /** The data as committed right now; later writes go to the fresh journal, not into this copy. */
  view(): StoreData {
    return { ...this.low.data, sessions: this.currentSessions().slice() };
  }
}

/**
 * Replaces whatever store is at `file` with `data` (seeding, --reset): the snapshot atomically, a copy
 * of it as the seeded state (db.json.seed, what POST /__admin/reset returns to), the seed's world
 * (db.json.world, what scenarios draw on), then the journals,
 * which belonged to the old data. Refuses while another process has the store open.
 */
export async function writeFreshStore(file: string, data: StoreData, world?: WorldExtras): Promise<number> {
  const files = storeFiles(file);
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const release = await acquireLock(files.lock, file);
  try {
    await refuseOrphanJournal(files);
    const adapter = new JournaledFileAdapter(file);
    await adapter.write(data);
    await recordSeed(file);
    if (world) await writeWorldFile(files.world, world);
    else await unlink(files.world).catch(ignoreMissing);
    await unlink(files.journal).catch(ignoreMissing);
    await unlink(files.compacting).catch(ignoreMissing);
    await fsyncDir(path.dirname(path.resolve(file)));
    return adapter.lastSnapshotBytes;
  } finally {
    await release();
  }
}

/**
 * A journal without its snapshot holds acknowledged writes that nothing else has: seeding a new
 * store would delete them. Refused, naming both files (with a snapshot beside it, seeding is a reset
 * the user asked for, and the journal belongs to the data being replaced).
 */
async function refuseOrphanJournal(files: ReturnType<typeof storeFiles>): Promise<void> {
  if (await stat(files.snapshot).then(() => true, () => false)) return;
  for (const journal of [files.journal, files.compacting]) {
    const bytes = await stat(journal).then((s) => s.size, () => 0);
    if (bytes > 0) {
      throw new StoreFileError(
        journal,
        `holds ${bytes} bytes of acknowledged writes, but ${files.snapshot} (the snapshot they apply to) is missing, so a new store will not be seeded over them`,
        `Put ${files.snapshot} back (${files.seed} holds the seeded state; a copy of the store works too) and start again, or move ${journal} aside to start from a new seed.`,
      );
    }
  }
}

/**
 * Copies a journal that held unreadable records to FILE.damaged-TIME before recovery cuts its tail
 * (or folds it away), and says what was dropped. A torn last group is what a crash leaves and was
 * never acknowledged; anything else means the file was damaged, and the copy is what is left of it.
 */
async function keepDamagedAside(file: string, dropped: readonly DroppedRecord[], warn: ((message: string) => void) | undefined): Promise<void> {
  if (dropped.length === 0) return;
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await copyFile(file, aside, constants.COPYFILE_EXCL);
  await fsyncDir(path.dirname(file));
  const tailOnly = dropped.every((d) => d.atTail);
  warn?.(
    `${file}: dropped ${describeDropped(dropped)} that could not be read; ` +
      (tailOnly ? 'they were the last writes, cut off when the process stopped, and were never acknowledged. ' : 'the file was damaged (records in the middle are unreadable). ') +
      `The journal as it was is kept in ${aside}; every other record was recovered.`,
  );
}

/** How often the snapshot is looked at for edits by other programs. */
const SNAPSHOT_POLL_MS = 2_000;

interface FileIdentity {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

async function identityOf(file: string): Promise<FileIdentity | undefined> {
  return stat(file).then(identityOfStats, () => undefined);
}

function identityOfStats(s: Stats): FileIdentity | undefined {
  // watchFile reports a missing file as all zeros.
  return s.ino === 0 && s.size === 0 && s.mtimeMs === 0 ? undefined : { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
}

function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs);
}

function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
}
