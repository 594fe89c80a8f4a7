import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSeedData, seedWorld } from '../../src/seed/seed-data.js';
import { worldExtrasOf, worldFromStore } from '../../src/seed/seed-world.js';
import { loadFixtures } from '../../src/store/fixtures.js';

const fixtures = await loadFixtures();

describe('the world read back from a store is the world the seed drew', () => {
  for (const seed of [1, 7, 42, 20261120]) {
    it(`seed ${seed}: records plus db.json.world give buildWorld's world exactly, without the generator`, () => {
      const { world } = seedWorld(fixtures, seed);
      const data = buildSeedData(fixtures, { seed, sessions: 0, now: new Date('2026-11-20T12:00:00.000Z'), nowFixed: true });
      const extras = JSON.parse(JSON.stringify(worldExtrasOf(world, seed)));
      assert.deepEqual(worldFromStore(fixtures, JSON.parse(JSON.stringify(data)), extras), world);
    });
  }

  it('answers undefined when the store does not fit the fixtures', () => {
    const { world } = seedWorld(fixtures, 7);
    const data = buildSeedData(fixtures, { seed: 7, sessions: 0, now: new Date('2026-11-20T12:00:00.000Z'), nowFixed: true });
    const extras = worldExtrasOf(world, 7);
    assert.equal(worldFromStore(fixtures, data, { ...extras, accounts: extras.accounts.slice(1) }), undefined);
  });
});
