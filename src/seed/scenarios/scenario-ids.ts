import { createHash } from 'node:crypto';

/**
 * Fixed ids, derived from the scenario's name: 20 hex digits of sha256("evo-mock scenario NAME"),
 * then the session's number n in 12 hex digits. They have the 32-hex-digit shape of the API's Guids,
 * every session of a scenario shares the prefix, and nothing random goes in.
 */
export function scenarioIdPrefix(name: string): string {
  return digest(name).slice(0, 20);
}

export function scenarioId(name: string, n: number): string {
  return scenarioIdPrefix(name) + n.toString(16).padStart(12, '0');
}

/** The faker seed a scenario draws from: also from the name, so two scenarios never share draws. */
export function scenarioSeed(name: string): number {
  return Number.parseInt(digest(name).slice(20, 28), 16);
}

function digest(name: string): string {
  return createHash('sha256').update(`evo-mock scenario ${name}`).digest('hex');
}
