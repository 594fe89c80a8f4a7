import type { SessionRepository } from '../store/session-repository.js';
import type { StoredSession } from '../store/session-store.js';
import type { AccountWorld } from '../seed/seed-world.js';
import type { SimClock } from '../time/sim-clock.js';
import { arrivalsBetween, arrivingCall, type Arrival } from './arrivals.js';
import { applyStep, planNext, type PlannedStep, type ProgressContext, type Transition } from './call-progress.js';
import { keyedRandom } from './live-random.js';

/**
 * The world moving on its clock: every live session's next step and every arriving call, run in
 * time order and written through the sessions' seam. Steps are stamped with the time they fall due,
 * not the time they happen to run, and their draws are keyed by the session and its step, so a clock
 * that ran, one advanced in a single jump, and one advanced minute by minute all leave the same data.
 */

/** What LiveWorld needs of the sessions' seam: it reads and writes sessions through nothing else. */
export type MovableSessions = Pick<SessionRepository, 'get' | 'live' | 'put' | 'delete' | 'onChange'>;

/** A scripted step (a moving scenario) for a session, taking precedence over the random ones. */
export type ScriptLookup = (entry: StoredSession) => { readonly step: PlannedStep; readonly legId?: string } | undefined;

export interface LiveWorldOptions {
  readonly sessions: MovableSessions;
  readonly clock: SimClock;
  /** Keys every draw: the store's seed. */
  readonly seed: number;
  /** Each account's people, lines and queues, by account id. */
  readonly worlds: ReadonlyMap<string, AccountWorld>;
  /** Live mode: live calls take random steps and new calls arrive at `rate` per hour per account. Off: only scripted steps run. */
  readonly live?: { readonly rate: number; readonly accounts: readonly string[] };
  readonly script?: ScriptLookup;
  readonly onWarning?: (message: string) => void;
}

export interface RunReport {
  /** Steps taken, arrivals included. */
  readonly steps: number;
  readonly arrivals: number;
  /** Sessions written. */
  readonly writes: number;
}

interface Due {
  readonly at: number;
  readonly id: string;
  readonly token: string;
}

/** Arrivals are drawn an hour of simulated time ahead at most, so a far jump does not hold a year of them at once. */
const ARRIVAL_WINDOW = 3_600_000;
/** The wall-clock wait between checks while the clock runs: bounds how late a step is written. */
const MAX_TICK_MS = 1_000;
const MIN_TICK_MS = 20;

export class LiveWorld {
  private readonly heap: Due[] = [];
  /** The token of each session's planned step; heap entries with another are stale. */
  private readonly planned = new Map<string, string>();
  /** Written but maybe not yet durable: what the next step must start from. */
  private readonly pending = new Map<string, StoredSession>();
  /** Every version it wrote, so the change events of its own writes are told from another writer's. */
  private readonly own = new WeakSet<StoredSession>();
  /**
   * Another writer's change that became durable while a write of its own to the same session was in
   * flight, planned from what the session was before. Its own write may land after it; once its
   * writes are durable, the other writer's version (or delete) is made to stand.
   */
  private readonly overtaken = new Map<string, StoredSession | 'deleted'>();
  private arrivals: Arrival[] = [];
  private arrivalsUntil: number;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly unsubscribe: Array<() => void> = [];
  private readonly children = new Map<string, Set<string>>();
  private readonly ran = { steps: 0, arrivals: 0, writes: 0 };
  /** When each session was taken over from outside (start, another writer): ProgressContext.notBefore. */
  private readonly takenOver = new Map<string, number>();

  constructor(private readonly options: LiveWorldOptions) {
    this.arrivalsUntil = options.clock.now();
  }

  /** Plans every live session and, while the clock runs, keeps running what falls due. */
  start(): void {
    for (const e of this.options.sessions.live()) this.takeOver(e);
    this.unsubscribe.push(
      this.options.sessions.onChange((c) => {
        if (c.kind === 'delete') {
          if (this.pending.has(c.id)) this.overtaken.set(c.id, 'deleted');
          this.planned.delete(c.id);
          this.takenOver.delete(c.id);
          return;
        }
        // Its own writes are tracked as they are made; another writer's change replans the session.
        if (this.own.has(c.entry)) return;
        if (this.pending.has(c.id)) this.overtaken.set(c.id, c.entry);
        else this.takeOver(c.entry);
      }),
      this.options.clock.onChange(() => this.reschedule()),
    );
    this.reschedule();
  }

