import type { CaseResult } from './run-report.js';
import { countByStatus } from './run-report.js';

/** --max-skipped: a run that skipped more than this checked too little to pass. */
export type SkipLimit = { readonly kind: 'count'; readonly max: number } | { readonly kind: 'percent'; readonly max: number };

export interface Verdict {
  readonly ok: boolean;
  /** 0 passed; 1 a case failed or too many were skipped. */
  readonly exitCode: 0 | 1;
  readonly failedCases: number;
  /** Set when --max-skipped was exceeded: how many were skipped, against what limit, and what to look at. */
  readonly tooManySkipped?: string;
}

/** Reads `12` or `40%`; undefined text means no limit. Throws a RangeError worded for the option. */
export function parseSkipLimit(text: string): SkipLimit {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new RangeError(`--max-skipped takes a number of cases (e.g. 10) or a percentage of them (e.g. 20%), not '${text}'.`);
  const n = Number(m[1]);
  if (m[2] === '%') {
    if (n > 100) throw new RangeError(`--max-skipped ${text}: a percentage is at most 100%.`);
    return { kind: 'percent', max: n };
  }
  if (!Number.isInteger(n)) throw new RangeError(`--max-skipped ${text}: a number of cases is a whole number (or give a percentage, e.g. ${n}%).`);
  return { kind: 'count', max: n };
}

export function describeSkipLimit(limit: SkipLimit): string {
  return limit.kind === 'percent' ? `${limit.max}%` : String(limit.max);
}

export function verdictOf(results: readonly CaseResult[], maxSkipped?: SkipLimit): Verdict {
  const c = countByStatus(results);
  let skipped: string | undefined;
  if (maxSkipped && tooManySkipped(c.skip, results.length, maxSkipped)) {
    const share = results.length === 0 ? 0 : (100 * c.skip) / results.length;
    skipped =
      `${c.skip} of ${results.length} cases were skipped (${share.toFixed(0)}%), more than --max-skipped ${describeSkipLimit(maxSkipped)} allows: ` +
      'the run checked too little to mean anything. The skip reasons say what was missing (an account with no sessions, a read-only run without --allow-writes).';
  }
  const ok = c.fail === 0 && skipped === undefined;
  return { ok, exitCode: ok ? 0 : 1, failedCases: c.fail, ...(skipped ? { tooManySkipped: skipped } : {}) };
}

function tooManySkipped(skipped: number, total: number, limit: SkipLimit): boolean {
  if (limit.kind === 'count') return skipped > limit.max;
  return total > 0 && (100 * skipped) / total > limit.max;
}
