import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { describeDuration, isCalendarDay, parseDuration, parseInstant, readInstant } from '../../src/time/time-text.js';

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

const zoneBefore = process.env['TZ'];
after(() => {
  if (zoneBefore === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zoneBefore;
});

const read: [string, string][] = [
  ['2026-11-20', '2026-11-20T00:00:00.000Z'],
  ['2026-11-20T14:03Z', '2026-11-20T14:03:00.000Z'],
  ['2026-11-20T14:03:07Z', '2026-11-20T14:03:07.000Z'],
  ['2026-11-20T14:03:07.123Z', '2026-11-20T14:03:07.123Z'],
  ['2026-11-20T14:03:07+01:00', '2026-11-20T13:03:07.000Z'],
  ['2026-11-20T14:03:07-0500', '2026-11-20T19:03:07.000Z'],
  ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  // Without a zone it is UTC, never the machine's zone.
  ['2026-11-20T12:00:00', '2026-11-20T12:00:00.000Z'],
  ['2026-11-20T12:00', '2026-11-20T12:00:00.000Z'],
];
const refused: [string, RegExp][] = [
  ['2026-02-30', /is not a day of the calendar/],
  ['2023-02-29T00:00:00Z', /is not a day and time of the calendar/],
  ['2026-11-20T25:00:00Z', /is not a day and time of the calendar/],
  ['yesterday', /is not an ISO 8601 date-time such as/],
  ['20261120', /is not an ISO 8601 date-time such as/],
];

// Node re-reads TZ when it changes, so one process can read the same texts as two machines would.
for (const zone of ['UTC', 'America/New_York']) {
  describe(`readInstant with TZ=${zone}`, () => {
    for (const [text, iso] of read) {
      it(`reads ${text} as ${iso}`, () => {
        process.env['TZ'] = zone;
        const instant = readInstant(text);
        assert.ok(instant instanceof Date, JSON.stringify(instant));
        assert.equal(instant.toISOString(), iso);
      });
    }
    for (const [text, problem] of refused) {
      it(`refuses ${text}, saying why`, () => {
        process.env['TZ'] = zone;
        const instant = readInstant(text);
        assert.ok(!(instant instanceof Date), `read as ${String(instant)}`);
        assert.match(instant.problem, problem);
      });
    }
  });
}

describe('isCalendarDay', () => {
  it('accepts real days only, written YYYY-MM-DD', () => {
    assert.deepEqual(['2026-11-20', '2024-02-29', '2023-02-29', '2026-1-2', '2026-11-20T00:00:00Z'].map(isCalendarDay), [true, true, false, false, false]);
  });
});
