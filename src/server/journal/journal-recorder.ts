import type { RequestHandler } from 'express';
import { readTrace } from '../behaviours/request-trace.js';
import { requestBodyText } from '../wire/read-body.js';
import { BODY_LIMIT, type RequestJournal } from './request-journal.js';

/**
 * Records every request but the mock's own (`/__admin`, `/__console`: paths starting with `/__`) once
 * its answer is done or its connection is gone. A cut connection is recorded with status 0.
 */
export function journalRecorder(journal: RequestJournal): RequestHandler {
  return (req, res, next) => {
    if (!journal.enabled || req.url.startsWith('/__')) {
      next();
      return;
    }
    const time = Date.now();
    const started = performance.now();
    res.once('close', () => {
      const url = req.originalUrl;
      const q = url.indexOf('?');
      const trace = readTrace(res);
      const finished = res.writableFinished;
      journal.record({
        id: journal.newId(),
        time,
        method: req.method,
        path: q < 0 ? url : url.slice(0, q),
        query: q < 0 ? '' : url.slice(q + 1),
        headers: req.headers,
        requestBody: capped(requestBodyText(req)),
        operation: trace.operation,
        user: trace.user,
        format: trace.format ?? res.locals.responseFormat?.codec.format,
        behaviour: trace.behaviour,
        status: finished ? res.statusCode : 0,
        fault: trace.fault ?? (finished ? undefined : 'closed'),
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        responseHeaders: res.getHeaders(),
        responseBody: capped(trace.responseBody),
      });
    });
    next();
  };
}

/** Long bodies are cut and copied, so the ring does not keep a whole all=true answer alive. */
function capped(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= BODY_LIMIT + 1) return text;
  return Buffer.from(text.slice(0, BODY_LIMIT + 1)).toString();
}
