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
}

export function pass(check: CheckName, message: string, note?: string): CheckResult {
  return note === undefined ? { check, ok: true, message } : { check, ok: true, message, note };
}

export function fail(check: CheckName, message: string): CheckResult {
  return { check, ok: false, message };
}
