import type { StoredSession } from '../store/session-store.js';
import { newestDate, shiftSession } from './shift-dates.js';

/**
 * A world that stays current: a store seeded (or last running) days ago is moved forward as a whole
 * when it opens, so its newest moment is the clock's now. Every date of every session moves by the
 * same amount, sessions created since the seed included, so the call log still spans the last 15
 * days, the live calls are minutes old, and the archive holds what it held. The anchor is the newest
 * date the store holds (the last moment the mock was running, even after a crash), not a recorded
 * one, so nothing new goes into the future. A store pinned with --now is never moved.
 */

/** Gaps below this are left alone: restarting within minutes does not rewrite the store. */
export const SHIFT_AFTER_MS = 5 * 60_000;

export interface ShiftPlan {
  /** Milliseconds every date moves (negative: back, for a world that ran ahead of the wall clock). */
  readonly byMs: number;
  /** The newest date the store held before. */
  readonly newest: number;
}

/** How far the world is behind (or ahead of) `now`; undefined when it is current enough, or empty. */
export function planShift(sessions: readonly StoredSession[], now: number): ShiftPlan | undefined {
  if (sessions.length === 0) return undefined;
  let newest = Number.NEGATIVE_INFINITY;
  for (const e of sessions) newest = Math.max(newest, newestDate(e.session));
  const byMs = now - newest;
  return Number.isFinite(byMs) && Math.abs(byMs) >= SHIFT_AFTER_MS ? { byMs, newest } : undefined;
}

export interface ShiftTarget {
  all(): readonly StoredSession[];
  put(entry: StoredSession): Promise<unknown>;
}

/** Moves every session by the plan, through the seam; resolves once all are durable. */
export async function keepCurrent(target: ShiftTarget, now: number): Promise<(ShiftPlan & { readonly sessions: number }) | undefined> {
  const sessions = target.all();
  const plan = planShift(sessions, now);
  if (!plan) return undefined;
  await Promise.all(sessions.map((e) => target.put({ ...e, session: shiftSession(e.session, plan.byMs) })));
  return { ...plan, sessions: sessions.length };
}
