import { SCENARIOS } from './registry.js';
import type { Scenario } from './scenario.js';
import { scenarioId, scenarioIdPrefix } from './scenario-ids.js';

/** A scenario as the listings show it: GET /__admin/scenarios as JSON, `--scenario list` as text. */
export interface ScenarioEntry {
  readonly name: string;
  readonly summary: string;
  readonly details: string;
  readonly count?: { readonly default: number; readonly min: number; readonly max: number };
  /** Every fixed id starts with it; the last 12 hex digits are the session's number. */
  readonly idPrefix: string;
  /** At the default size, for a sized scenario. */
  readonly sessions: readonly { readonly n: number; readonly id: string; readonly what: string }[];
  /** A moving scenario's steps: session n, seconds after the start, what happens. */
  readonly moves?: readonly { readonly n: number; readonly afterSeconds: number; readonly what: string }[];
}

export function scenarioEntry(s: Scenario): ScenarioEntry {
  const count = s.count?.default ?? 0;
  return {
    name: s.name,
    summary: s.summary,
    details: s.details,
    ...(s.count ? { count: s.count } : {}),
    idPrefix: scenarioIdPrefix(s.name),
    sessions: s.fixed(count).map((f) => ({ n: f.n, id: scenarioId(s.name, f.n), what: f.what })),
    ...(s.moves ? { moves: s.moves.steps.map((st) => ({ n: st.n, afterSeconds: st.after / 1000, what: st.what })) } : {}),
  };
}

export function scenarioCatalog(): ScenarioEntry[] {
  return SCENARIOS.map(scenarioEntry);
}

/** `evo-mock seed --scenario list`: each scenario, one line on what it is, then its fixed ids. */
export function scenarioListing(): string {
  const lines = ['QA scenarios (fixed ids; dates relative to the store\'s --now):', ''];
  for (const e of scenarioCatalog()) {
    lines.push(`${e.name}${e.count ? '[:COUNT]' : ''}`, `    ${e.summary}`);
    for (const s of e.sessions) lines.push(`    ${s.id}  ${s.what}${e.count ? ` (session ${s.n})` : ''}`);
    if (e.count) lines.push(`    session n of ${e.count.min}..COUNT (default ${e.count.default}, at most ${e.count.max}) is ${e.idPrefix} + n in 12 hex digits`);
    if (e.sessions.length === 0) lines.push('    (creates no session)');
    for (const m of e.moves ?? []) lines.push(`    +${m.afterSeconds}s  session ${m.n}: ${m.what}`);
  }
  lines.push(
    '',
    'Apply them when a store is created or reset: evo-mock seed --reset --scenario hold-transferring,missed-call',
    '(or serve --reset --scenario ...); or on a running mock: curl -X POST http://127.0.0.1:4010/__admin/scenarios/NAME',
  );
  return lines.join('\n');
}
