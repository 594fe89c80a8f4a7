import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ServiceError } from '../errors/service-error.js';

const unreadable = new WeakMap<IncomingMessage, string>();

/**
 * Puts the request target in the form the routers read (RFC 9112 section 3.2), before Express sees
 * it: Express cannot route a target it cannot parse and answers its own HTML 404. An absolute-form
 * target (`GET http://host/sessions`, what a client sends to a proxy) is valid and means its path and
 * query, its authority standing in for the Host header. A target that is no URL, or an authority- or
 * asterisk-form one on a method that cannot have it, becomes `/` and is refused by requestTarget().
 */
export function normalizeTarget(req: IncomingMessage): void {
  const target = req.url ?? '/';
  if (target.startsWith('/') || (target === '*' && req.method === 'OPTIONS')) return;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      req.headers.host = url.host;
      req.url = url.pathname + url.search;
      return;
    } catch {
      unreadable.set(req, `'${clip(target)}' is not a valid URL`);
    }
  } else unreadable.set(req, `'${clip(target)}' is neither a path such as /sessions nor a full http:// URL`);
  req.url = '/';
}

/** The 400, in ServiceStack's shape and the negotiated format, for a target normalizeTarget() could not read. */
export function requestTarget(): RequestHandler {
  return (req, _res, next) => {
    const problem = unreadable.get(req);
    next(problem === undefined ? undefined : new ServiceError(400, 'BadRequest', `The request target cannot be read: ${problem}.`));
  };
}

function clip(target: string): string {
  return target.length > 100 ? `${target.slice(0, 100)}...` : target;
}
