import { ServiceError } from '../errors/service-error.js';
import { FAULTS, type BehaviourResponse, type Fault } from './behaviour.js';
import { DelaySyntaxError, readDelay } from './delay.js';

/**
 * What a request may ask for itself in a `Prefer` header, as Prism reads it (code, example, dynamic),
 * plus delay and fault: `Prefer: code=503`, `Prefer: example=ListSessions`, `Prefer: dynamic=true`,
 * `Prefer: delay=800`, `Prefer: delay="lognormal:80,0.4"`, `Prefer: fault=reset`, several at once
 * separated by commas. Preferences the mock does not know are ignored (RFC 7240); a known one with a
 * value that cannot work is a 400, so a typo is not silently an ordinary answer.
 */
export interface Preferences {
  readonly code?: number;
  readonly example?: string;
  readonly dynamic?: boolean;
  readonly delay?: string;
  readonly fault?: Fault;
}

export function parsePrefer(header: string): Preferences {
  const prefs: Record<string, string> = {};
  for (const token of splitOutsideQuotes(header, /[,;]/)) {
    const eq = token.indexOf('=');
    const name = (eq < 0 ? token : token.slice(0, eq)).trim().toLowerCase();
    let value = eq < 0 ? '' : token.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name && !(name in prefs)) prefs[name] = value;
  }
  const out: { -readonly [K in keyof Preferences]: Preferences[K] } = {};
  if (prefs['code'] !== undefined) {
    const code = Number(prefs['code']);
    if (!/^\d{3}$/.test(prefs['code']) || code < 200 || code > 599) throw badPreference('code', `'${prefs['code']}' is not an HTTP status; use e.g. Prefer: code=503.`);
    out.code = code;
  }
  if (prefs['example'] !== undefined) {
    if (prefs['example'] === '') throw badPreference('example', 'Name the example, e.g. Prefer: example=ListSessions.');
    out.example = prefs['example'];
  }
  if (prefs['dynamic'] !== undefined) out.dynamic = prefs['dynamic'] === '' || prefs['dynamic'].toLowerCase() === 'true';
  if (prefs['delay'] !== undefined) {
    try {
      readDelay(prefs['delay']);
    } catch (err) {
      if (err instanceof DelaySyntaxError) throw badPreference('delay', `Prefer: delay=${prefs['delay']}: ${err.message}`);
      throw err;
    }
    out.delay = prefs['delay'];
  }
  if (prefs['fault'] !== undefined) {
    if (!FAULTS.includes(prefs['fault'] as Fault)) throw badPreference('fault', `Prefer: fault=${prefs['fault']} is not a fault; use one of ${FAULTS.join(', ')}.`);
    out.fault = prefs['fault'] as Fault;
  }
  return out;
}

/** The preferences as a behaviour's `respond` (the body, for example= and dynamic=, is filled in by the gate). */
export function preferredResponse(prefs: Preferences, body: unknown): BehaviourResponse | undefined {
  const respond: Record<string, unknown> = {};
  if (prefs.code !== undefined) respond['status'] = prefs.code;
  if (prefs.delay !== undefined) respond['delay'] = prefs.delay;
  if (prefs.fault !== undefined) respond['fault'] = prefs.fault;
  if (body !== undefined) respond['body'] = body;
  return Object.keys(respond).length > 0 ? (respond as BehaviourResponse) : undefined;
}

export function badPreference(name: string, message: string): ServiceError {
  return new ServiceError(400, 'ArgumentException', message, [{ errorCode: 'ArgumentException', fieldName: `Prefer.${name}`, message }]);
}

function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && separator.test(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
