import type { Response } from 'express';
import type {} from '../http/request-state.js';
import { traceFault } from './request-trace.js';

/**
 * How an answer the request path produced is to be written instead of plainly: another status, a
 * body cut short (malformed), or the body trickled out in small chunks (dribble). Set by the gate,
 * applied by sendDto, so it holds for the operation's answer and for its errors alike.
 */
export interface AnswerShape {
  /** Replaces the status of a successful answer (an error keeps its own). */
  readonly status?: number;
  readonly fault?: 'malformed' | 'dribble';
  readonly dribble: { readonly bytes: number; readonly intervalMs: number };
}

export function shapeAnswer(res: Response, shape: AnswerShape): void {
  res.locals.answerShape = shape;
}

export function shapedAnswer(res: Response): AnswerShape | undefined {
  return res.locals.answerShape;
}

export function writeShaped(res: Response, status: number, contentType: string, text: string, shape: AnswerShape): void {
  res.statusCode = shape.status !== undefined && status < 400 ? shape.status : status;
  res.setHeader('Content-Type', contentType);
  if (shape.fault === 'malformed') {
    traceFault(res, 'malformed');
    const bad = malformed(text);
    res.setHeader('Content-Length', Buffer.byteLength(bad));
    res.end(bad);
    return;
  }
  if (shape.fault === 'dribble') {
    traceFault(res, 'dribble');
    dribble(res, Buffer.from(text), shape.dribble.bytes, shape.dribble.intervalMs);
    return;
  }
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.end();
    return;
  }
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * The first half of the real answer: it starts like one (`{"items":[...`, `<?xml ...><ListResponse...`,
 * `{items:[...`) and never closes, so every client's parser fails on it, as with a truncated upstream.
 */
export function malformed(text: string): string {
  if (text.length < 2) return '{';
  return text.slice(0, Math.floor(text.length / 2));
}

/** Chunked, `bytes` at a time every `intervalMs`; stops if the client goes away. */
function dribble(res: Response, body: Buffer, bytes: number, intervalMs: number): void {
  res.removeHeader('Content-Length');
  res.flushHeaders();
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      return;
    }
    const end = Math.min(body.length, offset + bytes);
    res.write(body.subarray(offset, end));
    offset = end;
    if (offset >= body.length) {
      clearInterval(timer);
      res.end();
    }
  }, intervalMs);
  res.once('close', () => clearInterval(timer));
}
