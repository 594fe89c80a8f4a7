import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFilter } from '../../../src/contract/checks/filter-check.js';
import { checkPageSize, checkPaging } from '../../../src/contract/checks/paging-check.js';
import { checkSort } from '../../../src/contract/checks/sort-check.js';
import type { QueryValue } from '../../../src/contract/contract-request.js';
import { listShapeOf } from '../../../src/contract/list-conventions.js';
import { parametersOf } from '../../../src/contract/openapi-lookup.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { observe } from '../fixtures/observe.js';
import { toyModel } from '../fixtures/toy-api.js';

const model = toyModel();
const list = model.operations.find((o) => o.operationId === 'ListWidgets')!;
const shape = listShapeOf(list, parametersOf(model.document, list.operation))!;
const w = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `n${id}`, ownerId: 'o1', kind: 'Small', active: false, ...extra });

function answer(body: Record<string, unknown>, query: Record<string, QueryValue>) {
  return observe(model, list, 'json', { text: defaultCodecs.get('json').stringify(body, list.responseType) }, query);
}

describe('the list conventions are read from the spec', () => {
  it('finds items, totals, paging, sort and the id filters of a ListResponse', () => {
    assert.equal(shape.itemsProp, 'items');
    assert.equal(shape.itemType.name, 'Widget');
    assert.deepEqual(shape.totals, { totalCount: 'totalCount', totalPages: 'totalPages', hasMorePages: 'hasMorePages' });
    assert.deepEqual(shape.params.sortOrder, { name: 'sortOrder', ascend: 'Ascend', descend: 'Descend' });
    assert.deepEqual(shape.filters, [
      { param: 'specificIds', itemProp: 'id' },
      { param: 'ownerIds', itemProp: 'ownerId' },
    ]);
  });
});

describe('paging and page size', () => {
  const rows: { name: string; query: Record<string, QueryValue>; body: Record<string, unknown>; paging: boolean; size?: boolean }[] = [
    { name: 'exact totals on a middle page pass', query: { page: 1, countPerPage: 2 }, body: { items: [w('3'), w('4')], totalCount: 5, totalPages: 3, hasMorePages: true }, paging: true },
    { name: 'the last page has no more pages', query: { page: 2, countPerPage: 2 }, body: { items: [w('5')], totalCount: 5, totalPages: 3, hasMorePages: false }, paging: true },
    { name: 'totalCount one more than totalPages allows fails', query: { page: 0, countPerPage: 2 }, body: { items: [w('1'), w('2')], totalCount: 7, totalPages: 3, hasMorePages: true }, paging: false },
    { name: 'totalPages not ceil(total/per page) fails', query: { page: 0, countPerPage: 2 }, body: { items: [w('1'), w('2')], totalCount: 5, totalPages: 2, hasMorePages: true }, paging: false },
    { name: 'hasMorePages true on the last page fails', query: { page: 2, countPerPage: 2 }, body: { items: [w('5')], totalCount: 5, totalPages: 3, hasMorePages: true }, paging: false },
    { name: 'a short page that is not the last fails', query: { page: 0, countPerPage: 3 }, body: { items: [w('1')], totalCount: 5, totalPages: 2, hasMorePages: true }, paging: false },
    { name: 'a page past the end is empty', query: { page: 9, countPerPage: 2 }, body: { items: [], totalCount: 5, totalPages: 3, hasMorePages: false }, paging: true },
    { name: 'more items than countPerPage fails the page size', query: { page: 0, countPerPage: 1 }, body: { items: [w('1'), w('2')], totalCount: 2, totalPages: 2, hasMorePages: true }, paging: false, size: false },
    { name: 'all=true returns everything with no more pages', query: { all: true }, body: { items: [w('1'), w('2')], totalCount: 2, totalPages: 1, hasMorePages: false }, paging: true },
    { name: 'all=true with hasMorePages fails', query: { all: true }, body: { items: [w('1'), w('2')], totalCount: 2, totalPages: 1, hasMorePages: true }, paging: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const obs = answer(row.body, row.query);
      assert.equal(checkPaging(obs, shape)?.ok, row.paging, checkPaging(obs, shape)?.message);
      if (row.size !== undefined) assert.equal(checkPageSize(obs, shape)?.ok, row.size);
    });
  }
});

describe('sort order', () => {
  const rows: { name: string; query: Record<string, QueryValue>; items: Record<string, unknown>[]; ok: boolean | undefined }[] = [
    { name: 'ascending strings pass', query: { sortField: 'name', sortOrder: 'Ascend' }, items: [w('1', { name: 'a' }), w('2', { name: 'b' })], ok: true },
    { name: 'descending strings pass', query: { sortField: 'Name', sortOrder: 'Descend' }, items: [w('1', { name: 'b' }), w('2', { name: 'a' })], ok: true },
    { name: 'case-insensitive order passes too (.NET may compare by culture)', query: { sortField: 'name', sortOrder: 'Ascend' }, items: [w('1', { name: 'a' }), w('2', { name: 'B' }), w('3', { name: 'c' })], ok: true },
    { name: 'unordered strings fail', query: { sortField: 'name', sortOrder: 'Ascend' }, items: [w('1', { name: 'b' }), w('2', { name: 'a' }), w('3', { name: 'c' })], ok: false },
    { name: 'enums by member order pass', query: { sortField: 'kind', sortOrder: 'Descend' }, items: [w('1', { kind: 'Large' }), w('2', { kind: 'Small' })], ok: true },
    { name: 'missing values first or last pass', query: { sortField: 'ownerId', sortOrder: 'Ascend' }, items: [w('1', { ownerId: 'a' }), w('2', { ownerId: 'b' }), { ...w('3'), ownerId: undefined }], ok: true },
    { name: 'no sortField, no sort check', query: {}, items: [w('2'), w('1')], ok: undefined },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const obs = answer({ items: row.items, totalCount: row.items.length, totalPages: 1, hasMorePages: false }, row.query);
      assert.equal(checkSort(obs, shape)?.ok, row.ok, checkSort(obs, shape)?.message);
    });
  }
});

describe('filters', () => {
  it('passes when every item matches the ids asked for', () => {
    const obs = answer({ items: [w('1', { ownerId: 'o1' }), w('2', { ownerId: 'o2' })], totalCount: 2, totalPages: 1, hasMorePages: false }, { ownerIds: ['o1', 'o2'] });
    assert.equal(checkFilter(obs, shape, true)?.ok, true);
  });
  it('fails naming the item that does not match', () => {
    const obs = answer({ items: [w('1', { ownerId: 'o1' }), w('2', { ownerId: 'o3' })], totalCount: 2, totalPages: 1, hasMorePages: false }, { ownerIds: 'o1' });
    const r = checkFilter(obs, shape, false)!;
    assert.equal(r.ok, false);
    assert.match(r.message, /item 1 has ownerId "o3"/);
  });
  it('fails an empty answer to a filter on values the target showed', () => {
    const obs = answer({ items: [], totalCount: 0, totalPages: 0, hasMorePages: false }, { specificIds: ['w1'] });
    assert.equal(checkFilter(obs, shape, true)?.ok, false);
    assert.equal(checkFilter(obs, shape, false)?.ok, true);
  });
});
