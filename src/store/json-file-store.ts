import type { SessionInfo } from '../generated/dtos.js';
import { Directory, reaches } from './directory.js';
import { DurableDb } from './durable-db.js';
import { listPage } from './list-page.js';
import { archiveCutoff, checkSessionQuery, type QueryProblem, type SortFields } from './list-sessions.js';
import { effectiveAccounts, SessionIndex } from './session-index.js';
import type { AccountScope, CustomerView, SessionPage, SessionQuery, SessionStore, StoredSession } from './session-store.js';
import type { AgentRecord, EndpointRecord, StoreMeta, TeamRecord } from './store-data.js';
import { SessionQueryError, StoreInputError } from './store-errors.js';

export interface OpenStoreOptions {
  /** The snapshot file; the journal and lock sit beside it. */
  readonly file: string;
  /** SessionInfo's properties, for sortField (see session-fields.ts). */
  readonly sortFields: SortFields;
  /** Start the clock here (--now). Default: the seed's --now if it had one, else the wall clock. */
  readonly now?: Date;
  /** Replaces the clock entirely (tests). */
  readonly clock?: () => Date;
  readonly compactAfterBytes?: number;
  readonly onWarning?: (message: string) => void;
}

/** dateCreated must sort as text and cut as a UTC day, so the store takes exactly Date#toISOString()'s form. */
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The SessionStore on a lowdb file with a journal (see durable-db.ts for the durability design).
 * Reads run over in-memory indexes; a create is visible once it is durable. Sessions are frozen when
 * stored: callers get the stored objects, and must copy to change them (the GetSession quirk, say).
 */
export class JsonFileStore implements SessionStore {
  private readonly pendingIds = new Set<string>();

  private constructor(
    private readonly db: DurableDb,
    private readonly index: SessionIndex,
    private readonly directory: Directory,
    private readonly sortFields: SortFields,
    private readonly clock: () => Date,
  ) {}

  /** Opens an existing store; undefined when the file does not exist yet (seed it first). */
  static async open(options: OpenStoreOptions): Promise<JsonFileStore | undefined> {
    const index = new SessionIndex();
    const db = await DurableDb.open(
      { file: options.file, ...(options.compactAfterBytes !== undefined ? { compactAfterBytes: options.compactAfterBytes } : {}), ...(options.onWarning ? { onWarning: options.onWarning } : {}) },
      (entries) => entries.forEach((e) => index.add(e)),
    );
    if (!db) return undefined;
    for (const entry of db.low.data.sessions) index.add(deepFreeze(entry));
    const clock = options.clock ?? clockFor(options.now, db.low.data.meta);
    return new JsonFileStore(db, index, new Directory(db.low.data), options.sortFields, clock);
  }

  get meta(): StoreMeta {
    return this.db.low.data.meta;
  }

  /** Figures for logs and tests: sessions held, journal size, fsync'd groups. */
  get stats(): { readonly sessions: number; readonly journalBytes: number; readonly groups: number } {
    return { sessions: this.index.size, journalBytes: this.db.journalBytes, groups: this.db.groups };
  }

  now(): Date {
    return this.clock();
  }

  checkQuery(query: SessionQuery): readonly QueryProblem[] {
    return checkSessionQuery(query, this.sortFields);
  }

  list(query: SessionQuery, scope: AccountScope): SessionPage {
    const problems = this.checkQuery(query);
    if (problems.length > 0) throw new SessionQueryError(problems);
    const accounts = effectiveAccounts(query.accountIds, scope);
    const sources = accounts?.size === 0 ? { lists: [], guaranteed: {} } : this.index.sources(query, accounts);
    return listPage(sources, query, accounts, { archiveCutoff: archiveCutoff(this.clock()), sortFields: this.sortFields });
  }

  get(id: string, scope: AccountScope): SessionInfo | undefined {
    const e = this.index.get(id);
    return e && reaches(scope, e.session.accountId) ? e.session : undefined;
  }

