import type { RequestHandler } from 'express';
import type { RequestCounter } from './health.js';

/**
 * ServiceStack's HostConfig.GlobalResponseHeaders (Vary: Accept, X-Powered-By) on every answer, plus
 * Origin in Vary because CORS answers depend on it, and nosniff so that a browser never reads an
 * answer (a JSV or text body echoing request data) as HTML or script. Set once, directly: this runs
 * on every request, which is also why it counts requests for /__admin/health.
 */
export function globalHeaders(version: string, counter?: RequestCounter): RequestHandler {
  const poweredBy = `ServiceStack/6 (evo-mock ${version})`;
  return (_req, res, next) => {
    // Counted here, the one place every request passes, rather than in a middleware of its own.
    if (counter) counter.count++;
    res.setHeader('Vary', 'Accept, Origin');
    res.setHeader('X-Powered-By', poweredBy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  };
}
