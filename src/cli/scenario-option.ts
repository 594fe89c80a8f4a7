import { UsageError } from '../options/usage-error.js';
import type { SeededScenario } from '../seed/scenarios/seed-scenarios.js';
import { ScenarioError } from '../seed/scenarios/scenario.js';

/** `--scenario list` alone asks for the listing rather than a store. */
export function asksForScenarioList(texts: readonly string[]): boolean {
  return texts.length === 1 && texts[0]?.trim().toLowerCase() === 'list';
}

/** `--scenario list`: the scenarios with their fixed ids. */
export async function printScenarioList(): Promise<number> {
  const { scenarioListing } = await import('../seed/scenarios/scenario-catalog.js');
  console.log(scenarioListing());
  return 0;
}

/** An unknown scenario or a bad size named on the command line is a usage error that points at the listing. */
export async function withScenarioUsage<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(`--scenario: ${err.message} Run with --scenario list to see what each does.`);
    throw err;
  }
}

/** One line on what --scenario did to a new store. */
export function scenarioSummary(applied: readonly SeededScenario[]): string {
  if (applied.length === 0) return '';
  const parts = applied.map((a) => `${a.name}${a.count > 0 ? `:${a.count}` : ''} ${[a.added > 0 ? `+${a.added}` : '', a.dropped > 0 ? `-${a.dropped}` : ''].filter(Boolean).join(' ') || '(no change)'}`);
  return `Scenarios: ${parts.join(', ')}.`;
}
