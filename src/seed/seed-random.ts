import type { Faker } from '@faker-js/faker';

/** Uniform numbers: integers in [min, max], floats in [min, max]. */
export interface Draws {
  int(min: number, max: number): number;
  float(min: number, max: number): number;
}

/**
 * Random choices over a source of uniform numbers, so the same source gives the same data. The hot
 * helpers (ids, SIDs, numbers) draw raw integers rather than going through faker's string helpers,
 * which cost far more per call and would dominate the time of a large seed.
 */
export class SeedRandom {
  constructor(private readonly draws: Draws) {}

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return this.draws.int(min, max);
  }

  /** A number in [min, max]. */
  float(min: number, max: number): number {
    return this.draws.float(min, max);
  }

  chance(p: number): boolean {
    return this.draws.int(0, 999_999) < p * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Picks by weight; entries with weight 0 are never picked. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.draws.float(0, total);
    for (const [item, w] of entries) {
      if (w > 0 && r < w) return item;
      r -= w;
    }
    const last = [...entries].reverse().find(([, w]) => w > 0);
    if (!last) throw new RangeError('weighted() needs a positive weight');
    return last[0];
  }

  /** `n` distinct items in random order (all of them when n >= length). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, Math.max(0, n));
  }

  /** Lowercase hex digits, e.g. the 32 of a Guid in ServiceStack's N format. */
  hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += this.int(0, 0xffff).toString(16).padStart(4, '0');
    return out.slice(0, digits);
  }

  /** A Guid as ServiceStack writes it (N format): the ids of sessions, customers, endpoints. */
  id(): string {
    return this.hex(32);
  }

  /** Twilio call SID: CA + 32 hex. */
  callSid(): string {
    return `CA${this.hex(32)}`;
  }

  /** Twilio conference SID: CF + 32 hex. */
  conferenceSid(): string {
    return `CF${this.hex(32)}`;
  }

  /** A North American E.164 number: +1, area code and exchange not starting with 0 or 1. */
  usNumber(): string {
    return `+1${this.int(2, 9)}${this.int(0, 9)}${this.int(0, 9)}${this.int(2, 9)}${this.int(0, 9)}${this.int(0, 9)}${String(this.int(0, 9999)).padStart(4, '0')}`;
  }

  /** Mostly North American, some UK and Australian callers. */
  e164(): string {
    const r = this.int(0, 99);
    if (r < 90) return this.usNumber();
    if (r < 95) return `+447${this.int(100, 999)}${String(this.int(0, 999_999)).padStart(6, '0')}`;
    return `+614${String(this.int(0, 99_999_999)).padStart(8, '0')}`;
  }
}

/**
 * The seeder's randomness: faker, seeded once, draws the numbers and names the people and companies.
 * Only building a world needs names; the live world's steps use a plain SeedRandom, so a mock that
 * opens an existing store never loads faker (its English locale is a large share of start-up).
 */
export class FakerRandom extends SeedRandom {
  constructor(readonly faker: Faker) {
    super({ int: (min, max) => faker.number.int({ min, max }), float: (min, max) => faker.number.float({ min, max }) });
  }
}

/** How a person types a number into the dial box: national format for +1, E.164 otherwise. */
export function dialed(e164: string): string {
  return e164.startsWith('+1') && e164.length === 12 ? `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}` : e164;
}
