import type { RequestHandler } from 'express';

export type CorsPolicy = 'loopback' | 'any';

/**
 * Which request headers a preflight may ask for: 'requested' allows whatever an allowed origin's page
 * asks for (tracing's traceparent, X-Requested-With, an app's own), a list restricts them to the API's
 * own headers plus those, as a deployed server's fixed allow-list would.
 */
export type CorsHeaders = 'requested' | readonly string[];

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
/** What ServiceStack clients send themselves: always allowed. */
export const API_HEADERS: readonly string[] = ['Content-Type', 'Authorization', 'Accept', 'X-ss-id', 'X-ss-pid', 'X-ss-opt', 'X-Requested-With', 'X-Http-Method-Override'];

/** http(s)://localhost, 127.x.x.x or [::1], on any port: browser apps under development. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;
/** An HTTP field name (RFC 9110 token); anything else in Access-Control-Request-Headers is dropped, never echoed. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const MAX_REQUESTED = 32;

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

/** The API's own headers and every well-formed name the preflight asked for, each once. */
function withRequested(fixed: readonly string[], requested: string | undefined): string {
  const names = [...fixed];
  const seen = new Set(fixed.map((h) => h.toLowerCase()));
  for (const raw of (requested ?? '').split(',').slice(0, MAX_REQUESTED)) {
    const name = raw.trim();
    if (!FIELD_NAME.test(name) || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names.join(', ');
}

/** Reads --cors-allow-headers: a comma-separated list of field names, or 'requested'. Throws a RangeError naming a bad one. */
export function parseCorsHeaders(text: string): CorsHeaders {
  if (text.trim().toLowerCase() === 'requested') return 'requested';
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !FIELD_NAME.test(n));
  if (bad.length) throw new RangeError(`--cors-allow-headers: '${bad[0]}' is not a header name; give names separated by commas, e.g. traceparent,X-App-Version (or 'requested').`);
  return names;
}
