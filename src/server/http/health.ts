import type { RequestHandler } from 'express';

/** GET /__admin/health: 200 once the app exists (it is built only after the store is open). */
export function health(countSessions: () => number): RequestHandler {
  return (_req, res) => {
    const body = JSON.stringify({ status: 'ok', sessions: countSessions() });
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(body);
  };
}
