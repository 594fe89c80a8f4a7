import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DataPool } from '../../src/contract/data-pool.js';
import { listShapeOf } from '../../src/contract/list-conventions.js';
import { parametersOf } from '../../src/contract/openapi-lookup.js';
import { queryArbitrary } from '../../src/contract/value-arbitraries.js';
import { loadApiModel } from '../../src/spec/wire-model.js';
import { toyModel } from './fixtures/toy-api.js';

function setup(model: ReturnType<typeof toyModel>, operationId: string, items: Record<string, unknown>[]) {
  const op = model.operations.find((o) => o.operationId === operationId)!;
  const params = parametersOf(model.document, op.operation, model.document.paths?.[op.path]);
  const shape = listShapeOf(op, params);
  const pool = new DataPool();
  pool.harvest({ items, totalCount: items.length, totalPages: 1, hasMorePages: false }, op.responseType, operationId);
  return { params, shape, pool, op };
}

describe('generated query parameters', () => {
  it('a filter whose data holds a single value still generates (one value, never two)', () => {
    const { params, shape, pool } = setup(toyModel(), 'ListWidgets', [{ id: 'w1', ownerId: 'o1', kind: 'Small', active: true }]);
    const samples = fc.sample(queryArbitrary(params, shape, pool, new Date(), 'ListWidgets'), { numRuns: 200, seed: 1 });
    const owners = samples.flatMap((q) => (q['ownerIds'] ? [q['ownerIds']] : []));
    assert.ok(owners.length > 0);
    for (const o of owners) assert.deepEqual(o, ['o1']);
  });

  it('never sends a parameter the spec says to use with care, and at most three at a time', () => {
    const { params, shape, pool } = setup(toyModel(), 'ListWidgets', [{ id: 'w1', ownerId: 'o1' }, { id: 'w2', ownerId: 'o2' }]);
    for (const q of fc.sample(queryArbitrary(params, shape, pool, new Date(), 'ListWidgets'), { numRuns: 300, seed: 2 })) {
      assert.equal('all' in q, false);
      assert.ok(Object.keys(q).length <= 3, JSON.stringify(q));
    }
  });

  it("on the Evo spec: dates are YYYY-MM-DD near the reference time, sortField names a SessionInfo scalar, ids come from the target's data", () => {
    const model = loadApiModel();
    const { params, shape, pool } = setup(model, 'ListSessions', [
      { id: 'a'.repeat(32), accountId: 'acc1', customerId: 'c1', endpointId: 'e1', fromAddress: '+15551234567', dialState: 'None' },
      { id: 'b'.repeat(32), accountId: 'acc2', customerId: 'c2', endpointId: 'e2', fromAddress: '+15557654321', dialState: 'Active' },
    ]);
    const scalars = new Set(shape!.itemType.properties.filter((p) => ['string', 'integer', 'boolean', 'enum', 'number'].includes(p.type.kind)).map((p) => p.name.toLowerCase()));
    const now = new Date('2026-11-01T12:00:00Z');
    const seen = new Set<string>();
    for (const q of fc.sample(queryArbitrary(params, shape, pool, now, 'ListSessions'), { numRuns: 400, seed: 3 })) {
      for (const k of Object.keys(q)) seen.add(k);
      for (const d of [q['startDate'], q['endDate']]) if (d !== undefined) assert.match(String(d), /^2026-(08|09|10|11)-\d\d$/);
      if (q['sortField'] !== undefined) assert.ok(scalars.has(String(q['sortField']).toLowerCase()), String(q['sortField']));
      if (q['customerIds'] !== undefined) for (const c of q['customerIds'] as string[]) assert.ok(['c1', 'c2'].includes(c));
      if (q['sortOrder'] !== undefined) assert.ok(['Ascend', 'Descend'].includes(String(q['sortOrder'])));
    }
    for (const name of ['page', 'countPerPage', 'accountIds', 'customerIds', 'endpointIds', 'specificIds', 'sortField', 'sortOrder', 'startDate', 'endDate', 'from', 'searchArchive', 'simplifiedPaging']) {
      assert.ok(seen.has(name), `${name} is generated`);
    }
  });
});
