/**
 * The names of the checks the runner applies. A failing case names the check that failed, so a CI log
 * or a JUnit report says what kind of defect it is without reading the body.
 */
export type CheckName =
  | 'status'
  | 'www-authenticate'
  | 'content-type'
  | 'parse'
  | 'schema'
  | 'json-wire'
  | 'round-trip'
  | 'error-shape'
  | 'error-field'
  | 'paging'
  | 'page-size'
  | 'sort'
  | 'filter'
  | 'readback'
  | 'cross-format'
  | 'property'
  /** The target stopped answering mid-run (timeout, reset). */
  | 'transport'
  /** The runner itself could not carry the case out; a bug to report, not a verdict on the target. */
  | 'runner-error';

export interface CheckResult {
  readonly check: CheckName;
  readonly ok: boolean;
  /** Why it failed, or what it established when it passed. */
  readonly message: string;
  /** Something accepted on purpose that a reader should know about (e.g. a .NET Framework xmlns order). */
  readonly note?: string;
  /**
   * A failure's separate defects, each said without where it was seen, so that one member missing from
   * every answer is one root cause across the run (see root-causes.ts). Absent: the message is the cause.
   */
  readonly problems?: readonly Problem[];
}

/** One defect in one answer: `cause` names the type and member (SessionInfo.ended must be boolean), `at` the place. */
export interface Problem {
  readonly cause: string;
  readonly at: string;
}

export function pass(check: CheckName, message: string, note?: string): CheckResult {
  return note === undefined ? { check, ok: true, message } : { check, ok: true, message, note };
}

export function fail(check: CheckName, message: string, problems?: readonly Problem[]): CheckResult {
  return problems === undefined || problems.length === 0 ? { check, ok: false, message } : { check, ok: false, message, problems };
}

/** A failure built from its problems (`text` says each where it was seen): the first few in the message, every one kept for grouping. */
export function failWithProblems(check: CheckName, lead: string, found: readonly (Problem & { readonly text: string })[], shown = 4): CheckResult {
  const listed = found.slice(0, shown).map((p) => p.text);
  const more = found.length > shown ? ` (and ${found.length - shown} more)` : '';
  return fail(check, `${lead}${listed.join('; ')}${more}`, found.map(({ cause, at }) => ({ cause, at })));
}
