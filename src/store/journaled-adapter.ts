import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomic-file.js';
import { readJournal, type DroppedRecord } from './journal-reader.js';
import { snapshotChunks } from './snapshot-format.js';
import { readSnapshotFile } from './snapshot-reader.js';
import type { StoreData } from './store-data.js';
import type { StoredSession } from './session-store.js';
import { StoreFileError } from './store-errors.js';

/** The files of one store: the snapshot and the journals beside it. */
export function storeFiles(file: string) {
  return {
    snapshot: file,
    journal: `${file}.journal`,
    /** The journal being folded into a new snapshot; exists only while a compaction runs (or after it died). */
    compacting: `${file}.journal.compacting`,
    lock: `${file}.lock`,
    /** The state the store was seeded with: what POST /__admin/reset returns to. */
    seed: `${file}.seed`,
    /** Each account's callers and queues, for scenarios (see world-file.ts). */
    world: `${file}.world`,
    /** Named snapshots (POST /__admin/snapshots), NAME.json each. */
    snapshots: `${file}.snapshots`,
  } as const;
}

export interface RecoveryReport {
  /** Where the journal's good lines end; appending starts there. */
  readonly journalValidBytes: number;
  readonly tornBytes: number;
  /** Journal records applied over the snapshot (puts and deletes). */
  readonly replayed: number;
  readonly compactingJournalFound: boolean;
  /** Unreadable records of the live journal and of a compaction's journal, for keeping those files aside. */
  readonly dropped: { readonly journal: readonly DroppedRecord[]; readonly compacting: readonly DroppedRecord[] };
  readonly warnings: readonly string[];
}

/**
 * lowdb's seam for the store's format. read() is recovery: the snapshot, then the journal that a
 * compaction was folding in when it stopped (if any), then the live journal, every record in file
 * order (a put replaces, a delete removes; the last write of an id wins). Replaying a journal over a
 * snapshot that already holds it changes nothing, so a crash between a snapshot's rename and the old
 * journal's removal is harmless. write()
 * replaces the snapshot atomically; appends go through the GroupCommitJournal, not lowdb, since
 * lowdb's write() means "the whole data".
 */
export class JournaledFileAdapter implements Adapter<StoreData> {
  readonly files: ReturnType<typeof storeFiles>;
  lastRecovery: RecoveryReport | undefined;
  lastSnapshotBytes = 0;

  constructor(file: string) {
    this.files = storeFiles(file);
  }

  async read(): Promise<StoreData | null> {
    let snapshot: Awaited<ReturnType<typeof readSnapshotFile>>;
    try {
      snapshot = await readSnapshotFile(this.files.snapshot);
    } catch (err) {
      if (err instanceof StoreFileError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new StoreFileError(this.files.snapshot, `cannot be read (${code ?? String(err)})`, `It must be the store's snapshot file; move whatever is there aside (${this.files.seed} holds the seeded state).`);
    }
    this.lastSnapshotBytes = snapshot.bytes;
    const { data } = snapshot;
    const older = await readJournal(this.files.compacting);
    const live = await readJournal(this.files.journal);
    const sessions = new Map<string, StoredSession>();
    for (const e of data.sessions) sessions.set(e.session.id as string, e);
    let replayed = 0;
    for (const record of [...older.entries, ...live.entries]) {
      if ('put' in record) sessions.set(record.put.session.id as string, record.put);
      else sessions.delete(record.deleted);
      replayed++;
    }
    (data as { sessions: readonly StoredSession[] }).sessions = [...sessions.values()];
    this.lastRecovery = {
      journalValidBytes: live.validBytes,
      tornBytes: older.tornBytes + live.tornBytes,
      replayed,
      compactingJournalFound: older.validBytes > 0 || older.tornBytes > 0,
      dropped: { journal: live.dropped, compacting: older.dropped },
      warnings: [...older.warnings, ...live.warnings],
    };
    return data;
  }

  async write(data: StoreData): Promise<void> {
    this.lastSnapshotBytes = await writeFileAtomic(this.files.snapshot, snapshotChunks(data));
  }
}
