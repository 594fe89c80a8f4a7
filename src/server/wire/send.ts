import type { Response } from 'express';
import type { WireObject } from '../../wire/wire-type.js';
import { shapedAnswer, writeShaped } from '../behaviours/answer-shape.js';
import { traceBody } from '../behaviours/request-trace.js';
import type { ResponseFormat } from './negotiate.js';

/** ServiceStack's MimeTypes.JavaScript, the type of a JSONP answer. */
const JAVASCRIPT = 'text/javascript';

/**
 * Writes a DTO in the negotiated format; under JSONP as `callback(json)`. No ETag or other Express
 * extras: ServiceStack sends none.
 */
export function sendDto(res: Response, status: number, format: ResponseFormat, value: unknown, type: WireObject): void {
  const body = format.codec.stringify(value, type);
  const jsonp = format.callback !== undefined;
  const text = jsonp ? `${format.callback}(${body})` : body;
  const contentType = jsonp ? JAVASCRIPT : format.codec.contentType;
  traceBody(res, text);
  const shape = shapedAnswer(res);
  if (shape) {
    writeShaped(res, status, contentType, text, shape);
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
