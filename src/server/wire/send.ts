import type { Response } from 'express';
import type { WireObject } from '../../spec/wire-type.js';
import { shapedAnswer, writeShaped } from '../behaviours/answer-shape.js';
import { traceBody } from '../behaviours/request-trace.js';
import type { ResponseFormat } from './negotiate.js';
import { CHUNK_CHARS, isLargeList, STREAM_MIN_ITEMS, streamChunks } from './stream-dto.js';

/** ServiceStack's MimeTypes.JavaScript, the type of a JSONP answer. */
const JAVASCRIPT = 'text/javascript';

/**
 * Writes a DTO in the negotiated format; under JSONP as `callback(json)`. No ETag or other Express
 * extras: ServiceStack sends none. An answer with a list of `streamMinItems` items or more (all=true)
 * is streamed in chunks (stream-dto.ts), with the same bytes; the promise then settles once it is sent.
 */
export function sendDto(res: Response, status: number, format: ResponseFormat, value: unknown, type: WireObject, streamMinItems = STREAM_MIN_ITEMS): void | Promise<void> {
  const jsonp = format.callback !== undefined;
  // A behaviour that reshapes the answer (a fault, a status) needs it whole; so be it for that answer.
  if (format.codec.stringifyChunks && isLargeList(value, type, streamMinItems) && !shapedAnswer(res)) {
    const chunks = format.codec.stringifyChunks(value, type, CHUNK_CHARS);
    return jsonp ? streamChunks(res, status, JAVASCRIPT, chunks, `${format.callback}(`, ')') : streamChunks(res, status, format.codec.contentType, chunks);
  }
  const body = format.codec.stringify(value, type);
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
