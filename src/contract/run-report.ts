import type { WireFormat } from '../wire/codec.js';
import type { CaseKind, CaseOutcome } from './contract-case.js';
import type { RootCause } from './root-causes.js';
import type { Cleanup } from './cleanup.js';
import type { SkipLimit, Verdict } from './verdict.js';

export interface CaseResult {
  readonly id: string;
  readonly operationId: string;
  readonly format: WireFormat | 'all';
  readonly kind: CaseKind;
  readonly title: string;
  readonly outcome: CaseOutcome;
  readonly durationMs: number;
}

/** Everything a run established; the JSON report is this object. */
export interface RunReport {
  readonly target: string;
  readonly credentials: string;
  readonly formats: readonly WireFormat[];
  readonly seed: number;
  readonly propertyRuns: number;
  readonly allowWrites: boolean;
  readonly maxSkipped?: SkipLimit;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly results: readonly CaseResult[];
  readonly created: readonly CreatedEntity[];
  /** Present when the target was evo-mock: what the runner removed of what it created, and what it left. */
  readonly cleanup?: Cleanup;
  /** Allowances made on purpose (e.g. an xmlns order) and other things worth reading. */
  readonly notes: readonly string[];
  /** The failures grouped by defect: what a reader fixes, each with every case it showed in. */
  readonly rootCauses: readonly RootCause[];
  /** Passed or not, and why: failures, or too many skipped cases for --max-skipped. */
  readonly verdict: Verdict;
}

export function countByStatus(results: readonly CaseResult[]): { pass: number; fail: number; skip: number } {
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const r of results) counts[r.outcome.status]++;
  return counts;
}

/** Something a write case created on the target; listed at the end of the run. */
export interface CreatedEntity {
  readonly operationId: string;
  readonly type: string;
  readonly id: string;
}