  exists(id: string, scope: AccountScope): boolean {
    return this.get(id, scope) !== undefined;
  }

  active(scope: AccountScope): readonly SessionInfo[] {
    return newestFirst(this.index.activeSessions(), (s) => reaches(scope, s.accountId));
  }

  mine(user: { readonly id: string; readonly endpointId: string }, scope: AccountScope): readonly SessionInfo[] {
    return newestFirst(
      this.index.activeSessions(),
      (s) =>
        reaches(scope, s.accountId) &&
        (s.endpointId === user.endpointId || (s.members ?? []).some((m) => m.endpointId === user.endpointId || m.identity === user.id)),
    );
  }

  async create(entry: StoredSession): Promise<SessionInfo> {
    const id = checkNew(entry);
    if (this.index.has(id) || this.pendingIds.has(id)) throw new StoreInputError(`A session with id '${id}' already exists; give the new session a fresh id.`);
    this.pendingIds.add(id);
    try {
      await this.db.append(deepFreeze(entry));
    } finally {
      this.pendingIds.delete(id);
    }
    return entry.session;
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Folds the journal into the snapshot now (the store also does this by itself). */
  compact(): Promise<void> {
    return this.db.compact();
  }

  customer(id: string, scope: AccountScope): CustomerView | undefined {
    return this.directory.customer(id, scope);
  }

  endpoint(id: string, scope: AccountScope): EndpointRecord | undefined {
    return this.directory.endpoint(id, scope);
  }

  agent(id: string, scope: AccountScope): AgentRecord | undefined {
    return this.directory.agent(id, scope);
  }

  agentByEmail(emailAddress: string, scope: AccountScope): AgentRecord | undefined {
    return this.directory.agentByEmail(emailAddress, scope);
  }

  team(id: string, scope: AccountScope): TeamRecord | undefined {
    return this.directory.team(id, scope);
  }
}

/**
 * With a fixed reference time the clock starts there on every open and runs at wall-clock speed, so
 * a seeded world keeps its archive boundary (deterministic for QA) while new sessions still get
 * increasing dates. Without one, the real server's wall clock.
 */
export function clockFor(now: Date | undefined, meta: StoreMeta): () => Date {
  const start = now ?? (meta.nowFixed ? new Date(meta.now) : undefined);
  if (!start) return () => new Date();
  const origin = performance.now();
  const base = start.getTime();
  return () => new Date(base + Math.floor(performance.now() - origin));
}

function checkNew(entry: StoredSession): string {
  const s = entry?.session;
  if (!s || typeof s !== 'object') throw new StoreInputError('A stored session needs a "session" object.');
  if (typeof s.id !== 'string' || s.id === '') throw new StoreInputError('A new session needs an id.');
  if (typeof s.accountId !== 'string' || s.accountId === '') throw new StoreInputError(`Session '${s.id}' needs an accountId.`);
  if (typeof s.dateCreated !== 'string' || !ISO_UTC_MS.test(s.dateCreated)) {
    throw new StoreInputError(`Session '${s.id}' needs dateCreated as new Date().toISOString() writes it (e.g. 2026-11-20T14:03:07.123Z), not '${String(s.dateCreated)}'.`);
  }
  if (entry.parentSessionId !== undefined && typeof entry.parentSessionId !== 'string') throw new StoreInputError('parentSessionId must be a string.');
  return s.id;
}

function newestFirst(list: readonly StoredSession[], keep: (s: SessionInfo) => boolean): SessionInfo[] {
  const out: SessionInfo[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const s = (list[i] as StoredSession).session;
    if (keep(s)) out.push(s);
  }
  return out;
}

/** Frozen all the way down, which also lets the wire writers cache their bytes (src/wire/fragment-cache.ts). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Indexes and for-in rather than Object.values: no array per object for 10 000 sessions at start-up.
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
