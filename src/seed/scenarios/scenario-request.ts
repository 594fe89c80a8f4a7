import { scenarioNamed, SCENARIO_NAMES } from './registry.js';
import { ScenarioError, type Scenario } from './scenario.js';

/** A scenario to apply, with its size resolved (0 for scenarios without one). */
export interface ScenarioRequest {
  readonly scenario: Scenario;
  readonly count: number;
}

/** One scenario by name, `countText` its size if it has one (huge-list); errors name what is valid. */
export function scenarioRequest(name: string, countText?: string): ScenarioRequest {
  const scenario = scenarioNamed(name);
  if (!scenario) {
    throw new ScenarioError(`There is no scenario '${name}'. The scenarios are: ${SCENARIO_NAMES.join(', ')}.`, 'unknown', SCENARIO_NAMES);
  }
  const size = scenario.count;
  if (!size) {
    if (countText !== undefined) throw new ScenarioError(`The scenario '${scenario.name}' has no size; name it without ':${countText}'.`, 'bad-request');
    return { scenario, count: 0 };
  }
  if (countText === undefined) return { scenario, count: size.default };
  const count = /^\d+$/.test(countText.trim()) ? Number(countText.trim()) : Number.NaN;
  if (!(count >= size.min && count <= size.max)) {
    throw new ScenarioError(`The size of '${scenario.name}' must be a whole number from ${size.min} to ${size.max}, not '${countText}'.`, 'bad-request');
  }
  return { scenario, count };
}

/**
 * `NAME[:COUNT]` items, comma-separated, from one or more texts (a repeated option): e.g.
 * "empty,huge-list:20000". Naming a scenario twice is refused: which size would win is a guess.
 */
export function parseScenarioList(texts: string | readonly string[]): ScenarioRequest[] {
  const items = (typeof texts === 'string' ? [texts] : texts).flatMap((t) => t.split(',')).map((t) => t.trim());
  if (items.length === 0 || items.some((t) => t === '')) {
    throw new ScenarioError(`Name scenarios separated by commas, e.g. empty,hold-transferring; the scenarios are: ${SCENARIO_NAMES.join(', ')}.`, 'bad-request');
  }
  const requests = items.map((item) => {
    const colon = item.indexOf(':');
    return colon < 0 ? scenarioRequest(item) : scenarioRequest(item.slice(0, colon), item.slice(colon + 1));
  });
  const seen = new Set<string>();
  for (const r of requests) {
    if (seen.has(r.scenario.name)) throw new ScenarioError(`The scenario '${r.scenario.name}' is named twice; name it once.`, 'bad-request');
    seen.add(r.scenario.name);
  }
  return requests;
}
