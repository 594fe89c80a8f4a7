import type { Response } from 'express';

/** ServiceStack's permanent cookies last 20 years (SessionFeature.PermanentSessionExpiry). */
const PERMANENT_MS = 20 * 365 * 24 * 60 * 60 * 1000;

const BASE = { path: '/', httpOnly: true, sameSite: 'lax' } as const;

/**
 * The cookies a credentials sign-in sets, as ServiceStack does: a fresh ss-id and ss-pid, and ss-opt
 * saying which of the two the session lives under (perm = ss-pid, with rememberMe).
 */
export function setSessionCookies(res: Response, ids: { readonly ssId: string; readonly ssPid: string }, rememberMe: boolean): void {
  const expires = new Date(Date.now() + PERMANENT_MS);
  res.cookie('ss-id', ids.ssId, BASE);
  res.cookie('ss-pid', ids.ssPid, { ...BASE, expires });
  res.cookie('ss-opt', rememberMe ? 'perm' : 'temp', { ...BASE, expires });
}

export function clearSessionCookies(res: Response): void {
  for (const name of ['ss-id', 'ss-pid', 'ss-opt']) res.clearCookie(name, BASE);
}
