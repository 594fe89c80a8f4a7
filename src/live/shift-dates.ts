import type { SessionInfo } from '../generated/dtos.js';
import { iso } from '../seed/session-parts.js';

/** The same session `deltaMs` later (or earlier): every date it holds, its log's included. A copy. */
export function shiftSession(s: SessionInfo, deltaMs: number): SessionInfo {
  const move = (d: string | undefined): string | undefined => {
    if (d === undefined) return undefined;
    const ms = Date.parse(d);
    return Number.isNaN(ms) ? d : iso(ms + deltaMs);
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = v;
  out['dateCreated'] = move(s.dateCreated);
  if (s.dateLastModified !== undefined) out['dateLastModified'] = move(s.dateLastModified);
  if (s.dateCompleted !== undefined) out['dateCompleted'] = move(s.dateCompleted);
  if (s.log) out['log'] = s.log.map((e) => (e.date === undefined ? e : { ...e, date: move(e.date) }));
  return out as unknown as SessionInfo;
}

/** The newest date a session holds: when the world it belongs to was last current. */
export function newestDate(s: SessionInfo): number {
  let newest = Date.parse(s.dateCreated as string);
  for (const d of [s.dateLastModified, s.dateCompleted]) if (d !== undefined) newest = Math.max(newest, Date.parse(d) || 0);
  const log = s.log;
  if (log) for (let i = 0; i < log.length; i++) {
    const d = log[i]?.date;
    if (d !== undefined) newest = Math.max(newest, Date.parse(d) || 0);
  }
  return newest;
}
