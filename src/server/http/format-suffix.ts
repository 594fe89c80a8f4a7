import type { RequestHandler } from 'express';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { setSuffixFormat } from '../wire/route-formats.js';

const SUFFIX = /\.([A-Za-z][A-Za-z0-9]*)$/;

/**
 * `/sessions/abc.xml`: ServiceStack strips a format suffix (a registered codec's name) before matching routes
 * (AllowRouteContentTypeExtensions) and answers in that format whatever else the request asks.
 * The path is rewritten here, before any router, so every route and the 404 see it without the suffix.
 */
export function formatSuffix(codecs: CodecRegistry): RequestHandler {
  return (req, res, next) => {
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const match = SUFFIX.exec(path);
    const codec = match ? codecs.named(match[1]!) : undefined;
    if (match && codec) {
      req.url = (path.slice(0, match.index) || '/') + (q < 0 ? '' : req.url.slice(q));
      setSuffixFormat(res, codec.format);
    }
    next();
  };
}
