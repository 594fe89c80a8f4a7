import type { Fixtures } from '../../store/fixtures.js';
import type { StoredSession } from '../../store/session-store.js';
import type { Transition } from '../call-transitions.js';
import type { SeedRandom } from '../seed-random.js';
import type { World } from '../seed-world.js';

/**
 * A named QA state: sessions with fixed ids, dated relative to the store's reference time, that can
 * be put into a new store (`--scenario`) or a running one (`POST /__admin/scenarios/{name}`).
 */
export interface Scenario {
  /** kebab-case; the CLI and the admin API take it. */
  readonly name: string;
  /** One line, for listings. */
  readonly summary: string;
  /** What it guarantees and how to see it, for `--scenario list` and GET /__admin/scenarios. */
  readonly details: string;
  /** Scenarios with a size (huge-list): `NAME:COUNT` on the command line, `?count=` on the admin API. */
  readonly count?: { readonly default: number; readonly min: number; readonly max: number };
  /** The sessions it creates, by number (the id is scenarioId(name, n)); a sized scenario names its first and last. */
  fixed(count: number): readonly FixedSession[];
  build(ctx: ScenarioContext): ScenarioPlan;
  /** A scenario that moves: the steps its sessions take on the clock, after it starts. */
  readonly moves?: ScenarioScript;
}

/**
 * Steps on the clock, each at a fixed time after the scenario started (the moment it was applied:
 * its session `n`'s dateCreated plus `startLead`). The live engine runs them as the clock passes
 * them, whether it runs, is advanced or is set; a step already taken is not taken again.
 */
export interface ScenarioScript {
  /** How long before the start the scenario dates its first session (the part of its story told already). */
  readonly startLead: number;
  readonly steps: readonly ScriptStep[];
}

export interface ScriptStep {
  /** The session it moves. */
  readonly n: number;
  /** Milliseconds after the start. */
  readonly after: number;
  readonly transition: Transition;
  /** For a transfer: the number of the child leg it starts (its id is fixed like the others'). */
  readonly leg?: number;
  /** For the listings: what happens. */
  readonly what: string;
}

export interface FixedSession {
  readonly n: number;
  readonly what: string;
}

export interface ScenarioContext {
  readonly fixtures: Fixtures;
  /** The store's people, lines, queues and customers (rebuilt from its seed on a running mock). */
  readonly world: World;
  /** The store's reference time in ms (--now, else when it was seeded or, on a running mock, now). */
  readonly now: number;
  /** Seeded from the scenario's name: the same draws on every run. */
  readonly rnd: SeedRandom;
  /** The requested size, defaulted and range-checked; 0 for unsized scenarios. */
  readonly count: number;
  /** The fixed id of this scenario's session number n. */
  id(n: number): string;
}

export interface ScenarioPlan {
  /** Parents before their children. */
  readonly sessions: readonly StoredSession[];
  /**
   * Accounts that must hold no other session ('all' for every account). A new store drops what the
   * seed put there; on a running mock, which cannot delete, the scenario holds only if they are empty.
   */
  readonly emptied?: { readonly accounts: readonly string[] | 'all'; readonly label: string };
}

/** A scenario that cannot be applied as asked; `kind` picks the CLI's or the admin API's answer. */
export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly kind: 'unknown' | 'bad-request' | 'conflict',
    /** For 'unknown': every valid name, so the answer can list them. */
    readonly validNames: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ScenarioError';
  }
}
