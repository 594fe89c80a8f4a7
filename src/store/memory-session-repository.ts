import { archiveCutoff, listSessions, type SortFields } from './list-sessions.js';
import { compareStored } from './session-index.js';
import { ChangeListeners, checkEntry, deepFreeze, listAccounts, type ChangeListener, type PutResult, type SessionRepository } from './session-repository.js';
import type { AccountScope, SessionPage, SessionQuery, StoredSession } from './session-store.js';

/**
 * The reference SessionRepository: a Map, and every list a filter, a sort and a slice
 * (listSessions). No index, no cache, no disk. It defines what the fast one must answer; the
 * conformance test holds FileSessionRepository to it. Also fine for tests that need no file.
 */
export class MemorySessionRepository implements SessionRepository {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly listeners = new ChangeListeners();

  constructor(private readonly sortFields: SortFields, initial: readonly StoredSession[] = []) {
    for (const e of initial) this.sessions.set(checkEntry(e), e);
  }

  get size(): number {
    return this.sessions.size;
  }

  get(id: string): StoredSession | undefined {
    return this.sessions.get(id);
  }

  list(query: SessionQuery, scope: AccountScope, now: Date): SessionPage {
    const accounts = listAccounts(query, scope, this.sortFields);
    const ctx = { archiveCutoff: archiveCutoff(now), sortFields: this.sortFields };
    return listSessions({ list: [...this.sessions.values()], sorted: false }, query, accounts, ctx);
  }

  live(): readonly StoredSession[] {
    return this.all().filter((e) => e.session.ended !== true);
  }

  all(): readonly StoredSession[] {
    return [...this.sessions.values()].sort(compareStored);
  }

  async put(entry: StoredSession): Promise<PutResult> {
    const id = checkEntry(entry);
    const previous = this.sessions.get(id);
    this.sessions.set(id, deepFreeze(entry));
    this.listeners.emit(previous ? { kind: 'put', id, entry, previous } : { kind: 'put', id, entry });
    return previous ? { entry, previous } : { entry };
  }

  async delete(id: string): Promise<StoredSession | undefined> {
    const previous = this.sessions.get(id);
    if (!previous) return undefined;
    this.sessions.delete(id);
    this.listeners.emit({ kind: 'delete', id, previous });
    return previous;
  }

  onChange(listener: ChangeListener): () => void {
    return this.listeners.add(listener);
  }
}
