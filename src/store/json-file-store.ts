import type { SessionInfo } from '../generated/dtos.js';
import { AccountRecords, reaches } from './account-records.js';
import { DurableDb } from './durable-db.js';
import { FileSessionRepository } from './file-session-repository.js';
import { checkSessionQuery, type QueryProblem, type SortFields } from './list-sessions.js';
import { checkEntry } from './session-repository.js';
import { storeFiles } from './journaled-adapter.js';
import { StoreHistory } from './store-history.js';
import { readWorldFile, type WorldExtras } from './world-file.js';
import type { AccountScope, CustomerView, SessionPage, SessionQuery, SessionStore, StoredSession } from './session-store.js';
import type { AccountRecordLists, AgentRecord, EndpointRecord, StoreMeta, TeamRecord } from './store-data.js';
import { StoreInputError } from './store-errors.js';

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

/**
 * The SessionStore on a lowdb file with a journal (see durable-db.ts for the durability design):
 * the sessions (FileSessionRepository, the seam every change goes through), the account records beside
 * them, and the clock, with the scope checks the public operations need on top. Sessions are frozen
 * when stored: callers get the stored objects, and must copy to change them (the GetSession quirk).
 */
export class JsonFileStore implements SessionStore {
  private readonly pendingIds = new Set<string>();
  /** Reset and snapshots: whole states the sessions can be brought back to. */
  readonly history: StoreHistory;

  private constructor(
    private readonly db: DurableDb,
    readonly sessions: FileSessionRepository,
    readonly accountRecords: AccountRecords,
    private readonly sortFields: SortFields,
    private readonly clock: () => Date,
    file: string,
    private worldExtras: WorldExtras | undefined,
  ) {
    this.history = new StoreHistory(file, sessions, () => db.view());
  }

  /** Opens an existing store; undefined when the file does not exist yet (seed it first). */
  static async open(options: OpenStoreOptions): Promise<JsonFileStore | undefined> {
    let sessions: FileSessionRepository | undefined;
    const db = await DurableDb.open(
      { file: options.file, ...(options.compactAfterBytes !== undefined ? { compactAfterBytes: options.compactAfterBytes } : {}), ...(options.onWarning ? { onWarning: options.onWarning } : {}) },
      (records) => sessions?.apply(records),
    );
    if (!db) return undefined;
    sessions = new FileSessionRepository(db, options.sortFields);
    const clock = options.clock ?? clockFor(options.now, db.low.data.meta);
    const world = await readWorldFile(storeFiles(options.file).world);
    return new JsonFileStore(db, sessions, new AccountRecords(db.low.data), options.sortFields, clock, options.file, world);
  }

  get meta(): StoreMeta {
    return this.db.low.data.meta;
  }

  /** Each account's callers and queues (db.json.world); undefined for a store an earlier evo-mock wrote. */
  get world(): WorldExtras | undefined {
    return this.worldExtras;
  }

  /** Takes the world a migration has just written beside the store (see src/seed/migrate-store.ts). */
  adoptWorld(world: WorldExtras): void {
    this.worldExtras = world;
  }

  /** The account records as stored (customers, endpoints, agents, teams), in the seed's order. */
  records(): AccountRecordLists {
    return this.db.low.data;
  }

  /** Figures for logs and tests: sessions held, journal size, fsync'd groups. */
  get stats(): { readonly sessions: number; readonly journalBytes: number; readonly groups: number } {
    return { sessions: this.sessions.size, journalBytes: this.db.journalBytes, groups: this.db.groups };
  }

  now(): Date {
    return this.clock();
  }

  checkQuery(query: SessionQuery): readonly QueryProblem[] {
    return checkSessionQuery(query, this.sortFields);
  }

  list(query: SessionQuery, scope: AccountScope): SessionPage {
    return this.sessions.list(query, scope, this.clock());
  }

  get(id: string, scope: AccountScope): SessionInfo | undefined {
    const e = this.sessions.get(id);
    return e && reaches(scope, e.session.accountId) ? e.session : undefined;
  }

  exists(id: string, scope: AccountScope): boolean {
    return this.get(id, scope) !== undefined;
  }

  active(scope: AccountScope): readonly SessionInfo[] {
    return newestFirst(this.sessions.live(), (s) => reaches(scope, s.accountId));
  }

  mine(user: { readonly id: string; readonly endpointId: string }, scope: AccountScope): readonly SessionInfo[] {
    return newestFirst(
      this.sessions.live(),
      (s) =>
        reaches(scope, s.accountId) &&
        (s.endpointId === user.endpointId || (s.members ?? []).some((m) => m.endpointId === user.endpointId || m.identity === user.id)),
    );
  }

  async create(entry: StoredSession): Promise<SessionInfo> {
    const id = checkEntry(entry);
    if (this.sessions.get(id) || this.pendingIds.has(id)) throw new StoreInputError(`A session with id '${id}' already exists; give the new session a fresh id.`);
    this.pendingIds.add(id);
    try {
      await this.sessions.put(entry);
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
    return this.accountRecords.customer(id, scope);
  }

  endpoint(id: string, scope: AccountScope): EndpointRecord | undefined {
    return this.accountRecords.endpoint(id, scope);
  }

  agent(id: string, scope: AccountScope): AgentRecord | undefined {
    return this.accountRecords.agent(id, scope);
  }

  agentByEmail(emailAddress: string, scope: AccountScope): AgentRecord | undefined {
    return this.accountRecords.agentByEmail(emailAddress, scope);
  }

  team(id: string, scope: AccountScope): TeamRecord | undefined {
    return this.accountRecords.team(id, scope);
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

function newestFirst(list: readonly StoredSession[], keep: (s: SessionInfo) => boolean): SessionInfo[] {
  const out: SessionInfo[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const s = (list[i] as StoredSession).session;
    if (keep(s)) out.push(s);
  }
  return out;
}