  /** Stops the timer; what is running finishes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const u of this.unsubscribe) u();
    await this.chain.catch(() => undefined);
  }

  /** How many steps are planned (live sessions it moves). */
  get plannedCount(): number {
    return this.planned.size;
  }

  /** Everything it has run since it started, by its timer and by clock changes alike. */
  get totals(): RunReport {
    return { ...this.ran };
  }

  /** When the next step falls due, if any is planned (arrivals not counted). */
  nextDue(): number | undefined {
    this.dropStale();
    return this.heap[0]?.at;
  }

  /**
   * Runs every step due up to `until` in time order, each written through the seam, and resolves
   * once all are durable. Serialised with the clock's own runs.
   */
  runUntil(until: number): Promise<RunReport> {
    return this.exclusive(() => this.runNow(until));
  }

  /**
   * Runs `task` between the world's own runs, so sessions it writes are neither read half-written by
   * a step nor overwritten by one planned from what they were before.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** advance/set: runs what falls due in the skipped interval, then moves the clock there. */
  async moveClockTo(target: number, move: () => void): Promise<RunReport> {
    const report = await this.runUntil(target);
    move();
    return report;
  }

  private async runNow(until: number): Promise<RunReport> {
    let steps = 0;
    let arrivals = 0;
    const writes: Promise<unknown>[] = [];
    const write = (e: StoredSession): void => {
      this.takenOver.delete(e.session.id as string);
      this.pending.set(e.session.id as string, e);
      this.own.add(e);
      this.linkParent(e);
      writes.push(this.options.sessions.put(e));
      this.track(e);
    };
    for (;;) {
      this.dropStale();
      const step = this.heap[0];
      const arrival = this.nextArrival(until);
      if (arrival && (!step || arrival.at < step.at || (arrival.at === step.at && arrival.key < step.id))) {
        this.arrivals.shift();
        const w = this.options.worlds.get(arrival.accountId);
        if (!w) continue;
        const entry = this.safely(`arrival ${arrival.key}`, () => arrivingCall(w, this.options.seed, arrival));
        if (entry && !this.current(entry.session.id as string)) {
          write(entry);
          arrivals++;
          steps++;
        }
        continue;
      }
      if (!step || step.at > until) break;
      heapPop(this.heap);
      this.planned.delete(step.id);
      const entry = this.current(step.id);
      if (!entry) continue;
      const out = this.safely(`session ${step.id}`, () => {
        const ctx = this.context(entry);
        const plan = this.plan(entry, ctx);
        return plan ? applyStep(entry, plan.step.transition, plan.step.at, plan.legId ? { ...ctx, legId: plan.legId } : ctx) : undefined;
      });
      if (!out) continue;
      for (const e of out) write(e);
      steps++;
    }
    this.ran.steps += steps;
    this.ran.arrivals += arrivals;
    this.ran.writes += writes.length;
    try {
      await Promise.all(writes);
    } finally {
      this.pending.clear();
    }
    if ((await this.restoreOvertaken()) > 0) {
      // What was put back is planned afresh; its steps that fall due before `until` run now.
      const more = await this.runNow(until);
      return { steps: steps + more.steps, arrivals: arrivals + more.arrivals, writes: writes.length + more.writes };
    }
    return { steps, arrivals, writes: writes.length };
  }

  /** Puts back what another writer wrote (or deleted) while its own write of that session was in flight. */
  private async restoreOvertaken(): Promise<number> {
    const redo = [...this.overtaken];
    this.overtaken.clear();
    await Promise.all(
      redo.map(async ([id, theirs]) => {
        const now = this.options.sessions.get(id);
        if (theirs === 'deleted') {
          if (now) await this.options.sessions.delete(id);
        } else if (now === theirs) {
          this.takeOver(theirs);
        } else {
          await this.options.sessions.put(theirs);
        }
      }),
    );
    return redo.length;
  }

  private plan(entry: StoredSession, ctx: ProgressContext): { step: PlannedStep; legId?: string } | undefined {
    const scripted = this.options.script?.(entry);
    if (scripted) return scripted;
    if (!this.options.live) return undefined;
    const step = planNext(entry, ctx);
    return step ? { step } : undefined;
  }

