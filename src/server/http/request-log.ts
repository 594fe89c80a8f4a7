import type { RequestHandler } from 'express';
import type { ServerLogger } from './logger.js';

/**
 * One line per request once it is over: method, URL, status, milliseconds; or, when the connection
 * closed before the whole answer was sent (the client hung up, or shutdown cut it), that instead of
 * a status that would claim it was.
 */
export function requestLog(logger: ServerLogger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('close', () => {
      const ms = (performance.now() - started).toFixed(1);
      if (res.writableFinished) logger.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms}ms`);
      else logger.info(`${req.method} ${req.originalUrl} - connection closed ${res.headersSent ? `while the ${res.statusCode} answer was being sent` : 'before an answer'} ${ms}ms`);
    });
    next();
  };
}
