import type { RequestHandler } from 'express';

/** ServiceStack's HostConfig.GlobalResponseHeaders, on every answer. */
export function globalHeaders(version: string): RequestHandler {
  const poweredBy = `ServiceStack/6 (evo-mock ${version})`;
  return (_req, res, next) => {
    res.vary('Accept');
    res.setHeader('X-Powered-By', poweredBy);
    next();
  };
}
