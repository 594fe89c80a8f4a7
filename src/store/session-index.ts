import type { AccountScope, SessionQuery, StoredSession } from './session-store.js';

/** A list to filter, and whether it is already in (dateCreated, id) ascending order. */
export interface Candidates {
  readonly list: readonly StoredSession[];
  readonly sorted: boolean;
}

type Multi = Map<string, StoredSession[]>;

/**
 * In-memory indexes over the stored sessions, kept on every create. Each list is in (dateCreated, id)
 * ascending order, so a query in the default order needs no sort and a query narrowed by one key
 * (an account, a customer, an endpoint, a parent) filters only that key's sessions.
 */
export class SessionIndex {
  private readonly byId = new Map<string, StoredSession>();
  private readonly all: StoredSession[] = [];
  private readonly byAccount: Multi = new Map();
  private readonly byCustomer: Multi = new Map();
  private readonly byEndpoint: Multi = new Map();
  private readonly byParent: Multi = new Map();
  private readonly live: StoredSession[] = [];

  get size(): number {
    return this.all.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): StoredSession | undefined {
    return this.byId.get(id);
  }

  add(entry: StoredSession): void {
    const s = entry.session;
    this.byId.set(s.id as string, entry);
    insertSorted(this.all, entry);
    addTo(this.byAccount, s.accountId, entry);
    addTo(this.byCustomer, s.customerId, entry);
    addTo(this.byEndpoint, s.endpointId, entry);
    addTo(this.byParent, entry.parentSessionId, entry);
    if (s.ended !== true) insertSorted(this.live, entry);
  }

  /** Sessions that have not ended, oldest first. */
  activeSessions(): readonly StoredSession[] {
    return this.live;
  }

  /**
   * The smallest list that surely holds every match of `query`; the filter still checks every
   * condition, so the choice only affects speed.
   */
  candidates(query: SessionQuery, accounts: ReadonlySet<string> | undefined): Candidates {
    const options: Candidates[] = [];
    if (query.specificIds.length > 0) {
      const seen = new Set<StoredSession>();
      for (const id of query.specificIds) {
        const e = this.byId.get(id);
        if (e) seen.add(e);
      }
      options.push({ list: [...seen], sorted: seen.size <= 1 });
    }
    if (query.parentSessionId !== undefined) options.push(pick(this.byParent, [query.parentSessionId]));
    if (query.customerIds.length > 0) options.push(pick(this.byCustomer, query.customerIds));
    if (query.endpointIds.length > 0) options.push(pick(this.byEndpoint, query.endpointIds));
    if (accounts !== undefined) {
      // Several accounts: the global list filtered by account keeps the order for free.
      options.push(accounts.size === 1 ? pick(this.byAccount, [...accounts]) : { list: this.all, sorted: true });
    }
    options.push({ list: this.all, sorted: true });
    return options.reduce((best, o) => (o.list.length < best.list.length ? o : best));
  }
}

/** Which accounts a query may see: its accountIds cut down to the caller's scope; undefined = every account. */
export function effectiveAccounts(accountIds: readonly string[], scope: AccountScope): ReadonlySet<string> | undefined {
  if (scope === 'all') return accountIds.length > 0 ? new Set(accountIds) : undefined;
  if (accountIds.length === 0) return scope;
  return new Set(accountIds.filter((id) => scope.has(id)));
}

export function compareStored(a: StoredSession, b: StoredSession): number {
  const da = a.session.dateCreated as string;
  const db = b.session.dateCreated as string;
  if (da !== db) return da < db ? -1 : 1;
  const ia = a.session.id as string;
  const ib = b.session.id as string;
  return ia === ib ? 0 : ia < ib ? -1 : 1;
}

function pick(map: Multi, keys: readonly string[]): Candidates {
  const distinct = [...new Set(keys)];
  if (distinct.length === 1) return { list: map.get(distinct[0] as string) ?? [], sorted: true };
  return { list: distinct.flatMap((k) => map.get(k) ?? []), sorted: false };
}

function addTo(map: Multi, key: string | undefined | null, entry: StoredSession): void {
  if (key === undefined || key === null) return;
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  insertSorted(list, entry);
}

/** New sessions are nearly always the newest, so this is a push; older ones go in by binary search. */
function insertSorted(list: StoredSession[], entry: StoredSession): void {
  const last = list[list.length - 1];
  if (last === undefined || compareStored(last, entry) <= 0) {
    list.push(entry);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStored(list[mid] as StoredSession, entry) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, entry);
}
