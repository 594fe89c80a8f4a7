/**
 * The one reading of dates a person types (--now, the admin insert's dateCreated, ListSessions'
 * startDate/endDate): ISO 8601, checked against the calendar, and never in the machine's own time
 * zone. A date-time without a zone is refused rather than read as local time, because the same
 * command must give the same data on every machine (TZ=America/New_York would otherwise move
 * --now 2026-11-20T12:00:00 to 17:00Z).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** YYYY-MM-DD naming a real day: Date() would roll 2026-02-30 over to March 2. */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Why a text is not an instant, worded to follow the value: "'x' ${reason}". */
export type InstantProblem = { readonly problem: string };

export const INSTANT_EXAMPLE = '2026-11-20T12:00:00Z';

/**
 * A date alone is midnight UTC; a date-time needs Z or an offset. Returns the instant, or what is
 * wrong with the text for the caller to put in its own message.
 */
export function readInstant(text: string): Date | InstantProblem {
  const t = text.trim();
  if (DAY.test(t)) return isCalendarDay(t) ? new Date(`${t}T00:00:00Z`) : { problem: 'is not a day of the calendar' };
  const m = DATE_TIME.exec(t);
  if (!m) return { problem: `is not an ISO 8601 date-time such as ${INSTANT_EXAMPLE} (or a date, 2026-11-20)` };
  if (m[2] === undefined) return { problem: `has no time zone; add Z for UTC (${t}Z) or an offset such as +01:00` };
  const d = new Date(t);
  if (!isCalendarDay(m[1]!) || Number.isNaN(d.getTime())) return { problem: 'is not a day and time of the calendar' };
  return d;
}
