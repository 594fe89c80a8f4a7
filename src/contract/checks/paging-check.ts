import { fail, pass, type CheckResult } from '../check-result.js';
import type { ListShape } from '../list-conventions.js';
import type { Observation } from '../observation.js';
import { queryBool, queryNumber } from '../query-reading.js';

function itemsOf(value: Record<string, unknown>, shape: ListShape): unknown[] {
  const items = value[shape.itemsProp];
  return Array.isArray(items) ? items : [];
}

/** The page holds no more than countPerPage items (unless all=true asked for everything). */
export function checkPageSize(obs: Observation, shape: ListShape): CheckResult | undefined {
  if (obs.decoded.kind !== 'value' || obs.response.status !== 200) return undefined;
  const q = obs.request.query;
  if (queryBool(q, shape.params.all)) return undefined;
  const cpp = queryNumber(q, shape.params.countPerPage) ?? shape.params.countPerPageDefault;
  if (cpp === undefined || cpp <= 0) return undefined;
  const n = itemsOf(obs.decoded.value, shape).length;
  return n <= cpp ? pass('page-size', `${n} items, at most ${cpp} per page`) : fail('page-size', `${n} items on a page of ${cpp}`);
}

/**
 * Totals and pages agree: totalPages = ceil(totalCount / countPerPage), hasMorePages says whether a later
 * page exists, and the page holds exactly what is left of totalCount. With all=true nothing is left over;
 * with simplifiedPaging the totals are not computed, so only hasMorePages on an empty page is checked.
 */
export function checkPaging(obs: Observation, shape: ListShape): CheckResult | undefined {
  if (obs.decoded.kind !== 'value' || obs.response.status !== 200 || !shape.totals) return undefined;
  const v = obs.decoded.value;
  const q = obs.request.query;
  const { totalCount: tcName, totalPages: tpName, hasMorePages: hmName } = shape.totals;
  const items = itemsOf(v, shape);
  const totalCount = v[tcName];
  const totalPages = v[tpName];
  const hasMore = v[hmName];
  const problems: string[] = [];
  if (queryBool(q, shape.params.simplifiedPaging)) {
    if (items.length === 0 && hasMore === true) problems.push(`${hmName} is true on an empty page`);
    return problems.length ? fail('paging', problems.join('; ')) : pass('paging', `simplified paging: ${items.length} items, ${hmName}=${String(hasMore)}`);
  }
  if (typeof totalCount !== 'number' || typeof totalPages !== 'number' || typeof hasMore !== 'boolean') {
    return fail('paging', `${tcName}, ${tpName} and ${hmName} must all be present (got ${String(totalCount)}, ${String(totalPages)}, ${String(hasMore)})`);
  }
  if (queryBool(q, shape.params.all)) {
    if (hasMore) problems.push(`${hmName} is true although all=true returned everything`);
    if (items.length !== totalCount) problems.push(`all=true returned ${items.length} items but ${tcName} is ${totalCount}`);
  } else {
    const page = queryNumber(q, shape.params.page) ?? 0;
    const cpp = queryNumber(q, shape.params.countPerPage) ?? shape.params.countPerPageDefault;
    if (cpp !== undefined && cpp > 0) {
      const pages = Math.ceil(totalCount / cpp);
      if (totalPages !== pages) problems.push(`${tpName} is ${totalPages}, but ceil(${tcName} ${totalCount} / ${cpp}) is ${pages}`);
      const more = (page + 1) * cpp < totalCount;
      if (hasMore !== more) problems.push(`${hmName} is ${String(hasMore)} on page ${page} of ${pages} (${totalCount} items, ${cpp} per page)`);
      const expectedItems = Math.max(0, Math.min(cpp, totalCount - page * cpp));
      if (items.length !== expectedItems) problems.push(`page ${page} holds ${items.length} items; with ${tcName} ${totalCount} and ${cpp} per page it should hold ${expectedItems}`);
    } else if (items.length > totalCount) {
      problems.push(`the page holds ${items.length} items but ${tcName} is ${totalCount}`);
    }
  }
  return problems.length ? fail('paging', problems.join('; ')) : pass('paging', `${tcName}=${totalCount}, ${tpName}=${totalPages}, ${hmName}=${String(hasMore)}, ${items.length} items`);
}
