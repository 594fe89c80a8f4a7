import type { AccountScope, SessionQuery, StoredSession } from './session-store.js';

/** A list to filter, and whether it is already in (dateCreated, id) ascending order. */
export interface Candidates {
  readonly list: readonly StoredSession[];
  readonly sorted: boolean;
}

/** Which of a query's conditions every session of some Sources meets by construction. */
export interface Guaranteed {
  readonly accounts?: boolean;
  readonly specificIds?: boolean;
  readonly customerIds?: boolean;
  readonly endpointIds?: boolean;
  readonly parentSessionId?: boolean;
}

/**
 * Lists that together hold every match of a query and nothing twice: each in (dateCreated, id)
 * ascending order and no session in two of them (a session has one account, one customer, one
 * endpoint, one parent), so their merge is the whole in that order. `guaranteed` names the
 * conditions they meet already, which the filter then skips.
 */
export interface Sources {
  readonly lists: readonly (readonly StoredSession[])[];
  readonly guaranteed: Guaranteed;
}

type Multi = Map<string, StoredSession[]>;

/**
 * In-memory indexes over the stored sessions, kept on every put and delete. Each list is in
 * (dateCreated, id) ascending order, so a query in the default order needs no sort and a query
 * narrowed by one key (an account, a customer, an endpoint, a parent) filters only that key's
 * sessions. A replaced session leaves every list it was in (by object identity) before its new
 * version goes in, so no list ever holds a stale version.
 */
export class SessionIndex {
  private readonly byId = new Map<string, StoredSession>();
  private readonly all: StoredSession[] = [];
  private readonly byAccount: Multi = new Map();
  private readonly byCustomer: Multi = new Map();
  private readonly byEndpoint: Multi = new Map();
  private readonly byParent: Multi = new Map();
  private readonly live: StoredSession[] = [];
  /** Each list kept per key, and the key a session is filed under in it (none: in no list of that map). */
  private readonly keyed: readonly (readonly [Multi, (entry: StoredSession) => string | null | undefined])[] = [
    [this.byAccount, (e) => e.session.accountId],
    [this.byCustomer, (e) => e.session.customerId],
    [this.byEndpoint, (e) => e.session.endpointId],
    [this.byParent, (e) => e.parentSessionId],
  ];

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
    this.byId.set(entry.session.id as string, entry);
    insertSorted(this.all, entry);
    for (const [map, keyOf] of this.keyed) addTo(map, keyOf(entry), entry);
    if (entry.session.ended !== true) insertSorted(this.live, entry);
  }

  /** Takes the session with this id out of every list; answers what was there. */
  remove(id: string): StoredSession | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    this.byId.delete(id);
    removeSorted(this.all, entry);
    for (const [map, keyOf] of this.keyed) removeFrom(map, keyOf(entry), entry);
    if (entry.session.ended !== true) removeSorted(this.live, entry);
    return entry;
  }

  /**
   * Removes many at once: past a few, one pass per list (a filter) beats a splice per session,
   * which matters when a reset or a bulk delete takes thousands out of a large store.
   */
  removeMany(ids: Iterable<string>): StoredSession[] {
    const gone: StoredSession[] = [];
    for (const id of ids) {
      const e = this.byId.get(id);
      if (e) gone.push(e);
    }
    if (gone.length < 64) {
      for (const e of gone) this.remove(e.session.id as string);
      return gone;
    }
    const drop = new Set(gone);
    for (const e of gone) this.byId.delete(e.session.id as string);
    const keep = (list: StoredSession[]) => {
      let w = 0;
      for (let r = 0; r < list.length; r++) {
        const e = list[r] as StoredSession;
        if (!drop.has(e)) list[w++] = e;
      }
      list.length = w;
    };
    keep(this.all);
    keep(this.live);
    for (const [map] of this.keyed) {
      for (const [key, list] of map) {
        keep(list);
        if (list.length === 0) map.delete(key);
      }
    }
    return gone;
  }

  /** Every session, in (dateCreated, id) ascending order. */
  everything(): readonly StoredSession[] {
    return this.all;
  }

  /** Sessions that have not ended, oldest first. */
  activeSessions(): readonly StoredSession[] {
    return this.live;
  }

  /**
   * The Sources with the fewest sessions among: the specific ids, the parent's children, the
   * customers' sessions, the endpoints' sessions, the accounts' sessions, everything.
   */
  sources(query: SessionQuery, accounts: ReadonlySet<string> | undefined): Sources {
    let best: Sources = { lists: [this.all], guaranteed: {} };
    let size = this.all.length;
    const consider = (lists: (readonly StoredSession[])[], guaranteed: Guaranteed) => {
      const n = lists.reduce((sum, l) => sum + l.length, 0);
      if (n < size) {
        best = { lists, guaranteed };
        size = n;
      }
    };
    if (accounts !== undefined) consider(lists(this.byAccount, accounts), { accounts: true });
    if (query.endpointIds.length > 0) consider(lists(this.byEndpoint, query.endpointIds), { endpointIds: true });
    if (query.customerIds.length > 0) consider(lists(this.byCustomer, query.customerIds), { customerIds: true });
    if (query.parentSessionId !== undefined) consider(lists(this.byParent, [query.parentSessionId]), { parentSessionId: true });
    if (query.specificIds.length > 0) {
      const found = new Set<StoredSession>();
      for (const id of query.specificIds) {
        const e = this.byId.get(id);
        if (e) found.add(e);
      }
      consider([[...found].sort(compareStored)], { specificIds: true });
    }
    return best;
  }
}

function lists(map: Multi, keys: Iterable<string>): (readonly StoredSession[])[] {
  const out: (readonly StoredSession[])[] = [];
  for (const key of new Set(keys)) {
    const list = map.get(key);
    if (list && list.length > 0) out.push(list);
  }
  return out;
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

function addTo(map: Multi, key: string | undefined | null, entry: StoredSession): void {
  if (key === undefined || key === null) return;
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  insertSorted(list, entry);
}

function removeFrom(map: Multi, key: string | undefined | null, entry: StoredSession): void {
  if (key === undefined || key === null) return;
  const list = map.get(key);
  if (!list) return;
  removeSorted(list, entry);
  if (list.length === 0) map.delete(key);
}

/** Binary search to the entry's place, then the exact object (identity) among its equals. */
function removeSorted(list: StoredSession[], entry: StoredSession): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStored(list[mid] as StoredSession, entry) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && compareStored(list[i] as StoredSession, entry) === 0; i++) {
    if (list[i] === entry) {
      list.splice(i, 1);
      return;
    }
  }
  // Not where its order says: only possible if the entry was changed after it went in (they are frozen).
  const at = list.indexOf(entry);
  if (at >= 0) list.splice(at, 1);
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
