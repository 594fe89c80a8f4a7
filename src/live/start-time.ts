import type { Fixtures } from '../store/fixtures.js';
import type { SessionStore } from '../store/session-store.js';
import type { StoreMeta } from '../store/store-data.js';
import { worldOfStore } from '../seed/scenarios/store-world.js';
import type { AccountWorld } from '../seed/seed-world.js';
import { SimClock } from '../time/sim-clock.js';
import { DEFAULT_RATE } from './live-defaults.js';
import { keepCurrent } from './keep-current.js';
import { LiveWorld } from './live-world.js';
import { scenarioScripts } from './scenario-scripts.js';
import { TimeControl } from './time-control.js';

export interface TimeSettings {
  /** --now: the clock starts exactly here (and the world is not moved). */
  readonly now?: Date;
  /** --live: calls arrive and move on by themselves. */
  readonly live?: boolean;
  /** --speed: simulated milliseconds per wall-clock millisecond. */
  readonly speed?: number;
  /** --rate: calls per hour per account at speed 1, in live mode. */
  readonly rate?: number;
  /** --paused: the clock starts stopped; only the admin API moves it. */
  readonly paused?: boolean;
}

/**
 * The store's clock, readable before the clock exists: a store opens with `read` as its clock, and
 * startTime puts the SimClock behind it once the store's meta says where it starts.
 */
export class ClockHolder {
  private clock: SimClock | undefined;
  readonly read = (): Date => (this.clock ? this.clock.date() : new Date());
  hold(clock: SimClock): void {
    this.clock = clock;
  }
}

export interface RunningTime {
  readonly control: TimeControl;
  /** Present when the world was moved to stay current. */
  readonly shifted?: { readonly byMs: number; readonly sessions: number };
  stop(): Promise<void>;
}

/**
 * Starts the clock and what moves on it, on an opened store: where the clock starts (--now, else the
 * seed's fixed --now, else the wall clock; a store that is not pinned is first moved forward so its
 * world is current), then the live world (scripted scenarios always; random calls with --live).
 */
export async function startTime(
  store: SessionStore & { readonly meta?: StoreMeta },
  fixtures: Fixtures,
  holder: ClockHolder,
  settings: TimeSettings,
  warn: (message: string) => void = () => undefined,
): Promise<RunningTime> {
  const meta = store.meta;
  const pinned = settings.now ?? (meta?.nowFixed ? new Date(meta.now) : undefined);
  const clock = new SimClock({ start: (pinned ?? new Date()).getTime(), speed: settings.speed ?? 1, paused: settings.paused ?? false });
  holder.hold(clock);
  const shifted = pinned ? undefined : await keepCurrent(store.sessions, clock.now());
  const worlds = new Map<string, AccountWorld>();
  if (meta) {
    try {
      for (const w of (await worldOfStore(fixtures, meta.seed, store)).accounts) worlds.set(w.account.id, w);
    } catch (err) {
      warn(`${err instanceof Error ? err.message : String(err)} Live calls move on with the people already on them; no new calls arrive.`);
    }
  }
  const accounts = [...worlds.values()].filter((w) => w.account.seedShare > 0 && w.agents.length > 0 && w.contacts.length > 0).map((w) => w.account.id);
  const world = new LiveWorld({
    sessions: store.sessions,
    clock,
    seed: meta?.seed ?? 0,
    worlds,
    ...(settings.live ? { live: { rate: settings.rate ?? DEFAULT_RATE, accounts } } : {}),
    script: scenarioScripts(),
    onWarning: warn,
  });
  world.start();
  // Scripted steps that fell due while the mock was down (or before a paused clock's start) run now, stamped
  // when they fell due; random steps of the calls it takes over are drawn from the start.
  await world.runUntil(clock.now());
  return {
    control: new TimeControl(clock, world, settings.live ?? false),
    ...(shifted ? { shifted: { byMs: shifted.byMs, sessions: shifted.sessions } } : {}),
    stop: () => world.stop(),
  };
}
