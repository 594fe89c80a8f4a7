/**
 * The request headers CORS lets a page send, apart from the middleware (cors.ts) so that the options
 * model and the library's types can name them without depending on Express.
 */

/**
 * Which request headers a preflight may ask for: 'requested' allows whatever an allowed origin's page
 * asks for (tracing's traceparent, X-Requested-With, an app's own), a list restricts them to the API's
 * own headers plus those, as a deployed server's fixed allow-list would.
 */
export type CorsHeaders = 'requested' | readonly string[];

/** What ServiceStack clients send themselves: always allowed. */
export const API_HEADERS: readonly string[] = ['Content-Type', 'Authorization', 'Accept', 'X-ss-id', 'X-ss-pid', 'X-ss-opt', 'X-Requested-With', 'X-Http-Method-Override'];

/** An HTTP field name (RFC 9110 token); anything else in Access-Control-Request-Headers is dropped, never echoed. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const MAX_REQUESTED = 32;

/** The API's own headers and every well-formed name the preflight asked for, each once. */
export function withRequested(fixed: readonly string[], requested: string | undefined): string {
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
