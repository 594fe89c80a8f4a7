import { createHash } from 'node:crypto';
import { SeedRandom } from '../seed/seed-random.js';

/**
 * Draws for one step of the live world, keyed by what the step is (a session and how far its log
 * has got, an account's hour of arrivals) rather than by the order steps happen to run in: the same
 * seed and key give the same draws whether the clock ran, was advanced in one jump or in many, or the
 * mock restarted in between. A small generator (sfc32) per key: reseeding faker's Mersenne Twister
 * for every step cost more than the step itself.
 */
export function keyedRandom(seed: number, key: string): SeedRandom {
  const u = keyedUniform(seed, key);
  return new SeedRandom({
    int: (min, max) => min + Math.floor(u() * (max - min + 1)),
    float: (min, max) => min + u() * (max - min),
  });
}

/** Uniform numbers in [0, 1) from sfc32, seeded from sha256 of the seed and the key. */
export function keyedUniform(seed: number, key: string): () => number {
  const d = createHash('sha256').update(`evo-mock live ${seed} ${key}`).digest();
  let a = d.readUInt32BE(0);
  let b = d.readUInt32BE(4);
  let c = d.readUInt32BE(8);
  let n = d.readUInt32BE(12);
  return () => {
    const t = (((a + b) | 0) + n) | 0;
    n = (n + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
}
