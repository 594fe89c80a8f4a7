import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WireParseError } from '../../src/wire/codec.js';
import { readDouble } from '../../src/wire/scalar-text.js';

const ctx = { format: 'json', path: 'amount' } as const;

describe('readDouble', () => {
  const cases: readonly (readonly [string, number | undefined])[] = [
    ['1', 1],
    ['1.', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    [' -1e5 ', -100000],
    ['+1.2E-3', 0.0012],
    ['00.00', 0],
    ['-0', 0],
    ['.', undefined],
    ['e5', undefined],
    ['1e', undefined],
    ['1.2.3', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    ['1e999', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as ${expected ?? 'an error'}`, () => {
      if (expected === undefined) assert.throws(() => readDouble(text, ctx), WireParseError);
      else assert.equal(readDouble(text, ctx), expected);
    });
  }

  it('refuses a long run of digits with a bad end in time linear in its length', () => {
    // A backtracking pattern with two ways to split a digit run takes ~10 s on 50 000 digits; this is ~0.1 ms.
    const text = '1'.repeat(50_000) + 'x';
    const started = performance.now();
    assert.throws(() => readDouble(text, ctx), WireParseError);
    const ms = performance.now() - started;
    assert.ok(ms < 2_000, `took ${ms.toFixed(0)} ms`);
  });
});
