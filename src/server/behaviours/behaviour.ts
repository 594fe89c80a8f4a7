import { STATUS_CODES } from 'node:http';
import { ServiceError, type FieldError } from '../errors/service-error.js';
import { DelaySyntaxError, readDelay, type DelaySpec } from './delay.js';
import { fieldError, invalid, isObject, readMatch, type RequestMatch } from './request-match.js';

/** How a connection can fail: cut (RST), closed with no answer, a body that does not parse, or one that trickles. */
export type Fault = 'reset' | 'empty' | 'malformed' | 'dribble';
export const FAULTS: readonly Fault[] = ['reset', 'empty', 'malformed', 'dribble'];

/** `respond` as the admin API takes it. Every member is optional; together they make one answer. */
export interface BehaviourResponse {
  /** The status. 400 and above answer ServiceStack's ErrorResponse in the negotiated format unless `body` is given. */
  readonly status?: number;
  /** The error's errorCode; default: the status's name as ServiceStack's HttpError writes it (ServiceUnavailable). */
  readonly errorCode?: string;
  readonly message?: string;
  /** Field errors for the ErrorResponse, as ValidationFeature lists them. */
  readonly errors?: readonly { readonly errorCode?: string; readonly fieldName: string; readonly message: string }[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Seconds, sent as Retry-After (on 429 and 503 it defaults to 1). */
  readonly retryAfter?: number;
  /** The answer's DTO (checked against the operation's response schema) or a raw string sent as is. */
  readonly body?: unknown;
  /** false: send `body` without checking it against the spec. */
  readonly validate?: boolean;
  readonly delayMs?: number;
  /** 800, "50-300", "lognormal:80,0.4", {"min":50,"max":300}, {"median":80,"sigma":0.4}. */
  readonly delay?: unknown;
  readonly fault?: Fault;
  /** For fault "dribble": bytes per write (default 16) and the wait between writes (default 100 ms). */
  readonly dribble?: { readonly bytes?: number; readonly intervalMs?: number };
}

/** A behaviour as POST /__admin/behaviours takes it. */
export interface BehaviourInput {
  readonly match?: RequestMatch;
  readonly respond: BehaviourResponse;
  /** Expires after this many matches (MSW's `once` is times: 1). */
  readonly times?: number;
  /** 1 is tried first; default 5, as WireMock. Among equals the newest wins. */
  readonly priority?: number;
  /** Kept across restarts (in a file beside the store). Default false: a restart clears it. */
  readonly persist?: boolean;
  /** A label for listings and the journal. */
  readonly name?: string;
}

/** A behaviour as GET /__admin/behaviours lists it. */
export interface BehaviourView extends BehaviourInput {
  readonly id: string;
  readonly priority: number;
  /** Matches so far. */
  readonly hits: number;
  /** Matches left, when `times` was given. */
  readonly remaining?: number;
  readonly createdAt: string;
}

/** The effect, checked and compiled: what the request path applies. */
export interface Effect {
  readonly delay?: DelaySpec;
  readonly status?: number;
  readonly error?: { readonly errorCode: string; readonly message: string; readonly errors: readonly FieldError[] };
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: { readonly value: unknown } | { readonly text: string };
  readonly validate: boolean;
  readonly fault?: Fault;
  readonly dribble: { readonly bytes: number; readonly intervalMs: number };
}

export const DEFAULT_PRIORITY = 5;
const DEFAULT_DRIBBLE = { bytes: 16, intervalMs: 100 };
const INPUT_KEYS = ['match', 'respond', 'times', 'priority', 'persist', 'name'];
const RESPOND_KEYS = ['status', 'errorCode', 'message', 'errors', 'headers', 'retryAfter', 'body', 'validate', 'delayMs', 'delay', 'fault', 'dribble'];

/** Reads and checks a behaviour; every mistake is a 400 naming the member, so nothing is stored that cannot work. */
export function readBehaviour(value: unknown): BehaviourInput {
  if (!isObject(value)) throw invalid('body', 'Send a behaviour as a JSON object: {"match":{...},"respond":{...}}.');
  const errors: FieldError[] = [];
  for (const key of Object.keys(value)) if (!INPUT_KEYS.includes(key)) errors.push(fieldError(key, `'${key}' is not a behaviour member; use ${INPUT_KEYS.join(', ')}.`));
  const match = readMatch(value['match']);
  if (!isObject(value['respond'])) errors.push(fieldError('respond', `'respond' is required: an object such as {"status":503} or {"delayMs":800} or {"fault":"reset"}.`));
  const times = value['times'];
  if (times !== undefined && !(Number.isInteger(times) && (times as number) >= 1)) errors.push(fieldError('times', `'times' must be a whole number of 1 or more; got ${JSON.stringify(times)}.`));
  const priority = value['priority'];
  if (priority !== undefined && !Number.isInteger(priority)) errors.push(fieldError('priority', `'priority' must be a whole number (1 is tried first); got ${JSON.stringify(priority)}.`));
  if (value['persist'] !== undefined && typeof value['persist'] !== 'boolean') errors.push(fieldError('persist', "'persist' takes true or false."));
  if (value['name'] !== undefined && typeof value['name'] !== 'string') errors.push(fieldError('name', "'name' must be a string."));
  throwIfAny(errors);
  const respond = value['respond'] as Record<string, unknown>;
  compileEffect(respond as BehaviourResponse);
  return { ...(value as unknown as BehaviourInput), match };
}

/** Checks `respond` and compiles it. Body checks against the spec happen where the operation is known (the registry). */
export function compileEffect(respond: BehaviourResponse, at = 'respond'): Effect {
  const r = respond as Record<string, unknown>;
  const errors: FieldError[] = [];
  for (const key of Object.keys(r)) if (!RESPOND_KEYS.includes(key)) errors.push(fieldError(`${at}.${key}`, `'${key}' is not an effect; use ${RESPOND_KEYS.join(', ')}.`));
  const status = r['status'];
  if (status !== undefined && !(Number.isInteger(status) && (status as number) >= 200 && (status as number) <= 599)) {
    errors.push(fieldError(`${at}.status`, `'status' must be an HTTP status from 200 to 599; got ${JSON.stringify(status)}.`));
  }
  let delay: DelaySpec | undefined;
  try {
    if (r['delayMs'] !== undefined && r['delay'] !== undefined) errors.push(fieldError(`${at}.delay`, "Give 'delayMs' or 'delay', not both."));
    const given = r['delay'] ?? r['delayMs'];
    if (given !== undefined) delay = readDelay(given);
  } catch (err) {
    if (!(err instanceof DelaySyntaxError)) throw err;
    errors.push(fieldError(`${at}.${r['delay'] !== undefined ? 'delay' : 'delayMs'}`, err.message));
  }
  const fault = r['fault'];
  if (fault !== undefined && !FAULTS.includes(fault as Fault)) errors.push(fieldError(`${at}.fault`, `'fault' must be one of ${FAULTS.join(', ')}; got ${JSON.stringify(fault)}.`));
  const headers = r['headers'];
  if (headers !== undefined && !(isObject(headers) && Object.values(headers).every((v) => typeof v === 'string'))) {
    errors.push(fieldError(`${at}.headers`, "'headers' must be an object of header name -> string value."));
  }
  const retryAfter = r['retryAfter'];
  if (retryAfter !== undefined && !(Number.isInteger(retryAfter) && (retryAfter as number) >= 0)) errors.push(fieldError(`${at}.retryAfter`, "'retryAfter' is a whole number of seconds."));
  for (const key of ['errorCode', 'message'] as const) if (r[key] !== undefined && typeof r[key] !== 'string') errors.push(fieldError(`${at}.${key}`, `'${key}' must be a string.`));
  const fieldErrors = r['errors'];
  if (fieldErrors !== undefined && !(Array.isArray(fieldErrors) && fieldErrors.every((e) => isObject(e) && typeof e['fieldName'] === 'string' && typeof e['message'] === 'string'))) {
    errors.push(fieldError(`${at}.errors`, "'errors' is a list of {\"fieldName\":..., \"message\":..., \"errorCode\":...}."));
  }
  if (r['validate'] !== undefined && typeof r['validate'] !== 'boolean') errors.push(fieldError(`${at}.validate`, "'validate' takes true or false."));
  const dribble = r['dribble'];
  if (dribble !== undefined) {
    const d = isObject(dribble) ? dribble : undefined;
    const ok = d !== undefined && Object.keys(d).every((k) => k === 'bytes' || k === 'intervalMs') && positiveInt(d['bytes'] ?? 1) && positiveInt(d['intervalMs'] ?? 1);
    if (!ok) errors.push(fieldError(`${at}.dribble`, "'dribble' is {\"bytes\": N, \"intervalMs\": MS}, both whole numbers of 1 or more."));
  }
  if (Object.keys(r).length === 0) errors.push(fieldError(at, `'${at}' says nothing to do; give a status, body, delay or fault.`));
  throwIfAny(errors);

  const code = status as number | undefined;
  const body = r['body'] === undefined ? undefined : typeof r['body'] === 'string' ? { text: r['body'] } : { value: r['body'] };
  const retry = (retryAfter as number | undefined) ?? (code === 429 || code === 503 ? 1 : undefined);
  const d = (dribble ?? {}) as { bytes?: number; intervalMs?: number };
  return {
    ...(delay ? { delay } : {}),
    ...(code !== undefined ? { status: code } : {}),
    ...(code !== undefined && code >= 400 && body === undefined
      ? {
          error: {
            errorCode: (r['errorCode'] as string | undefined) ?? statusName(code),
            message: (r['message'] as string | undefined) ?? STATUS_CODES[code] ?? `HTTP ${code}`,
            errors: ((fieldErrors ?? []) as { errorCode?: string; fieldName: string; message: string }[]).map((e) => ({
              errorCode: e.errorCode ?? 'ValidationException',
              fieldName: e.fieldName,
              message: e.message,
            })),
          },
        }
      : {}),
    headers: { ...(retry !== undefined ? { 'Retry-After': String(retry) } : {}), ...((headers ?? {}) as Record<string, string>) },
    ...(body ? { body } : {}),
    validate: r['validate'] !== false,
    ...(fault !== undefined ? { fault: fault as Fault } : {}),
    dribble: { bytes: d.bytes ?? DEFAULT_DRIBBLE.bytes, intervalMs: d.intervalMs ?? DEFAULT_DRIBBLE.intervalMs },
  };
}

/** ServiceStack's HttpError names its errorCode after the HttpStatusCode member: 503 -> ServiceUnavailable. */
export function statusName(status: number): string {
  const special: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 504: 'GatewayTimeout' };
  return special[status] ?? (STATUS_CODES[status] ?? `Http${status}`).replace(/[^A-Za-z ]/g, '').replace(/(?:^|\s)(\w)/g, (_, c: string) => c.toUpperCase()).replace(/\s/g, '');
}

function positiveInt(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) >= 1;
}

function throwIfAny(errors: FieldError[]): void {
  const [first, ...rest] = errors;
  if (first) throw new ServiceError(400, 'ArgumentException', first.message, [first, ...rest]);
}
