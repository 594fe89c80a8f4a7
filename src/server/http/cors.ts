import type { RequestHandler } from 'express';
import { API_HEADERS, withRequested, type CorsHeaders } from './cors-headers.js';

export type CorsPolicy = 'loopback' | 'any';
export type { CorsHeaders } from './cors-headers.js';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/** http(s)://localhost, 127.x.x.x or [::1], on any port: browser apps under development. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

/**
 * CORS for browser apps on other ports. Cookies travel with their requests (credentials), so the
 * Origin is reflected, never `*`; by default only loopback origins are, so a page on the internet
 * cannot read the mock through a developer's browser. Preflights end here. (Vary: Origin is among
 * the global headers, so every answer carries it once.)
 */
export function cors(policy: CorsPolicy, headers: CorsHeaders = 'requested'): RequestHandler {
  const fixed = headers === 'requested' ? API_HEADERS : [...API_HEADERS, ...headers.filter((h) => !API_HEADERS.some((a) => a.toLowerCase() === h.toLowerCase()))];
  const fixedList = fixed.join(', ');
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
      res.setHeader('Access-Control-Allow-Headers', headers === 'requested' ? withRequested(fixed, req.headers['access-control-request-headers']) : fixedList);
      res.setHeader('Access-Control-Max-Age', '600');
      if (headers === 'requested') res.append('Vary', 'Access-Control-Request-Headers');
    }
    res.setHeader('Allow', ALLOWED_METHODS);
    res.status(204).end();
  };
}
