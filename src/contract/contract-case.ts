import type { WireFormat } from '../wire/codec.js';
import type { CheckResult } from './check-result.js';
import type { RunContext } from './run-context.js';

export type CaseKind = 'positive' | 'negative' | 'property' | 'invariant';

/** A case is derived from the spec up front; it reads the target's data only when it runs. */
export interface ContractCase {
  /** Stable across runs, e.g. ListSessions.xml.negative.wrong-type.page. */
  readonly id: string;
  readonly operationId: string;
  /** 'all' for cases that compare the formats with each other. */
  readonly format: WireFormat | 'all';
  readonly kind: CaseKind;
  readonly title: string;
  /** Sends a write (needs --allow-writes). */
  readonly writes: boolean;
  run(ctx: RunContext): Promise<CaseOutcome>;
}

export type CaseStatus = 'pass' | 'fail' | 'skip';

export interface CaseOutcome {
  readonly status: CaseStatus;
  readonly checks: readonly CheckResult[];
  /** The requests it sent, described, for reports. */
  readonly requests: readonly string[];
  readonly skipReason?: string;
  /** Extra lines for a failure: a property's seed, path and shrunk request. */
  readonly details?: readonly string[];
}

export function outcomeOf(checks: readonly CheckResult[], requests: readonly string[], details?: readonly string[]): CaseOutcome {
  return { status: checks.every((c) => c.ok) ? 'pass' : 'fail', checks, requests, ...(details ? { details } : {}) };
}

export function skipped(reason: string): CaseOutcome {
  return { status: 'skip', checks: [], requests: [], skipReason: reason };
}
