import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ServiceError } from '../errors/service-error.js';
import { parseMediaType } from '../wire/media-type.js';

export interface AdminGuardOptions {
  /** When set, every admin request but the health check must carry `Authorization: Bearer <token>`. */
  readonly token?: string;
}

/** http(s)://localhost, 127.x.x.x or [::1] on any port. */
const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/** A host the admin API may listen on without a token: only this machine can reach it. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

/**
 * The admin API's door (/__admin/...), before CORS and every admin route:
 *  - a browser page from another origin cannot drive it: a request whose Origin is neither loopback
 *    nor the mock's own (the Host it was reached at) is refused with 403, preflights included;
 *  - bodies are JSON only (application/json or a +json type, read as a media type): a page's simple
 *    form or text/plain POST, which a browser sends without a preflight, is refused with 415;
 *  - with a token (required when listening beyond loopback), `Authorization: Bearer <token>`.
 * GET /__admin/health stays open for probes; it tells only that the mock is up and its session count.
 */
export function adminGuard(options: AdminGuardOptions = {}): RequestHandler {
  const token = options.token === undefined ? undefined : Buffer.from(options.token);
  return (req, _res, next) => {
    if (!req.url.startsWith('/__admin')) {
      next();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin) && !isOwnOrigin(origin, req.headers.host)) {
      throw new ServiceError(
        403,
        'Forbidden',
        `Admin requests from the web origin ${origin} are refused: only pages served by this mock or from localhost may use the admin API. Call it from a script, curl or the console instead.`,
      );
    }
    if (req.method === 'OPTIONS') {
      next();
      return;
    }
    const health = req.method === 'GET' && /^\/__admin\/health\/?(?:\?|$)/.test(req.url);
    if (token && !health && !bearerMatches(req.headers.authorization, token)) {
      throw new ServiceError(401, 'Unauthorized', 'The admin API needs the token the mock was started with: send Authorization: Bearer <--admin-token>.', [], {
        'WWW-Authenticate': 'Bearer realm="evo-mock admin"',
      });
    }
    if (hasBody(req.headers) && !isJson(req.headers['content-type'])) {
      throw new ServiceError(
        415,
        'UnsupportedMediaType',
        `The admin API reads JSON bodies only; send Content-Type: application/json${req.headers['content-type'] ? `, not ${req.headers['content-type']}` : ''}.`,
      );
    }
    next();
  };
}

function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  const lower = origin.toLowerCase();
  return lower === `http://${host.toLowerCase()}` || lower === `https://${host.toLowerCase()}`;
}

function bearerMatches(header: string | undefined, token: Buffer): boolean {
  const m = header === undefined ? null : /^bearer\s+(.+)$/i.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1]!);
  return given.length === token.length && timingSafeEqual(given, token);
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return (length !== undefined && length !== '0') || headers['transfer-encoding'] !== undefined;
}

/**
 * Read as a media type (parseMediaType): application/json and structured-syntax types such as
 * application/merge-patch+json; never a type that merely mentions JSON in a parameter.
 */
export function isJson(contentType: string | undefined): boolean {
  const m = parseMediaType(contentType);
  return m?.type === 'application' && (m.subtype === 'json' || m.subtype.endsWith('+json'));
}
