import type { WireFormat } from '../../wire/codec.js';
import type { ContractCase } from '../contract-case.js';
import type { QueryValue } from '../contract-request.js';
import type { DataPool } from '../data-pool.js';
import type { ListShape } from '../list-conventions.js';
import type { OperationFacts } from '../operation-facts.js';
import { sortableProperties } from '../value-arbitraries.js';
import { singleRequestCase } from './single-request-case.js';

const PAST_THE_END = 100_000;

/** Paging boundaries, one case per filter and two sort orders, for each list operation that has them. */
export function listCases(facts: OperationFacts, format: WireFormat): ContractCase[] {
  const shape = facts.shape;
  if (!shape || facts.writes || facts.op.pathParams.length) return [];
  const p = shape.params;
  const cases: ContractCase[] = [];
  const add = (name: string, title: string, build: (pool: DataPool) => Record<string, QueryValue> | string, expectNonEmpty = false) =>
    cases.push(
      singleRequestCase({ facts, format, kind: 'positive', name, title, expect: facts.success, expectNonEmpty, build: (ctx) => wrap(build(ctx.pool)) }),
    );
  if (p.page && p.countPerPage) {
    add('paging.second-page', 'second page of 3 agrees with the totals', () => ({ [p.page!]: 1, [p.countPerPage!]: 3 }));
    add('paging.one-per-page', 'pages of one agree with the totals', () => ({ [p.page!]: 0, [p.countPerPage!]: 1 }));
    add('paging.past-the-end', 'a page past the end is empty with no more pages', () => ({ [p.page!]: PAST_THE_END, [p.countPerPage!]: 25 }));
  }
  if (p.simplifiedPaging && p.countPerPage) {
    add('paging.simplified', 'simplified paging respects countPerPage', () => ({ [p.simplifiedPaging!]: true, [p.countPerPage!]: 5 }));
  }
  const specific = shape.filters.find((f) => f.itemProp.toLowerCase() === 'id');
  if (p.all && specific) {
    add('paging.all', 'all=true over two known ids returns exactly them, no more pages', (pool) => {
      const ids = pool.idsOf(shape.itemType.name, facts.op.operationId).slice(0, 2);
      return ids.length ? { [p.all!]: true, [specific.param]: ids } : `the target showed no ${shape.itemType.name} ids`;
    });
  }
  for (const f of shape.filters) {
    add(`filter.${f.param}`, `${f.param} keeps only matching items`, (pool) => {
      // Two values exercise list binding, but with only two in the data that would not narrow anything.
      const seen = distinctValues(pool, shape, f.itemProp, facts.op.operationId);
      const values = seen.slice(0, seen.length > 2 ? 2 : 1);
      return values.length ? { [f.param]: values } : `the target showed no ${shape.itemType.name}.${f.itemProp} to filter on`;
    }, true);
  }
  if (p.sortField && p.sortOrder) {
    const order = p.sortOrder;
    add('sort.ascend', 'sortField/sortOrder ascending holds', (pool) => {
      const field = sortField(pool, shape, ['string']);
      return field ? { [p.sortField!]: field, [order.name]: order.ascend } : 'no sortable member varies in the data';
    });
    add('sort.descend', 'sortField/sortOrder descending holds', (pool) => {
      const field = sortField(pool, shape, ['enum', 'integer', 'number', 'boolean']) ?? sortField(pool, shape, ['string']);
      return field ? { [p.sortField!]: field, [order.name]: order.descend } : 'no sortable member varies in the data';
    });
  }
  return cases;
}

function wrap(query: Record<string, QueryValue> | string) {
  return typeof query === 'string' ? query : { query };
}

function distinctValues(pool: DataPool, shape: ListShape, prop: string, source: string): string[] {
  return [...new Set(pool.objectsOf(shape.itemType.name, source).map((o) => o[prop]).filter((v): v is string => typeof v === 'string' && v !== ''))];
}

/**
 * The member of the given kinds whose values vary most in the data, so that its order is a real test.
 * Ids come last: they are random, and a client sorts by what it shows (dates, names, states).
 */
function sortField(pool: DataPool, shape: ListShape, kinds: string[]): string | undefined {
  const objects = pool.objectsOf(shape.itemType.name);
  let best: { name: string; score: number } | undefined;
  for (const prop of sortableProperties(shape.itemType)) {
    if (!kinds.includes(prop.type.kind)) continue;
    const distinct = new Set(objects.map((o) => JSON.stringify(o[prop.name]))).size;
    const score = /id$/i.test(prop.name) ? distinct / 1000 : distinct;
    if (distinct > 1 && (!best || score > best.score)) best = { name: prop.name, score };
  }
  return best?.name;
}
