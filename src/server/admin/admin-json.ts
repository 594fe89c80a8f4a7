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

/**
 * Orders the admin API's read-check-write tasks (an insert checks the id is free, a patch reads the
 * session it merges into). Tasks on one session id run one at a time, in arrival order, while tasks
 * on different ids run side by side, so concurrent PATCHes share the journal's group commit instead
 * of paying an fsync each. A task on everything (a scenario, a bulk delete, reset, a snapshot) waits
 * for every task before it, and every task after it waits for it.
 */
export interface WriteLanes {
  forId<T>(id: string, task: () => Promise<T>): Promise<T>;
  whole<T>(task: () => Promise<T>): Promise<T>;
}

export function writeLanes(): WriteLanes {
  let everything: Promise<unknown> = Promise.resolve();
  const lanes = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<unknown>>();
  const settled = (p: Promise<unknown>) => p.then(noop, noop);
  return {
    forId<T>(id: string, task: () => Promise<T>): Promise<T> {
      const run = Promise.all([everything, lanes.get(id)]).then(task);
      const done = settled(run);
      lanes.set(id, done);
      inFlight.add(done);
      void done.then(() => {
        inFlight.delete(done);
        if (lanes.get(id) === done) lanes.delete(id);
      });
      return run;
    },
    whole<T>(task: () => Promise<T>): Promise<T> {
      const run = Promise.all([everything, ...inFlight]).then(task);
      everything = settled(run);
      return run;
    },
  };
}

function noop(): void {}

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
