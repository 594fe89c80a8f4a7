import type { DurableDb } from './durable-db.js';
import type { JournalRecord } from './journal-reader.js';
import { listPage } from './list-page.js';
import { archiveCutoff, type SortFields } from './list-sessions.js';
import { SessionIndex } from './session-index.js';
import { ChangeListeners, checkEntry, deepFreeze, listAccounts, type ChangeListener, type PutResult, type SessionChange, type SessionRepository } from './session-repository.js';
import type { AccountScope, SessionPage, SessionQuery, StoredSession } from './session-store.js';

/**
 * The SessionRepository the mock serves from: the indexes (session-index.ts, list-page.ts) over
 * memory, every write journalled through DurableDb's group commit before it is applied.
 *
 * A write goes: check -> freeze -> journal line (put: the session; delete: its id) -> fdatasync
 * (shared with every write queued meanwhile) -> applied to the indexes in journal order -> change
 * events -> the caller's promise resolves. Nothing is visible before it is durable, and the
 * in-memory order of writes is the file's, so a restart replays exactly what was acknowledged.
 *
 * The wire writers' fragment cache (src/wire/fragment-cache.ts) keys on the frozen session object;
 * a put stores a new object, so a changed session can never be answered from the old one's bytes.
 */
/** From this many records in one group, removals go in one pass (SessionIndex.removeMany). */
const BULK_GROUP = 64;

export class FileSessionRepository implements SessionRepository {
  private readonly index = new SessionIndex();
  private readonly listeners = new ChangeListeners();
  /** Filled as each group is applied, so put/delete can answer what they replaced. */
  private readonly outcomes = new WeakMap<JournalRecord, StoredSession | undefined>();
  /** Ids with a put journalled but not yet applied, and how many. */
  private readonly pendingPuts = new Map<string, number>();

  constructor(
    private readonly db: DurableDb,
    private readonly sortFields: SortFields,
  ) {
    for (const entry of db.takeSessions(() => this.index.everything())) this.index.add(deepFreeze(entry));
  }

  /** DurableDb's onCommitted: applies one durable group, in order. */
  apply(records: readonly JournalRecord[]): void {
    // A large group naming each id once (a reset, a restore, a bulk delete, the start-up shift) takes its
    // sessions out of the index in one pass per list rather than a splice each; with no id twice, that is
    // the same as taking each out just before its own record.
    const removed = records.length >= BULK_GROUP ? this.removeAllOnce(records) : undefined;
    const takeOut = (id: string) => (removed ? removed.get(id) : this.index.remove(id));
    const changes: SessionChange[] = [];
    for (const record of records) {
      const id = 'put' in record ? (record.put.session.id as string) : record.deleted;
      const previous = takeOut(id);
      this.outcomes.set(record, previous);
      if ('put' in record) {
        this.index.add(record.put);
        changes.push(previous ? { kind: 'put', id, entry: record.put, previous } : { kind: 'put', id, entry: record.put });
      } else if (previous) {
        changes.push({ kind: 'delete', id, previous });
      }
    }
    for (const change of changes) this.listeners.emit(change);
  }

  /** Takes every id the group names out of the index at once; undefined when an id comes twice. */
  private removeAllOnce(records: readonly JournalRecord[]): Map<string, StoredSession> | undefined {
    const ids = new Set<string>();
    for (const record of records) {
      const id = 'put' in record ? (record.put.session.id as string) : record.deleted;
      if (ids.has(id)) return undefined;
      ids.add(id);
    }
    return new Map(this.index.removeMany(ids).map((e) => [e.session.id as string, e]));
  }

  get size(): number {
    return this.index.size;
  }

  get(id: string): StoredSession | undefined {
    return this.index.get(id);
  }

  list(query: SessionQuery, scope: AccountScope, now: Date): SessionPage {
    const accounts = listAccounts(query, scope, this.sortFields);
    const sources = accounts?.size === 0 ? { lists: [], guaranteed: {} } : this.index.sources(query, accounts);
    return listPage(sources, query, accounts, { archiveCutoff: archiveCutoff(now), sortFields: this.sortFields });
  }

  live(): readonly StoredSession[] {
    return this.index.activeSessions();
  }

  all(): readonly StoredSession[] {
    return this.index.everything();
  }

  async put(entry: StoredSession): Promise<PutResult> {
    const id = checkEntry(entry);
    const record: JournalRecord = { put: deepFreeze(entry) };
    this.pendingPuts.set(id, (this.pendingPuts.get(id) ?? 0) + 1);
    try {
      await this.db.append(record);
    } finally {
      const n = (this.pendingPuts.get(id) ?? 1) - 1;
      if (n > 0) this.pendingPuts.set(id, n);
      else this.pendingPuts.delete(id);
    }
    const previous = this.outcomes.get(record);
    return previous ? { entry, previous } : { entry };
  }

  async delete(id: string): Promise<StoredSession | undefined> {
    // Nothing to journal for an id that is neither stored nor about to be: a no-op stays off the disk.
    if (!this.index.has(id) && !this.pendingPuts.has(id)) return undefined;
    const record: JournalRecord = { deleted: id };
    await this.db.append(record);
    return this.outcomes.get(record);
  }

  onChange(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }
}
