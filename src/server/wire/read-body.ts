import type { IncomingMessage } from 'node:http';
import { ServiceError } from '../errors/service-error.js';

/**
 * How long a request may take to send its body: a caller who has not signed in (a sign-in, the admin
 * API without a token, anything refused before its body is read) gets little time, so unfinished
 * uploads cannot pin the mock's memory and sockets for long; a signed-in caller gets Node's longer
 * request timeout's worth.
 */
export interface BodyTimeouts {
  readonly anonymousMs: number;
  readonly signedInMs: number;
}

export const DEFAULT_BODY_TIMEOUTS: BodyTimeouts = { anonymousMs: 10_000, signedInMs: 60_000 };

/**
 * An answer given before its request's body was read (a 413, a 401) waits for the rest of the body,
 * discarding it, so that the client, which is still sending, gets to read the answer: closing with
 * unread bytes makes the kernel reset the connection, and the client sees EPIPE instead of the 413.
 * Past this much, or DRAIN_MS, the connection is closed anyway.
 */
export const DRAIN_MAX_BYTES = 64 * 1024 * 1024;
export const DRAIN_MS = 10_000;

/** The client closed the connection before its body arrived: nobody is left to answer. */
export class ClientClosedError extends Error {
  constructor() {
    super('the client closed the connection before sending its whole body');
    this.name = 'ClientClosedError';
  }
}

/**
 * Reads the raw request body up to `limit` bytes. A larger body is refused with 413 in ServiceStack's
 * error shape and is never buffered: the rest is read and dropped (up to DRAIN_MAX_BYTES) so that the
 * 413 reaches the client. A body not received within `timeoutMs` is a 408; a client that hangs up
 * mid-body is a ClientClosedError.
 */
export function readRawBody(req: IncomingMessage, limit: number, timeoutMs = DEFAULT_BODY_TIMEOUTS.anonymousMs): Promise<string | undefined> {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return Promise.resolve(undefined);
  if (declared !== undefined && Number(declared) > limit) {
    // A client waiting for 100 Continue (not sent: see server.ts) sends nothing more: answer at once.
    if (/100-continue/i.test(req.headers.expect ?? '') || Number(declared) > DRAIN_MAX_BYTES) return Promise.reject(tooLarge(limit, true));
    return drainThen(req, tooLarge(limit, false));
  }
  return new Promise<string | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const timer = setTimeout(() => finish(() => reject(timedOut(timeoutMs))), timeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (over) {
        if (size > DRAIN_MAX_BYTES) finish(() => reject(tooLarge(limit, true)));
        return;
      }
      if (size > limit) {
        // Keep reading (and dropping) to the end, then answer.
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () =>
      finish(() => {
        if (over) return reject(tooLarge(limit, false));
        if (size === 0) return resolve(undefined);
        const text = Buffer.concat(chunks, size).toString('utf8');
        bodies.set(req, text);
        resolve(text);
      });
    const onGone = () => finish(() => reject(new ClientClosedError()));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onGone);
      req.off('error', onGone);
      req.off('close', onClose);
      settle();
    };
    const onClose = () => {
      if (!req.complete) onGone();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onGone);
    req.on('error', onGone);
    req.on('close', onClose);
  });
}

/** Reads and drops the rest of a body (bounded), then rejects with `error`. */
function drainThen(req: IncomingMessage, error: ServiceError): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    let size = 0;
    const timer = setTimeout(() => done(withClose(error)), DRAIN_MS);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_MAX_BYTES) done(withClose(error));
    };
    const onEnd = () => done(error);
    const onGone = () => done(new ClientClosedError());
    const done = (err: Error) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onGone);
      req.off('error', onGone);
      reject(err);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onGone);
    req.on('error', onGone);
  });
}

const bodies = new WeakMap<IncomingMessage, string>();

/** The body readRawBody read from this request, if it read one (for the request journal). */
export function requestBodyText(req: IncomingMessage): string | undefined {
  return bodies.get(req);
}

/** `close`: the connection is closed after the answer (the rest of the body will not be read). */
function tooLarge(limit: number, close: boolean): ServiceError {
  return new ServiceError(
    413,
    'RequestEntityTooLarge',
    `The request body is larger than the ${limit}-byte limit. Send a smaller body, or start the mock with a larger --body-limit.`,
    [],
    close ? { Connection: 'close' } : {},
  );
}

function withClose(error: ServiceError): ServiceError {
  return new ServiceError(error.status, error.errorCode, error.message, error.fieldErrors, { ...error.headers, Connection: 'close' });
}

function timedOut(ms: number): ServiceError {
  return new ServiceError(
    408,
    'RequestTimeout',
    `The request body did not arrive within ${Math.round(ms / 1000)} s. Send it in one go; signed-in callers get longer.`,
    [],
    { Connection: 'close' },
  );
}
