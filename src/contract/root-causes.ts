import type { CheckName } from './check-result.js';
import type { CaseResult } from './run-report.js';

/** Where one root cause showed: a failing case and the places in its answers. */
export interface Sighting {
  readonly caseId: string;
  /** JSON pointers (or other places) in that case's answers; empty when the check names none. */
  readonly at: readonly string[];
}

/**
 * One defect of the target, however many answers show it: the same member missing from 22 responses
 * is one root cause seen in 22 places, not 22 failures.
 */
export interface RootCause {
  readonly check: CheckName;
  /** Said without where it was seen, e.g. "SessionInfo.ended must be boolean". */
  readonly cause: string;
  readonly seen: readonly Sighting[];
  /** The failed check's own message in the first case that showed it, when it says more than the cause. */
  readonly example?: string;
  /** What the first case to show it sent, and its replay details (a property's seed and shrunk request). */
  readonly requests: readonly string[];
  readonly details?: readonly string[];
}

/**
 * Groups every failed check of every failing case by its cause, in the order first seen. A check that
 * lists its problems (schema, json-wire) contributes one cause per problem, keyed by type and member; any
 * other failed check is one cause, keyed by its message with record ids masked (a 500 on every
 * GET /sessions/{id} is one defect whichever id was asked for).
 */
export function rootCauses(results: readonly CaseResult[]): RootCause[] {
  const byKey = new Map<string, { check: CheckName; cause: string; seen: Map<string, string[]>; example?: string; requests: readonly string[]; details?: readonly string[] }>();
  for (const r of results) {
    if (r.outcome.status !== 'fail') continue;
    for (const c of r.outcome.checks) {
      if (c.ok) continue;
      const found = c.problems && c.problems.length > 0 ? c.problems : [{ cause: maskIds(c.message), at: '' }];
      for (const p of found) {
        const key = `${c.check}\u0000${p.cause}`;
        let entry = byKey.get(key);
        if (!entry) {
          entry = {
            check: c.check,
            cause: p.cause,
            seen: new Map(),
            ...(c.message !== p.cause ? { example: c.message } : {}),
            requests: r.outcome.requests,
            ...(r.outcome.details ? { details: r.outcome.details } : {}),
          };
          byKey.set(key, entry);
        }
        const places = entry.seen.get(r.id) ?? [];
        if (p.at && !places.includes(p.at)) places.push(p.at);
        entry.seen.set(r.id, places);
      }
    }
  }
  return [...byKey.values()].map(({ seen, ...rest }) => ({ ...rest, seen: [...seen].map(([caseId, at]) => ({ caseId, at })) }));
}

/** Session and other record ids (32 hex digits, ServiceStack's Guid "N" form) differ per case, not per defect. */
function maskIds(message: string): string {
  return message.replace(/\b[0-9a-f]{32}\b/gi, '{id}');
}

/** "GetSession.json.positive.basic (/ended), ListSessions.json... (/items/0/ended +24 more)", cut after `max` cases. */
export function describeSightings(seen: readonly Sighting[], max = Number.POSITIVE_INFINITY): string {
  const shown = seen.slice(0, max).map((s) => (s.at.length === 0 ? s.caseId : `${s.caseId} (${s.at[0]}${s.at.length > 1 ? ` +${s.at.length - 1} more` : ''})`));
  const rest = seen.length - shown.length;
  return shown.join(', ') + (rest > 0 ? `, and ${rest} more case${rest === 1 ? '' : 's'}` : '');
}
