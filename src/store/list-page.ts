import type { SessionInfo } from '../generated/dtos.js';
import { dateWindowBounds, DEFAULT_COUNT_PER_PAGE, pageOf, residualMatcher, windowOf, type ListContext } from './list-sessions.js';
import { compareStored, type Sources } from './session-index.js';
import type { SessionPage, SessionQuery, StoredSession } from './session-store.js';
import { resolveSortField, sortMatches } from './sort-sessions.js';

/** More lists than this are concatenated and sorted instead of merged (a merge step costs one look per list). */
const MAX_MERGED_LISTS = 8;

/**
 * ListSessions over Sources, with listSessions' answers (the property test in
 * test/store/query-consistency.test.ts compares them on every kind of query), but without
 * materialising the matches when the order is dateCreated's (the default call log, or sortField
 * dateCreated): each list is cut to the date window by binary search, the lists are merged from the
 * end the order reads from, only the conditions the sources do not guarantee are checked on the way,
 * and only the page's sessions are kept. When nothing is left to check, the total is the sum of the
 * windows and only the page itself is visited: a page of 25 over 10 000 sessions reads 25.
 * Any other sort needs every match in hand: those are gathered from the windows, then sorted.
 */
export function listPage(sources: Sources, query: SessionQuery, accounts: ReadonlySet<string> | undefined, ctx: ListContext): SessionPage {
  const named = query.sortField !== undefined && query.sortField.trim() !== '';
  const byDate = !named || resolveSortField(query.sortField as string, ctx.sortFields)?.key === 'dateCreated';
  const bounds = dateWindowBounds(query, ctx.archiveCutoff);
  const windows = sources.lists.map((list): Window => {
    const [lo, hi] = windowOf(list, bounds);
    return { list, lo, hi };
  });
  const check = residualMatcher(query, accounts, ctx.archiveCutoff, { ...sources.guaranteed, dates: true });
  if (!byDate || windows.length > MAX_MERGED_LISTS) {
    // Every match in hand, then sorted (sortMatches also says what an unknown sortField is).
    const matches: StoredSession[] = [];
    for (const { list, lo, hi } of windows) {
      for (let i = lo; i < hi; i++) {
        const e = list[i] as StoredSession;
        if (check === undefined || check(e)) matches.push(e);
      }
    }
    return pageOf(sortMatches(matches, windows.length <= 1, query, ctx.sortFields), query);
  }
  const descending = (query.sortOrder ?? (named ? 'Ascend' : 'Descend')) === 'Descend';
  const cursor = new MergeCursor(windows, descending);

  const per = query.countPerPage > 0 ? Math.floor(query.countPerPage) : DEFAULT_COUNT_PER_PAGE;
  const start = query.all ? 0 : (query.page > 0 ? Math.floor(query.page) : 0) * per;
  const end = query.all ? Number.POSITIVE_INFINITY : start + per;
  const items: SessionInfo[] = [];
  let total = 0;
  if (check === undefined) {
    total = cursor.remaining;
    if (start < total) {
      cursor.skip(start);
      for (let e = cursor.next(); e !== undefined && items.length < end - start; e = cursor.next()) items.push(e.session);
    }
  } else {
    for (let e = cursor.next(); e !== undefined; e = cursor.next()) {
      if (!check(e)) continue;
      if (total >= start && total < end) items.push(e.session);
      total++;
    }
  }

  if (query.all) {
    return query.simplifiedPaging
      ? { items, totalCount: 0, totalPages: 0, hasMorePages: false }
      : { items, totalCount: total, totalPages: total > 0 ? 1 : 0, hasMorePages: false };
  }
  const hasMorePages = start + per < total;
  return query.simplifiedPaging
    ? { items, totalCount: 0, totalPages: 0, hasMorePages }
    : { items, totalCount: total, totalPages: Math.ceil(total / per), hasMorePages };
}

interface Window {
  readonly list: readonly StoredSession[];
  lo: number;
  hi: number;
}

/**
 * Walks disjoint (dateCreated, id)-sorted windows as one list, ascending or descending: each step
 * takes the next session from whichever window's head comes first.
 */
class MergeCursor {
  remaining: number;

  constructor(
    private readonly windows: readonly Window[],
    private readonly descending: boolean,
  ) {
    this.remaining = windows.reduce((n, w) => n + Math.max(0, w.hi - w.lo), 0);
  }

  next(): StoredSession | undefined {
    if (this.remaining === 0) return undefined;
    let best: Window | undefined;
    for (const w of this.windows) {
      if (w.lo >= w.hi) continue;
      if (best === undefined) best = w;
      else if (this.descending) {
        if (compareStored(w.list[w.hi - 1] as StoredSession, best.list[best.hi - 1] as StoredSession) > 0) best = w;
      } else if (compareStored(w.list[w.lo] as StoredSession, best.list[best.lo] as StoredSession) < 0) best = w;
    }
    if (best === undefined) return undefined;
    this.remaining--;
    return (this.descending ? best.list[--best.hi] : best.list[best.lo++]) as StoredSession;
  }

  skip(n: number): void {
    const [only] = this.windows;
    if (this.windows.length === 1 && only) {
      // One window: skipping is index arithmetic.
      const k = Math.min(n, this.remaining);
      if (this.descending) only.hi -= k;
      else only.lo += k;
      this.remaining -= k;
      return;
    }
    for (let i = 0; i < n && this.next() !== undefined; i++);
  }
}
