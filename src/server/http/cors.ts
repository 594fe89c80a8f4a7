import type { RequestHandler } from 'express';

export type CorsPolicy = 'loopback' | 'any';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'Content-Type, Authorization, Accept, X-ss-id, X-ss-pid, X-ss-opt, X-Requested-With, X-Http-Method-Override';

/** http(s)://localhost, 127.x.x.x or [::1], on any port: browser apps under development. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/**
 * CORS for browser apps on other ports. Cookies travel with their requests (credentials), so the
 * Origin is reflected, never `*`; by default only loopback origins are, so a page on the internet
 * cannot read the mock through a developer's browser. Preflights end here. (Vary: Origin is among
 * the global headers, so every answer carries it once.)
 */
export function cors(policy: CorsPolicy): RequestHandler {
  return (req, res, next) => {
    const origin = req.headers.origin;
    const allowed = origin !== undefined && (policy === 'any' || LOOPBACK_ORIGIN.test(origin));
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.setHeader('Allow', ALLOWED_METHODS);
    res.status(204).end();
  };
}
