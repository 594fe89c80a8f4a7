import type { AccountScope, SessionPage, SessionQuery, StoredSession } from './session-store.js';
import { checkSessionQuery, type SortFields } from './list-sessions.js';
import { effectiveAccounts } from './session-index.js';
import { SessionQueryError, StoreInputError } from './store-errors.js';

/**
 * The sessions' seam: where every session lives, and the only way to change one.
 *
 * Reads are synchronous over memory. Writes are `put` (create or replace a whole session) and
 * `delete`; each resolves only once it is durable, and is visible to reads from that moment (not
 * before: a reader never sees a write that a crash could still take back). Writes apply in the
 * order they were called; between two writes of one id the later wins.
 *
 * What is not here, on purpose: the account records (customers, endpoints, agents, teams: see
 * account-records.ts), the clock (the store's now(); `list` takes the moment it answers for, so the
 * archive boundary is the caller's), scope checks beyond `list` (get answers any account), and
 * validation of a session against the spec (the admin API does that; the seam only insists on the
 * fields it indexes: id, accountId, dateCreated as toISOString() writes it).
 *
 * Two implementations: MemorySessionRepository (memory-session-repository.ts), the plain reference
 * (filter, sort, slice), and FileSessionRepository (file-session-repository.ts), indexed and
 * journalled on disk. test/store/repository-conformance.test.ts runs the same random sequences of
 * put, delete and list against both and requires identical answers.
 *
 * Who uses it: the public operations (through SessionStore), the admin data API
 * (GET/PUT/PATCH/DELETE /__admin/sessions), scenarios, reset and snapshots, and anything that moves
 * sessions on a clock (read with get/live, write with put, hear others' writes with onChange).
 */
export interface SessionRepository {
  /** The session with this id, in any account; undefined when there is none. */
  get(id: string): StoredSession | undefined;
  /**
   * One ListSessions page within `scope`, sessions before `now` minus 15 days counting as archived.
   * Throws SessionQueryError for a query checkSessionQuery rejects.
   */
  list(query: SessionQuery, scope: AccountScope, now: Date): SessionPage;
  /** Sessions not ended (ended !== true) in every account, oldest first (by dateCreated, then id). */
  live(): readonly StoredSession[];
  /** Every session, oldest first (by dateCreated, then id). */
  all(): readonly StoredSession[];
  /** How many sessions are stored. */
  readonly size: number;
  /**
   * Stores the whole session under its id, replacing any session with that id (create or replace).
   * Resolves once durable, with what it replaced. The entry is frozen from then on: copy to change.
   */
  put(entry: StoredSession): Promise<PutResult>;
  /** Removes the session; resolves once durable, with what was removed (undefined: there was none). */
  delete(id: string): Promise<StoredSession | undefined>;
  /**
   * Calls `listener` after each write is applied, in order, before the write's promise resolves;
   * returns the function that stops it. A listener must not throw, and must not await before reading:
   * what it is told is the state right after that change.
   */
  onChange(listener: ChangeListener): () => void;
}

export interface PutResult {
  readonly entry: StoredSession;
  /** The version it replaced; undefined when the put created the session. */
  readonly previous?: StoredSession;
}

/** One applied write. `previous` is the version before it (a put that created has none). */
export type SessionChange =
  | { readonly kind: 'put'; readonly id: string; readonly entry: StoredSession; readonly previous?: StoredSession }
  | { readonly kind: 'delete'; readonly id: string; readonly previous: StoredSession };

export type ChangeListener = (change: SessionChange) => void;

/** Listeners of one repository; each write's changes go to each, in order. */
export class ChangeListeners {
  private readonly listeners = new Set<ChangeListener>();

  add(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change: SessionChange): void {
    for (const l of this.listeners) l(change);
  }
}

/** dateCreated must sort as text and cut as a UTC day, so the store takes exactly Date#toISOString()'s form. */
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The fields every implementation indexes or filters on; answers the id. Throws StoreInputError. */
export function checkEntry(entry: StoredSession): string {
  const s = entry?.session;
  if (!s || typeof s !== 'object') throw new StoreInputError('A stored session needs a "session" object.');
  if (typeof s.id !== 'string' || s.id === '') throw new StoreInputError('A session needs an id.');
  if (typeof s.accountId !== 'string' || s.accountId === '') throw new StoreInputError(`Session '${s.id}' needs an accountId.`);
  if (typeof s.dateCreated !== 'string' || !ISO_UTC_MS.test(s.dateCreated)) {
    throw new StoreInputError(`Session '${s.id}' needs dateCreated as new Date().toISOString() writes it (e.g. 2026-11-20T14:03:07.123Z), not '${String(s.dateCreated)}'.`);
  }
  if (entry.parentSessionId !== undefined && typeof entry.parentSessionId !== 'string') throw new StoreInputError('parentSessionId must be a string.');
  return s.id;
}

/**
 * Frozen all the way down: stored sessions are shared with every reader (no copy per request), and
 * the wire writers cache the bytes of frozen values (src/wire/fragment-cache.ts). To change one,
 * build a new object and put it.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Indexes and for-in rather than Object.values: no array per object for 10 000 sessions at start-up.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * What every list() starts with: the query checked (SessionQueryError when it cannot be answered)
 * and the accounts it may see (effectiveAccounts; undefined for every account).
 */
export function listAccounts(query: SessionQuery, scope: AccountScope, sortFields: SortFields): ReadonlySet<string> | undefined {
  const problems = checkSessionQuery(query, sortFields);
  if (problems.length > 0) throw new SessionQueryError(problems);
  return effectiveAccounts(query.accountIds, scope);
}
