import type { Request, Response } from 'express';
import { unreadableBody } from '../errors/service-error.js';
import { readRawBody } from '../wire/read-body.js';

/** The admin API speaks JSON only, like /__admin/health: it is for scripts and QA tools, not Evo clients. */
export function sendJson(res: Response, status: number, body: unknown): void {
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

/** A body already serialized (by a codec, say), with no Express extras. */
export function sendText(res: Response, status: number, contentType: string, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Runs admin writes one at a time: an apply checks which ids exist and then creates them, which must not interleave. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * An admin request's JSON body (the guard has already refused other media types); undefined when
 * there is none. Unparseable text is a 400 saying where it broke.
 */
export async function readAdminJson(req: Request, limit: number): Promise<unknown> {
  const text = await readRawBody(req, limit);
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw unreadableBody(`The body is not valid JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
}
