import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { storeReference } from '../../../src/server/admin/store-reference.js';
import type { SessionStore } from '../../../src/store/session-store.js';
import type { StoreMeta } from '../../../src/store/store-data.js';
import { startScenarioMock } from '../helpers/scenario-mock.js';
import type { ErrorBody } from '../helpers/mock-server.js';

/** Which time a scenario on a running mock is dated from, and what happens when the store cannot say. */

function storeWith(meta: StoreMeta | undefined, clock: number): SessionStore {
  return { meta, now: () => new Date(clock) } as unknown as SessionStore;
}

const META: StoreMeta = { format: 1, seed: 9, sessionCount: 10, now: '2026-11-20T12:00:00.000Z', nowFixed: true };
const LATER = Date.parse('2026-12-01T08:00:00.000Z');

describe('the reference time of a running store', () => {
  const cases: { name: string; meta: StoreMeta | undefined; want: number | undefined }[] = [
    { name: "the seed's --now, when it was given", meta: META, want: Date.parse(META.now) },
    { name: "the store's clock, when the seed took the wall clock", meta: { ...META, nowFixed: false }, want: LATER },
    { name: 'nothing, for a store that records no seed', meta: undefined, want: undefined },
  ];
  for (const c of cases) {
    it(`is ${c.name}`, () => {
      const ref = storeReference(storeWith(c.meta, LATER));
      assert.equal(ref?.now(), c.want);
      if (c.meta) assert.equal(ref?.seed, 9);
    });
  }

  it('a store that records no seed refuses scenarios with 409, and still takes inserted sessions', async () => {
    const hideMeta = (store: object): SessionStore =>
      new Proxy(store, {
        get(target, key) {
          if (key === 'meta') return undefined;
          const v: unknown = Reflect.get(target, key, target);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      }) as SessionStore;
    const mock = await startScenarioMock({ sessions: 5, wrapStore: hideMeta });
    try {
      const refused = await mock.json<ErrorBody>('/__admin/scenarios/missed-call', { method: 'POST' });
      assert.equal(refused.status, 409);
      assert.match(refused.body.responseStatus.message, /does not record the seed/);
      const inserted = await mock.json('/__admin/sessions', { method: 'POST', body: { accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d' } });
      assert.equal(inserted.status, 201);
    } finally {
      await mock.stop();
    }
  });
});
