/**
 * The one reading of instants and durations written by people: --now, the admin insert's
 * dateCreated, ListSessions' startDate/endDate, the clock admin API's `set` and `advance`, scenario
 * step times. Each says only whether (and why not) it could read the text, so the caller words the
 * error for its own place (a usage line, a ResponseStatus field).
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

/** Why a text is not an instant, worded to follow the quoted text: "'x' is not ...". */
export interface InstantProblem {
  readonly problem: string;
}

/**
 * An ISO 8601 date or date-time, never in the machine's own zone: a date alone is midnight UTC, and
 * a date-time without a zone is UTC too, so the same --now gives the same data on every machine
 * (read as local time, TZ=America/New_York moved 12:00 to 17:00Z).
 */
export function readInstant(text: string): Date | InstantProblem {
  const t = text.trim();
  if (DAY.test(t)) return isCalendarDay(t) ? new Date(`${t}T00:00:00Z`) : { problem: 'is not a day of the calendar' };
  const m = DATE_TIME.exec(t);
  if (!m) return { problem: `is not ${INSTANT_HELP}` };
  const d = new Date(m[2] === undefined ? `${t}Z` : t);
  if (!isCalendarDay(m[1]!) || Number.isNaN(d.getTime())) return { problem: 'is not a day and time of the calendar' };
  return d;
}

/** readInstant in milliseconds, undefined for text it cannot read. */
export function parseInstant(text: string): number | undefined {
  const instant = readInstant(text);
  return instant instanceof Date ? instant.getTime() : undefined;
}

export const INSTANT_HELP = 'an ISO 8601 date-time such as 2026-11-20T12:00:00Z (or a date, 2026-11-20)';
export const DURATION_HELP = 'an ISO 8601 duration such as PT5M, PT1H30M or P1D, or a short one such as 90s, 5m, 2h, 1d, 1h30m';

const UNIT_MS = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
/** P[nW][nD][T[nH][nM][n.nS]]: no years or months, whose length depends on the date they start from. */
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const SHORT_PART = /(\d+(?:\.\d+)?)\s*(ms|w|d|h|m|s)/gy;

/**
 * A duration in whole milliseconds, not negative: ISO 8601 ("PT5M", "P1DT2H", "PT0.5S") or the short
 * form people type ("5m", "2h", "1h30m", "90s", "250ms"). A bare number is refused: minutes or seconds?
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const iso = ISO_DURATION.exec(t);
  if (iso) {
    const parts = iso.slice(1);
    if (parts.every((p) => p === undefined) || /T$/i.test(t)) return undefined;
    const [w, d, h, m, s] = parts.map((p) => (p === undefined ? 0 : Number(p))) as [number, number, number, number, number];
    return Math.round(w * UNIT_MS.w + d * UNIT_MS.d + h * UNIT_MS.h + m * UNIT_MS.m + s * UNIT_MS.s);
  }
  let total = 0;
  let at = 0;
  SHORT_PART.lastIndex = 0;
  for (let m = SHORT_PART.exec(t); m; m = SHORT_PART.exec(t)) {
    total += Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    at = SHORT_PART.lastIndex;
    while (t[at] === ' ') at++;
    SHORT_PART.lastIndex = at;
  }
  return at === t.length && at > 0 ? Math.round(total) : undefined;
}

/** "1d 2h 5m 30s": how the clock API reports a duration back. */
export function describeDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.abs(ms);
  for (const [unit, size] of [['d', UNIT_MS.d], ['h', UNIT_MS.h], ['m', UNIT_MS.m], ['s', UNIT_MS.s], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return `${ms < 0 ? '-' : ''}${parts.join(' ')}`;
}