  /** Draws keyed by the session and how far its log has got: the same state always takes the same step. */
  private context(entry: StoredSession): ProgressContext {
    const s = entry.session;
    return {
      world: this.options.worlds.get(s.accountId as string),
      rnd: keyedRandom(this.options.seed, `${s.id} ${s.log?.length ?? 0} ${s.dateLastModified ?? ''}`),
      children: (id) => [...(this.children.get(id) ?? [])].map((c) => this.current(c)).filter((e): e is StoredSession => e !== undefined && e.session.ended !== true),
      isLive: (id) => this.current(id)?.session.ended === false,
      ...(this.takenOver.has(s.id as string) ? { notBefore: this.takenOver.get(s.id as string) } : {}),
    };
  }

  private current(id: string): StoredSession | undefined {
    return this.pending.get(id) ?? this.options.sessions.get(id);
  }

  /** A session as another writer (or the seed) left it: planned from its state, and from now at the earliest. */
  private takeOver(entry: StoredSession): void {
    if (!entry.session.ended) this.takenOver.set(entry.session.id as string, this.options.clock.now());
    this.track(entry);
  }

  /** (Re)plans a session's next step from its state now. */
  private track(entry: StoredSession): void {
    const id = entry.session.id as string;
    this.linkParent(entry);
    if (entry.session.ended) {
      this.planned.delete(id);
      return;
    }
    const plan = this.safely(`session ${id}`, () => this.plan(entry, this.context(entry)));
    if (!plan) {
      this.planned.delete(id);
      return;
    }
    const token = tokenOf(entry, plan.step.transition);
    if (this.planned.get(id) === token) return;
    this.planned.set(id, token);
    heapPush(this.heap, { at: plan.step.at, id, token });
    if (!this.stopped && !this.timer) this.reschedule();
  }

  private linkParent(e: StoredSession): void {
    if (e.parentSessionId === undefined) return;
    let set = this.children.get(e.parentSessionId);
    if (!set) this.children.set(e.parentSessionId, (set = new Set()));
    set.add(e.session.id as string);
  }

  private dropStale(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0] as Due;
      if (this.planned.get(top.id) === top.token) return;
      heapPop(this.heap);
    }
  }

  private nextArrival(until: number): Arrival | undefined {
    const live = this.options.live;
    if (!live) return undefined;
    while (this.arrivals.length === 0 && this.arrivalsUntil <= until) {
      const to = Math.min(until + 1, this.arrivalsUntil + ARRIVAL_WINDOW);
      this.arrivals = arrivalsBetween(this.options.seed, live.accounts, live.rate, this.arrivalsUntil, to);
      this.arrivalsUntil = to;
    }
    const next = this.arrivals[0];
    return next && next.at <= until ? next : undefined;
  }

  private reschedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { clock } = this.options;
    if (this.stopped || clock.paused) return;
    const now = clock.now();
    const next = Math.min(this.nextDue() ?? Number.POSITIVE_INFINITY, this.options.live ? now + ARRIVAL_WINDOW : Number.POSITIVE_INFINITY);
    const wait = Number.isFinite(next) ? Math.min(MAX_TICK_MS, Math.max(MIN_TICK_MS, (next - now) / clock.speed)) : MAX_TICK_MS;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runUntil(clock.now()).then(
        () => this.reschedule(),
        (err: unknown) => {
          this.options.onWarning?.(`the live world stopped moving: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    }, wait);
    this.timer.unref();
  }

  private safely<T>(what: string, f: () => T): T | undefined {
    try {
      return f();
    } catch (err) {
      this.options.onWarning?.(`${what} could not move on (${err instanceof Error ? err.message : String(err)}); it stays as it is.`);
      return undefined;
    }
  }
}

function tokenOf(entry: StoredSession, t: Transition): string {
  const s = entry.session;
  return `${s.dateLastModified ?? ''} ${s.log?.length ?? 0} ${s.callState} ${t}`;
}

function before(a: Due, b: Due): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

function heapPush(h: Due[], d: Due): void {
  h.push(d);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!before(h[i] as Due, h[p] as Due)) break;
    [h[i], h[p]] = [h[p] as Due, h[i] as Due];
    i = p;
  }
}

function heapPop(h: Due[]): Due | undefined {
  const top = h[0];
  const last = h.pop();
  if (h.length > 0 && last) {
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l] as Due, h[m] as Due)) m = l;
      if (r < h.length && before(h[r] as Due, h[m] as Due)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as Due, h[i] as Due];
      i = m;
    }
  }
  return top;
}
