import type { CustomerBreadcrumb, SessionInfo } from '../generated/dtos.js';
import type { QueryProblem } from './list-sessions.js';
import type { SessionRepository } from './session-repository.js';
import type { StoreHistory } from './store-history.js';
import type { AccountRecordLists, AgentRecord, CustomerRecord, EndpointRecord, TeamRecord } from './store-data.js';
import type { WorldExtras } from './world-file.js';

export type { QueryProblem } from './list-sessions.js';
export type { AgentRecord, CustomerRecord, EndpointRecord, TeamRecord } from './store-data.js';

/**
 * A stored session: the SessionInfo the API returns plus the facts the API filters on but does not
 * return (SessionInfo has no parentSessionId, yet ListSessions filters by it).
 */
export interface StoredSession {
  readonly session: SessionInfo;
  readonly parentSessionId?: string;
}

/** Which accounts a caller reaches; 'all' for system administrators. */
export type AccountScope = ReadonlySet<string> | 'all';

export type SortOrder = 'Ascend' | 'Descend';

/** ListSessions after binding and validation: every list already split, every default applied. */
export interface SessionQuery {
  readonly page: number;
  readonly countPerPage: number;
  readonly all: boolean;
  readonly simplifiedPaging: boolean;
  readonly specificIds: readonly string[];
  readonly sortField?: string;
  /**
   * Leave it undefined when the request has none: without sortField the default is newest first,
   * with sortField it is Ascend (the .NET default). Binding 'Ascend' for a missing sortOrder would
   * turn the default call log oldest-first.
   */
  readonly sortOrder?: SortOrder;
  readonly accountIds: readonly string[];
  readonly customerIds: readonly string[];
  readonly endpointIds: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly log?: string;
  readonly parentSessionId?: string;
  /** YYYY-MM-DD, inclusive. */
  readonly startDate?: string;
  /** YYYY-MM-DD, inclusive. */
  readonly endDate?: string;
  readonly searchArchive: boolean;
}

export interface SessionPage {
  readonly items: readonly SessionInfo[];
  readonly totalCount: number;
  readonly totalPages: number;
  readonly hasMorePages: boolean;
}

/**
 * What the server runs on: the sessions (the SessionRepository seam, through which every change
 * goes), the account records beside them, and the clock, with the scope checks of the public operations
 * on top. Reads are synchronous over memory; writes resolve once durable.
 */
export interface SessionStore {
  /** The mutable sessions: get, list, live, put (create or replace), delete, onChange. See session-repository.ts. */
  readonly sessions: SessionRepository;
  /** The seeded state (reset) and named snapshots. */
  readonly history: StoreHistory;
  /** Each account's callers and queues, for scenarios; undefined for a store an earlier evo-mock wrote. */
  readonly world: WorldExtras | undefined;
  /** The account records as stored, in the seed's order. */
  records(): AccountRecordLists;
  list(query: SessionQuery, scope: AccountScope): SessionPage;
  get(id: string, scope: AccountScope): SessionInfo | undefined;
  /** Sessions not ended in the reachable accounts (GetActiveSessions). */
  active(scope: AccountScope): readonly SessionInfo[];
  /** Sessions not ended where the user is a member or owns the session's endpoint (GetMySessions). */
  mine(user: { readonly id: string; readonly endpointId: string }, scope: AccountScope): readonly SessionInfo[];
  exists(id: string, scope: AccountScope): boolean;
  /** Creates a session whose id is not taken (StoreInputError otherwise); resolves once on disk. */
  create(entry: StoredSession): Promise<SessionInfo>;
  /** Flushes pending writes and releases the file. */
  close(): Promise<void>;

  /** What in a bound query cannot be answered (an unknown sortField, a bad date...); empty when fine. list() throws SessionQueryError otherwise. */
  checkQuery(query: SessionQuery): readonly QueryProblem[];
  /** The store's clock. Stamp new sessions' dates with it, so they and the archive boundary agree. */
  now(): Date;
  /** A customer the caller reaches, with its breadcrumb (root first, the customer last): NewSession's customerId. */
  customer(id: string, scope: AccountScope): CustomerView | undefined;
  endpoint(id: string, scope: AccountScope): EndpointRecord | undefined;
  /** Someone who takes calls (every fixture user with the User role, plus generated staff): withAddress `user:ID`. */
  agent(id: string, scope: AccountScope): AgentRecord | undefined;
  /** By email address, case-insensitive: memberEmailAddresses. */
  agentByEmail(emailAddress: string, scope: AccountScope): AgentRecord | undefined;
  /** withAddress `team:ID`; its agentIds resolve through agent(). */
  team(id: string, scope: AccountScope): TeamRecord | undefined;
}

export interface CustomerView extends CustomerRecord {
  readonly breadcrumb: readonly CustomerBreadcrumb[];
}
