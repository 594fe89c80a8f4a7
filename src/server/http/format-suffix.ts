import type { RequestHandler } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import { setSuffixFormat } from '../wire/route-formats.js';

const SUFFIX = /\.(json|xml|jsv)$/i;

/**
 * `/sessions/abc.xml`: ServiceStack strips a format suffix before matching routes
 * (AllowRouteContentTypeExtensions) and answers in that format whatever else the request asks.
 * The path is rewritten here, before any router, so every route and the 404 see it without the suffix.
 */
export function formatSuffix(): RequestHandler {
  return (req, res, next) => {
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const match = SUFFIX.exec(path);
    if (match) {
      req.url = (path.slice(0, match.index) || '/') + (q < 0 ? '' : req.url.slice(q));
      setSuffixFormat(res, match[1]!.toLowerCase() as WireFormat);
    }
    next();
  };
}
