/**
 * The mock's clock: the time every date is stamped with and the archive boundary is drawn from. It
 * reads the wall clock through `wall` (so a test or faketime moves it), scaled by `speed` from the
 * moment it was last set; paused, it stands still until advanced or set. Readings never go backwards
 * unless `set` moves them back on purpose.
 */
export interface ClockState {
  /** ISO 8601, the clock's reading. */
  readonly now: string;
  readonly paused: boolean;
  /** Simulated milliseconds per wall-clock millisecond. */
  readonly speed: number;
}

export type ClockListener = (change: 'set' | 'advance' | 'pause' | 'resume' | 'speed') => void;

export const MAX_SPEED = 100_000;

export class SimClock {
  /** Reading at `wallBase`. */
  private base: number;
  private wallBase: number;
  private pausedFlag: boolean;
  private rate: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(options: { readonly start: number; readonly speed?: number; readonly paused?: boolean; readonly wall?: () => number }) {
    this.wall = options.wall ?? Date.now;
    this.base = options.start;
    this.wallBase = this.wall();
    this.rate = options.speed ?? 1;
    this.pausedFlag = options.paused ?? false;
    checkSpeed(this.rate);
  }

  private readonly wall: () => number;

  /** Milliseconds since the epoch, whole. */
  now(): number {
    if (this.pausedFlag) return this.base;
    return this.base + Math.floor((this.wall() - this.wallBase) * this.rate);
  }

  date(): Date {
    return new Date(this.now());
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  get speed(): number {
    return this.rate;
  }

  state(): ClockState {
    return { now: new Date(this.now()).toISOString(), paused: this.pausedFlag, speed: this.rate };
  }

  pause(): void {
    if (this.pausedFlag) return;
    this.rebase();
    this.pausedFlag = true;
    this.emit('pause');
  }

  resume(): void {
    if (!this.pausedFlag) return;
    this.rebase();
    this.pausedFlag = false;
    this.emit('resume');
  }

  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.rebase();
    this.rate = speed;
    this.emit('speed');
  }

  /** Moves the reading to `ms` (forwards or back); a running clock runs on from there. */
  set(ms: number): void {
    this.base = ms;
    this.wallBase = this.wall();
    this.emit('set');
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('The clock advances by a duration of zero or more.');
    this.rebase();
    this.base += ms;
    this.emit('advance');
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Folds the time run so far into `base`, so a change of speed or pause applies from now on. */
  private rebase(): void {
    this.base = this.now();
    this.wallBase = this.wall();
  }

  private emit(change: Parameters<ClockListener>[0]): void {
    for (const l of this.listeners) l(change);
  }
}

function checkSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed <= 0 || speed > MAX_SPEED) throw new RangeError(`The clock's speed is a number above 0 and at most ${MAX_SPEED}, not ${speed}.`);
}
