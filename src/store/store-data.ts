import type { StoredSession } from './session-store.js';

/**
 * The records the sessions reference, as stored (account-records.ts looks them up within a scope).
 * The seed writes them with the sessions, so NewSession can check a customerId or resolve
 * `user:ID` / `team:ID` against the same file.
 */
export interface AccountRecordLists {
  readonly customers: readonly CustomerRecord[];
  readonly endpoints: readonly EndpointRecord[];
  readonly agents: readonly AgentRecord[];
  readonly teams: readonly TeamRecord[];
}

/** What the db file holds: the account records and the sessions beside them. */
export interface StoreData extends AccountRecordLists {
  readonly meta: StoreMeta;
  /** Oldest first (by dateCreated, then id), which keeps the file's tail where new sessions go. */
  readonly sessions: readonly StoredSession[];
}

export const STORE_FORMAT = 1;

export interface StoreMeta {
  /** Bumped when the file's shape changes, so an old file is refused with a clear message. */
  readonly format: number;
  readonly seed: number;
  readonly sessionCount: number;
  /** The seed's reference time, ISO 8601. */
  readonly now: string;
  /**
   * True when `now` was given (--now): the store's clock then starts from it on every open, so the
   * archive boundary stays where the seed put it. False: the wall clock.
   */
  readonly nowFixed: boolean;
  /** Only in a saved snapshot (db.json.snapshots/NAME.json): what it is, for listing without reading it whole. */
  readonly snapshot?: { readonly name: string; readonly savedAt: string; readonly sessions: number };
}

export interface CustomerRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  /** Absent for a top-level customer. */
  readonly parentCustomerId?: string;
}

export type EndpointKind = 'PhoneNumber' | 'User';

export interface EndpointRecord {
  readonly id: string;
  readonly accountId: string;
  readonly kind: EndpointKind;
  readonly name: string;
  /** E.164, for phone numbers. */
  readonly phoneNumber?: string;
  /** The agent behind a User endpoint. */
  readonly userId?: string;
}

/** Someone who takes calls: every fixture user with the User role plus generated staff. */
export interface AgentRecord {
  readonly id: string;
  /** A fixture user may work in several accounts; generated staff work in one. */
  readonly accountIds: readonly string[];
  readonly displayName: string;
  readonly emailAddress: string;
  readonly endpointId: string;
  readonly avatarUrl?: string;
}

export interface TeamRecord {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly agentIds: readonly string[];
}
