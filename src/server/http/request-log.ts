import type { RequestHandler } from 'express';
import type { ServerLogger } from './logger.js';

/** One line per request, once the answer is sent: method, URL, status, milliseconds. */
export function requestLog(logger: ServerLogger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      logger.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`);
    });
    next();
  };
}
