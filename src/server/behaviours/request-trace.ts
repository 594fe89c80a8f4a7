import type { Response } from 'express';
import type { WireFormat } from '../../wire/codec.js';

/**
 * What the request path learned about a request, for the journal: the operation it reached, the
 * caller, the format, the behaviour that shaped it, the body it answered. Kept in res.locals under
 * fixed keys (no object per request); read once the answer is done.
 */
export interface RequestTrace {
  readonly operation: string | undefined;
  readonly user: string | undefined;
  readonly format: WireFormat | undefined;
  readonly behaviour: string | undefined;
  readonly fault: string | undefined;
  readonly responseBody: string | undefined;
}

const OPERATION = 'traceOperation';
const USER = 'traceUser';
const FORMAT = 'traceFormat';
const BEHAVIOUR = 'traceBehaviour';
const FAULT = 'traceFault';
const BODY = 'traceBody';

export function traceReached(res: Response, operation: string | undefined, user: string | undefined, format: WireFormat): void {
  const locals = res.locals;
  locals[OPERATION] = operation;
  locals[USER] = user;
  locals[FORMAT] = format;
}

export function traceBehaviour(res: Response, behaviour: string): void {
  res.locals[BEHAVIOUR] = behaviour;
}

export function traceFault(res: Response, fault: string): void {
  res.locals[FAULT] = fault;
}

/** The serialized answer, as sent (send.ts calls this for every DTO and error it writes). */
export function traceBody(res: Response, text: string): void {
  res.locals[BODY] = text;
}

export function readTrace(res: Response): RequestTrace {
  const locals = res.locals as Record<string, unknown>;
  return {
    operation: locals[OPERATION] as string | undefined,
    user: locals[USER] as string | undefined,
    format: locals[FORMAT] as WireFormat | undefined,
    behaviour: locals[BEHAVIOUR] as string | undefined,
    fault: locals[FAULT] as string | undefined,
    responseBody: locals[BODY] as string | undefined,
  };
}
