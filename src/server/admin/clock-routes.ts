import { Router } from 'express';
import type { ClockChange, TimeControl } from '../../live/time-control.js';
import { MAX_SPEED } from '../../time/sim-clock.js';
import { DURATION_HELP, INSTANT_HELP, parseDuration, parseInstant } from '../../time/time-text.js';
import { ServiceError, type FieldError } from '../errors/service-error.js';
import { readAdminJson, sendJson } from './admin-json.js';

export interface ClockRouteDeps {
  /** Undefined for an app assembled without one (a test's): the routes then say so. */
  readonly time: TimeControl | undefined;
  readonly bodyLimit: number;
  /** Clock changes run one at a time, and not beside a scenario being applied. */
  readonly serial: <T>(task: () => Promise<T>) => Promise<T>;
}

const MEMBERS = ['pause', 'advance', 'set', 'speed'] as const;

/**
 * GET /__admin/clock: the clock's reading, whether it runs, its speed, and what moves on it.
 * POST /__admin/clock with any of {"pause":true|false}, {"advance":"PT5M"|"5m"}, {"set":"2026-12-01T09:00:00Z"},
 * {"speed":10}: every step due on the way runs, in order and durably, before the answer.
 */
export function clockRoutes(deps: ClockRouteDeps): Router {
  const router = Router();
  const time = (): TimeControl => {
    if (!deps.time) throw new ServiceError(409, 'Conflict', 'This mock was assembled without a clock to drive; start it with evo-mock serve (or the library entry), which has one.');
    return deps.time;
  };
  router.get('/__admin/clock', (_req, res) => sendJson(res, 200, time().view()));
  router.post('/__admin/clock', async (req, res) => {
    const control = time();
    const change = readChange(await readAdminJson(req, deps.bodyLimit));
    const { clock, ran } = await deps.serial(() => control.change(change));
    sendJson(res, 200, { ...clock, ran });
  });
  return router;
}

/** Every bad member at once, each named. */
function readChange(body: unknown): ClockChange {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid([{ errorCode: 'ArgumentException', fieldName: 'body', message: 'Send a JSON object such as {"advance":"PT5M"}, {"pause":true}, {"set":"2026-12-01T09:00:00Z"} or {"speed":10}.' }]);
  }
  const b = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const bad = (fieldName: string, message: string) => errors.push({ errorCode: 'ArgumentException', fieldName, message });
  for (const k of Object.keys(b)) if (!(MEMBERS as readonly string[]).includes(k)) bad(k, `'${k}' is not a clock change; use ${MEMBERS.join(', ')}.`);
  const change: { -readonly [K in keyof ClockChange]: ClockChange[K] } = {};
  if ('pause' in b) {
    if (typeof b['pause'] === 'boolean') change.pause = b['pause'];
    else bad('pause', "'pause' is true (stop the clock) or false (let it run).");
  }
  if ('advance' in b) {
    const ms = typeof b['advance'] === 'string' ? parseDuration(b['advance']) : undefined;
    if (ms === undefined) bad('advance', `'advance' is ${DURATION_HELP}; got ${JSON.stringify(b['advance'])}.`);
    else change.advance = ms;
  }
  if ('set' in b) {
    const ms = typeof b['set'] === 'string' ? parseInstant(b['set']) : undefined;
    if (ms === undefined) bad('set', `'set' is ${INSTANT_HELP}; got ${JSON.stringify(b['set'])}.`);
    else change.set = ms;
  }
  if ('speed' in b) {
    const v = b['speed'];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= MAX_SPEED) change.speed = v;
    else bad('speed', `'speed' is a number above 0 and at most ${MAX_SPEED} (simulated seconds per second); got ${JSON.stringify(v)}.`);
  }
  if (errors.length === 0 && Object.keys(change).length === 0) bad('body', 'Say what to change: pause, advance, set or speed.');
  if (errors.length > 0) throw invalid(errors);
  return change;
}

function invalid(errors: readonly FieldError[]): ServiceError {
  return new ServiceError(400, 'ArgumentException', errors.map((e) => e.message).join(' '), errors);
}
