import type { Response } from 'express';
import type { WireFormat } from '../../wire/codec.js';
import type {} from '../http/request-state.js';

/**
 * What the request path learned about a request, for the journal: the operation it reached, the
 * caller, the format, the behaviour that shaped it, the body it answered. Kept in the request's typed
 * state (server/http/request-state.ts); read once the answer is done.
 */
export interface RequestTrace {
  readonly operation: string | undefined;
  readonly user: string | undefined;
  readonly format: WireFormat | undefined;
  readonly behaviour: string | undefined;
  readonly fault: string | undefined;
  readonly responseBody: string | undefined;
}

export function traceReached(res: Response, operation: string | undefined, user: string | undefined, format: WireFormat): void {
  const locals = res.locals;
  locals.traceOperation = operation;
  locals.traceUser = user;
  locals.traceFormat = format;
}

export function traceBehaviour(res: Response, behaviour: string): void {
  res.locals.traceBehaviour = behaviour;
}

export function traceFault(res: Response, fault: string): void {
  res.locals.traceFault = fault;
}

/** The serialized answer, as sent (send.ts calls this for every DTO and error it writes). */
export function traceBody(res: Response, text: string): void {
  res.locals.traceBody = text;
}

export function readTrace(res: Response): RequestTrace {
  const locals = res.locals;
  return {
    operation: locals.traceOperation,
    user: locals.traceUser,
    format: locals.traceFormat,
    behaviour: locals.traceBehaviour,
    fault: locals.traceFault,
    responseBody: locals.traceBody,
  };
}
