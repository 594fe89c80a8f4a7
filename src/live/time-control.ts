import type { ClockState, SimClock } from '../time/sim-clock.js';
import type { LiveWorld, RunReport } from './live-world.js';

/** What GET /__admin/clock answers: the clock, and what moves on it. */
export interface ClockView extends ClockState {
  /** Live mode: calls arrive and move on by themselves. */
  readonly live: boolean;
  /** Sessions with a next step planned (live calls, moving scenarios). */
  readonly moving: number;
  /** When the next planned step falls due, ISO 8601; absent when none is. */
  readonly nextStepAt?: string;
  /** What has run since the mock started (its own timer and every clock change): shows the world is moving. */
  readonly sinceStart: RunReport;
}

export interface ClockChange {
  readonly pause?: boolean;
  /** Milliseconds to move forward. */
  readonly advance?: number;
  /** Milliseconds since the epoch to move to. */
  readonly set?: number;
  readonly speed?: number;
}

/**
 * The clock QA drives (the admin API's /__admin/clock): a change moves the clock and first runs, in
 * order and durably, every step that falls due on the way, so the answer reflects the state at the
 * new time. Backwards (`set` to an earlier time) runs nothing: what happened stays.
 */
export class TimeControl {
  constructor(
    readonly clock: SimClock,
    private readonly world?: LiveWorld,
    private readonly live = false,
  ) {}

  view(): ClockView {
    const next = this.world?.nextDue();
    return {
      ...this.clock.state(),
      live: this.live,
      moving: this.world?.plannedCount ?? 0,
      ...(next !== undefined ? { nextStepAt: new Date(next).toISOString() } : {}),
      sinceStart: this.world?.totals ?? { steps: 0, arrivals: 0, writes: 0 },
    };
  }

  /** Runs `task` (a write to moving sessions, such as restarting a scenario) between the world's own steps. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.world ? this.world.exclusive(task) : task();
  }

  /** Applies a change: pause first, then set, advance and speed, and a resume last. */
  async change(c: ClockChange): Promise<{ readonly clock: ClockView; readonly ran: RunReport }> {
    const ran = { steps: 0, arrivals: 0, writes: 0 };
    const add = (r: RunReport) => {
      ran.steps += r.steps;
      ran.arrivals += r.arrivals;
      ran.writes += r.writes;
    };
    if (c.pause === true) this.clock.pause();
    if (c.set !== undefined) {
      const target = c.set;
      if (this.world && target > this.clock.now()) add(await this.world.moveClockTo(target, () => this.clock.set(target)));
      else this.clock.set(target);
    }
    if (c.advance !== undefined) {
      const by = c.advance;
      if (this.world) add(await this.world.moveClockTo(this.clock.now() + by, () => this.clock.advance(by)));
      else this.clock.advance(by);
    }
    if (c.speed !== undefined) this.clock.setSpeed(c.speed);
    if (c.pause === false) this.clock.resume();
    return { clock: this.view(), ran };
  }
}
