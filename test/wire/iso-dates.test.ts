import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { isCalendarDay, readInstant } from '../../src/wire/iso-dates.js';

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
];
const refused: [string, RegExp][] = [
  ['2026-11-20T12:00:00', /has no time zone; add Z for UTC \(2026-11-20T12:00:00Z\)/],
  ['2026-11-20T12:00', /has no time zone/],
  ['2026-02-30', /is not a day of the calendar/],
  ['2023-02-29T00:00:00Z', /is not a day and time of the calendar/],
  ['2026-11-20T25:00:00Z', /is not a day and time of the calendar/],
  ['yesterday', /is not an ISO 8601 date-time/],
  ['20261120', /is not an ISO 8601 date-time/],
];

// Node re-reads TZ when it changes, so one process can read the same texts as two machines would.
for (const zone of ['UTC', 'America/New_York']) {
  describe(`reading an instant typed by a person, with TZ=${zone}`, () => {
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

describe('calendar days', () => {
  it('accepts real days only, written YYYY-MM-DD', () => {
    assert.deepEqual(['2026-11-20', '2024-02-29', '2023-02-29', '2026-1-2', '2026-11-20T00:00:00Z'].map(isCalendarDay), [true, true, false, false, false]);
  });
});
