import type { SessionInfo } from '../generated/dtos.js';
import type { Candidates, Guaranteed } from './session-index.js';
import type { SessionPage, SessionQuery, StoredSession } from './session-store.js';
import { resolveSortField, sortMatches, type SortFields } from './sort-sessions.js';
import { isCalendarDay } from '../time/time-text.js';

export { resolveSortField, sortFieldsFrom, type SortField, type SortFields, type SortFieldSource } from './sort-sessions.js';

/**
 * ListSessions semantics, as pure functions over stored sessions. The decisions the pages leave open:
 *
 * - Order: newest first by default (what a call log shows); see sort-sessions.ts.
 * - from / to: case-insensitive "contains" on fromAddress / toAddress (what the evo-voice CLI
 *   documents as "from-address" / "to-address").
 * - log: case-insensitive "contains" on any log message.
 * - customerIds / endpointIds / parentSessionId: exact ids (a parent customer does not pull in its
 *   children's sessions).
 * - startDate / endDate: the UTC calendar date of dateCreated, both ends inclusive. startDate after
 *   endDate matches nothing (not an error).
 * - searchArchive: sessions created before `archiveCutoff` (the store's clock minus 15 days) are
 *   archived; without searchArchive only the others (live) are searched, with it only the archived
 *   ones, as the real server keeps them apart. specificIds are subject to it too.
 * - accountIds: intersected with the caller's scope; ids outside it are ignored, so an account the
 *   caller cannot reach looks empty rather than forbidden.
 * - Paging: countPerPage 0 (or less) means 25; page below 0 means 0. all=true returns every match
 *   as one page (totalPages 1, or 0 when nothing matches; hasMorePages false). simplifiedPaging
 *   writes 0 for both totals, as ServiceStack writes value types, and keeps items and hasMorePages.
 */

export const DEFAULT_COUNT_PER_PAGE = 25;
export const ARCHIVE_AFTER_DAYS = 15;

export interface QueryProblem {
  /** The request property, camelCase. */
  readonly field: string;
  readonly message: string;
}


/**
 * What in a bound query cannot be answered; empty when the query is fine. Paging is not checked here:
 * the binder reports a negative page, and pageOf() clamps whatever reaches it.
 */
export function checkSessionQuery(query: SessionQuery, fields: SortFields): QueryProblem[] {
  const problems: QueryProblem[] = [];
  if (query.sortField !== undefined && query.sortField.trim() !== '' && !resolveSortField(query.sortField, fields)) {
    problems.push({ field: 'sortField', message: `'${query.sortField}' is not a SessionInfo property; use one such as dateCreated, callState or displayName.` });
  }
  if (query.sortOrder !== undefined && query.sortOrder !== 'Ascend' && query.sortOrder !== 'Descend') {
    problems.push({ field: 'sortOrder', message: `'${String(query.sortOrder)}' is not a sort order; use Ascend or Descend.` });
  }
  for (const f of ['startDate', 'endDate'] as const) {
    const v = query[f];
    if (v !== undefined && v !== '' && !isCalendarDay(v)) problems.push({ field: f, message: `'${v}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20.` });
  }
  return problems;
}

/** The archive boundary for a clock reading: sessions created before it are archived. */
export function archiveCutoff(now: Date): string {
  return new Date(now.getTime() - ARCHIVE_AFTER_DAYS * 86_400_000).toISOString();
}

/** Archived: created before the boundary, as the real server moves sessions older than 15 days to its archive. */
export function isArchived(session: { readonly dateCreated?: string | null }, now: Date): boolean {
  return typeof session.dateCreated === 'string' && session.dateCreated < archiveCutoff(now);
}

export interface ListContext {
  /** ISO 8601 UTC; see archiveCutoff. */
  readonly archiveCutoff: string;
  readonly sortFields: SortFields;
}

/** One ListSessions answer. `accounts` is effectiveAccounts(query.accountIds, scope); undefined = all. */
export function listSessions(
  candidates: Candidates,
  query: SessionQuery,
  accounts: ReadonlySet<string> | undefined,
  ctx: ListContext,
): SessionPage {
  const pool = candidates.sorted ? dateWindow(candidates.list, query, ctx.archiveCutoff) : candidates.list;
  const matches = pool.filter(matcher(query, accounts, ctx.archiveCutoff));
  const sorted = sortMatches(matches, candidates.sorted, query, ctx.sortFields);
  return pageOf(sorted, query);
}

/**
 * On a list in dateCreated order, the live/archive split and startDate/endDate are a contiguous
 * range: two binary searches skip the rest (the default call log touches only the last 15 days).
 * ISO strings compare as dates, and `d.slice(0, 10) <= end` is `d < end + '\uffff'`.
 */
function dateWindow(list: readonly StoredSession[], query: SessionQuery, cutoff: string): readonly StoredSession[] {
  const [lo, hi] = windowOf(list, dateWindowBounds(query, cutoff));
  return lo === 0 && hi === list.length ? list : list.slice(lo, hi);
}

