import { createHash } from 'node:crypto';
import { faker } from '@faker-js/faker/locale/en';
import { SeedRandom } from '../seed/seed-random.js';

/**
 * Draws for one step of the live world, keyed by what the step is (a session and how far its log
 * has got, an account's hour of arrivals) rather than by the order steps happen to run in: the same
 * seed and key give the same draws whether the clock ran, was advanced in one jump or in many, or the
 * mock restarted in between. The seed's generator is reseeded, so callers draw synchronously.
 */
export function keyedRandom(seed: number, key: string): SeedRandom {
  const d = createHash('sha256').update(`evo-mock live ${seed} ${key}`).digest();
  faker.seed([d.readUInt32BE(0), d.readUInt32BE(4), d.readUInt32BE(8), d.readUInt32BE(12)]);
  return new SeedRandom(faker);
}

/** A small fast generator for the arrival process (mulberry32), seeded the same keyed way. */
export function keyedUniform(seed: number, key: string): () => number {
  let a = createHash('sha256').update(`evo-mock arrivals ${seed} ${key}`).digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
