import type { RequestHandler } from 'express';
import { QueryMap } from '../binding/query-string.js';

const HEADER = 'x-http-method-override';

/**
 * ServiceStack's GetHttpMethodOverride: a POST may say which verb it stands for in the
 * X-Http-Method-Override header or query parameter (for clients that can only send GET and POST).
 * GET and POST overrides are ignored, as there; so is anything that is not a verb. Runs before routing,
 * so the overridden verb picks the route. (ServiceStack also reads a form field of that name; the mock
 * does not, because that would mean reading the body before routing.)
 */
export function methodOverride(): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'POST') {
      const header = req.headers[HEADER];
      const given = (typeof header === 'string' && header !== '' ? header : undefined) ?? QueryMap.fromUrl(req.url).first(HEADER);
      const verb = given?.trim().toUpperCase();
      if (verb && /^[A-Z]+$/.test(verb) && verb !== 'GET' && verb !== 'POST') req.method = verb;
    }
    next();
  };
}
