import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDuration, parseDuration, parseInstant } from '../../src/time/time-text.js';

describe('parseDuration reads ISO 8601 and the short forms people type', () => {
  const cases: ReadonlyArray<readonly [string, number | undefined]> = [
    ['PT5M', 300_000],
    ['PT1H30M', 5_400_000],
    ['P1D', 86_400_000],
    ['P1DT2H', 93_600_000],
    ['PT0.5S', 500],
    ['P1W', 604_800_000],
    ['pt20s', 20_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['90s', 90_000],
    ['250ms', 250],
    ['1d', 86_400_000],
    ['0s', 0],
    ['', undefined],
    ['5', undefined],
    ['P', undefined],
    ['PT', undefined],
    ['P1Y', undefined],
    ['P1M', undefined],
    ['-5m', undefined],
    ['5 minutes', undefined],
    ['5M', undefined],
    ['5m abc', undefined],
  ];
  for (const [text, ms] of cases) it(`'${text}' -> ${String(ms)}`, () => assert.equal(parseDuration(text), ms));
});

describe('parseInstant reads ISO 8601 dates and date-times as UTC', () => {
  const cases: ReadonlyArray<readonly [string, string | undefined]> = [
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.250Z', '2026-12-01T09:00:00.250Z'],
    ['2026-12-01T09:00:00+02:00', '2026-12-01T07:00:00.000Z'],
    ['2026-12-01T09:00', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    ['2026-02-30', undefined],
    ['yesterday', undefined],
    ['2026-12-01 09:00', undefined],
  ];
  for (const [text, iso] of cases) it(`'${text}' -> ${String(iso)}`, () => {
    const ms = parseInstant(text);
    assert.equal(ms === undefined ? undefined : new Date(ms).toISOString(), iso);
  });
});

describe('describeDuration', () => {
  it('words a duration from days down to milliseconds', () => {
    assert.equal(describeDuration(93_784_005), '1d 2h 3m 4s 5ms');
    assert.equal(describeDuration(0), '0s');
    assert.equal(describeDuration(-60_000), '-1m');
  });
});
