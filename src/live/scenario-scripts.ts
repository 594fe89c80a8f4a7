import { SCENARIOS } from '../seed/scenarios/registry.js';
import type { Scenario, ScenarioScript } from '../seed/scenarios/scenario.js';
import { scenarioId, scenarioIdPrefix } from '../seed/scenarios/scenario-ids.js';
import type { StoredSession } from '../store/session-store.js';
import { lastChange } from './call-progress.js';
import type { ScriptLookup } from './live-world.js';

/**
 * The next scripted step of a moving scenario's session: the first step of its script later than the
 * session's last change. A session's scenario is known by its id's prefix and its number by the rest.
 */
export function scenarioScripts(scenarios: readonly Scenario[] = SCENARIOS): ScriptLookup {
  const moving = scenarios.flatMap((s) => (s.moves ? [{ name: s.name, script: s.moves, prefix: scenarioIdPrefix(s.name) }] : []));
  return (entry: StoredSession) => {
    const id = entry.session.id as string;
    const m = moving.find((x) => id.startsWith(x.prefix));
    if (!m || entry.session.ended) return undefined;
    return nextScripted(m.name, m.script, Number.parseInt(id.slice(m.prefix.length), 16), entry);
  };
}

function nextScripted(name: string, script: ScenarioScript, n: number, entry: StoredSession): ReturnType<ScriptLookup> {
  const start = Date.parse(entry.session.dateCreated as string) + script.startLead;
  const last = lastChange(entry.session);
  const step = script.steps.find((st) => st.n === n && start + st.after > last);
  if (!step) return undefined;
  return { step: { at: start + step.after, transition: step.transition }, ...(step.leg !== undefined ? { legId: scenarioId(name, step.leg) } : {}) };
}