/** dateCreated from (inclusive) until (exclusive), as strings; '' and '\uffff' for open ends; undefined when empty. */
export function dateWindowBounds(query: SessionQuery, cutoff: string): readonly [from: string, until: string] | undefined {
  let from = query.searchArchive ? '' : cutoff;
  let until = query.searchArchive ? cutoff : '\uffff';
  if (query.startDate && query.startDate > from) from = query.startDate;
  if (query.endDate && `${query.endDate}\uffff` < until) until = `${query.endDate}\uffff`;
  return from < until ? [from, until] : undefined;
}

/** The index range of a (dateCreated, id)-sorted list inside the bounds. */
export function windowOf(list: readonly StoredSession[], bounds: readonly [string, string] | undefined): readonly [lo: number, hi: number] {
  if (!bounds) return [0, 0];
  const [from, until] = bounds;
  return [from === '' ? 0 : firstAtOrAfter(list, from), until === '\uffff' ? list.length : firstAtOrAfter(list, until)];
}

function firstAtOrAfter(list: readonly StoredSession[], date: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (((list[mid] as StoredSession).session.dateCreated as string) < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Conditions a caller has made sure of already (see Sources), and whether the date window was cut. */
export interface AlreadyMet extends Guaranteed {
  /** The archive split, startDate and endDate (dateWindowBounds). */
  readonly dates?: boolean;
}

export function matcher(query: SessionQuery, accounts: ReadonlySet<string> | undefined, cutoff: string): (e: StoredSession) => boolean {
  return residualMatcher(query, accounts, cutoff, {}) ?? (() => true);
}

/** The checks left once `met` is taken for granted; undefined when none is left. */
export function residualMatcher(query: SessionQuery, accounts: ReadonlySet<string> | undefined, cutoff: string, met: AlreadyMet): ((e: StoredSession) => boolean) | undefined {
  const checks: Array<(e: StoredSession, s: SessionInfo) => boolean> = [];
  if (accounts !== undefined && !met.accounts) checks.push((_, s) => accounts.has(s.accountId as string));
  if (!met.dates) checks.push(query.searchArchive ? (_, s) => (s.dateCreated as string) < cutoff : (_, s) => (s.dateCreated as string) >= cutoff);
  if (query.specificIds.length > 0 && !met.specificIds) {
    const ids = new Set(query.specificIds);
    checks.push((_, s) => ids.has(s.id as string));
  }
  if (query.customerIds.length > 0 && !met.customerIds) {
    const ids = new Set(query.customerIds);
    checks.push((_, s) => s.customerId != null && ids.has(s.customerId));
  }
  if (query.endpointIds.length > 0 && !met.endpointIds) {
    const ids = new Set(query.endpointIds);
    checks.push((_, s) => s.endpointId != null && ids.has(s.endpointId));
  }
  if (query.parentSessionId !== undefined && !met.parentSessionId) {
    const parent = query.parentSessionId;
    checks.push((e) => e.parentSessionId === parent);
  }
  if (query.startDate && !met.dates) {
    const start = query.startDate;
    checks.push((_, s) => (s.dateCreated as string).slice(0, 10) >= start);
  }
  if (query.endDate && !met.dates) {
    const end = query.endDate;
    checks.push((_, s) => (s.dateCreated as string).slice(0, 10) <= end);
  }
  if (query.from) checks.push(contains(query.from, (s) => s.fromAddress));
  if (query.to) checks.push(contains(query.to, (s) => s.toAddress));
  if (query.log) {
    const needle = query.log.toLowerCase();
    checks.push((_, s) => (s.log ?? []).some((l) => l.message != null && l.message.toLowerCase().includes(needle)));
  }
  if (checks.length === 0) return undefined;
  if (checks.length === 1) {
    const only = checks[0] as (e: StoredSession, s: SessionInfo) => boolean;
    return (e) => only(e, e.session);
  }
  return (e) => {
    for (const check of checks) if (!check(e, e.session)) return false;
    return true;
  };
}

function contains(text: string, read: (s: SessionInfo) => string | null | undefined): (e: StoredSession, s: SessionInfo) => boolean {
  const needle = text.toLowerCase();
  return (_, s) => {
    const v = read(s);
    return v != null && v.toLowerCase().includes(needle);
  };
}
export function pageOf(sorted: readonly StoredSession[], query: SessionQuery): SessionPage {
  const total = sorted.length;
  let items: readonly StoredSession[];
  let totalPages: number;
  let hasMorePages: boolean;
  if (query.all) {
    items = sorted;
    totalPages = total > 0 ? 1 : 0;
    hasMorePages = false;
  } else {
    const per = query.countPerPage > 0 ? Math.floor(query.countPerPage) : DEFAULT_COUNT_PER_PAGE;
    const page = query.page > 0 ? Math.floor(query.page) : 0;
    const start = page * per;
    items = start < total ? sorted.slice(start, start + per) : [];
    totalPages = Math.ceil(total / per);
    hasMorePages = start + per < total;
  }
  const sessions = items.map((e) => e.session);
  return query.simplifiedPaging
    ? { items: sessions, totalCount: 0, totalPages: 0, hasMorePages }
    : { items: sessions, totalCount: total, totalPages, hasMorePages };
}
