import { DelaySyntaxError, parseDelay, type DelaySpec } from '../server/behaviours/delay.js';
import { parseCorsHeaders, type CorsHeaders } from '../server/http/cors-headers.js';
import { DEFAULT_JOURNAL_SIZE } from '../server/journal/request-journal.js';
import { DEFAULT_RATE, MAX_RATE } from '../live/live-defaults.js';
import { MAX_SPEED } from '../time/sim-clock.js';
import { DURATION_HELP, INSTANT_HELP, parseDuration, readInstant } from '../time/time-text.js';
import { custom, defineOptions, flag, integer, list, text, type SettingsOf } from './option-model.js';
import { UsageError } from './usage-error.js';

/** Far beyond any test, yet within one machine's memory: every stored session is held in memory as well as on disk. */
export const MAX_SESSIONS = 200_000;

const STORE_SPECS = {
  db: text({
    placeholder: 'PATH',
    default: '.data/db.json',
    help: 'The lowdb store file (its journal and lock sit beside it).',
    check: (value, flagName) => {
      if (value.trim() === '') throw new UsageError(`${flagName} needs a file path, e.g. ${flagName} .data/db.json.`);
    },
  }),
  seed: integer({ placeholder: 'N', default: 1, min: 0, max: 0xffff_ffff, help: 'Faker seed for a new store; the same seed, count and --now give byte-identical data.' }),
  sessions: integer({ placeholder: 'COUNT', default: 1000, min: 0, max: MAX_SESSIONS, help: `Sessions in a new store (0 to ${MAX_SESSIONS}).` }),
  now: custom<Date | undefined>({
    placeholder: 'ISO',
    default: undefined,
    defaultText: 'the current time',
    help: 'Reference time for seeded dates (e.g. 2026-11-20T12:00:00Z; without a zone it is UTC, a date alone is midnight UTC); the store keeps it as its clock, so the 15-day archive boundary stays put.',
    parse: readNow,
  }),
  reset: flag({ help: 'Replace an existing store with a fresh seed (sessions created since are lost).' }),
  scenario: list({
    placeholder: 'NAME[,NAME...]',
    help: "QA scenarios put on top of a new or reset store's sessions, with fixed ids (e.g. hold-transferring,missed-call, huge-list:20000); 'list' prints them.",
  }),
};

/** `evo-mock seed`: what shapes a store. */
export const seedOptions = defineOptions(STORE_SPECS);
export type SeedSettings = SettingsOf<typeof seedOptions>;

/** `evo-mock serve` and the library's mock: the store's options and the server's. */
export const serveOptions = defineOptions({
  port: integer({ short: 'p', placeholder: 'PORT', default: 4010, min: 0, max: 65535, help: 'TCP port to listen on (0 picks a free one).' }),
  host: text({ placeholder: 'HOST', default: '127.0.0.1', help: 'Interface to listen on; 0.0.0.0 exposes the mock to your network.' }),
  allowedHosts: list({
    placeholder: 'NAME[,NAME...]',
    help: 'Host names the mock answers to besides localhost, IP addresses and the --host name (a proxy, a container name; .example.com for a domain and its subdomains, * for any). Others get 403, which stops DNS rebinding.',
  }),
  ...STORE_SPECS,
  noQuirks: flag({ help: "Turn off the real server's quirks (GET /sessions/{id} then returns the session's log instead of [])." }),
  empty401: flag({ help: "Answer 401 with an empty body, as the real server's [Authenticate] does (default: a ResponseStatus body)." }),
  corsAnyOrigin: flag({ help: 'Allow credentialed CORS requests from any origin (default: localhost, 127.0.0.1 and [::1] on any port).' }),
  corsAllowHeaders: custom<CorsHeaders>({
    placeholder: 'LIST',
    default: 'requested',
    help: "Request headers a preflight may ask for besides the API's own (Content-Type, Authorization, X-ss-id...): 'requested' allows whatever the page asks for; a comma-separated list restricts them, as a deployed server would.",
    parse: readCorsHeaders,
  }),
  bodyLimit: integer({ placeholder: 'BYTES', default: 1024 * 1024, min: 1, max: 1024 * 1024 * 1024, help: 'Largest request body accepted; larger ones get 413.' }),
  quiet: flag({ short: 'q', help: 'No per-request log lines (errors are still printed).' }),
  shutdownGrace: integer({
    placeholder: 'MS',
    default: 10_000,
    min: 0,
    max: 24 * 60 * 60 * 1000,
    help: 'On SIGTERM/SIGINT, how long answers being sent may take to finish before they are cut (the log names any cut).',
  }),
  latency: custom<DelaySpec | undefined>({
    placeholder: 'DELAY',
    default: undefined,
    help: 'Delay every answer but the admin API\'s: 200 (ms), a range 50-300, or lognormal:80,0.4 (median 80 ms, long tail); behaviours and Prefer: delay= replace it for what they match.',
    parse: readLatency,
  }),
  sessionTtl: custom<number | undefined>({
    placeholder: 'DURATION',
    default: undefined,
    defaultText: 'until sign-out or restart',
    help: 'How long a sign-in (ss-id / ss-pid) lasts: 30m, 2h, 90s or PT1H.',
    parse: readDuration,
  }),
  journalSize: integer({ placeholder: 'N', default: DEFAULT_JOURNAL_SIZE, min: 0, max: 1_000_000, help: 'Requests the journal keeps (GET /__admin/requests); 0 keeps none.' }),
  adminToken: text({ placeholder: 'TOKEN', help: 'Require Authorization: Bearer TOKEN on the admin API (a mock listening beyond loopback needs one).' }),
  live: flag({ help: 'Live mode: calls arrive in every seeded account and ring, queue, connect, hold, transfer and end on the clock.' }),
  speed: custom<number>({
    placeholder: 'N',
    default: 1,
    help: 'How fast the clock runs: simulated seconds per second (60: an hour a minute).',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_SPEED },
    parse: positive(MAX_SPEED),
  }),
  rate: custom<number>({
    placeholder: 'R',
    default: DEFAULT_RATE,
    help: 'Live mode: new calls per hour per account, at speed 1.',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: MAX_RATE },
    parse: positive(MAX_RATE),
  }),
  paused: flag({ help: 'Start with the clock stopped (at --now if given); POST /__admin/clock moves it.' }),
});
export type ServeSettings = SettingsOf<typeof serveOptions>;

/** The options that only shape a new store: given for an existing one, they are reported as not applied. */
export const SEEDING_KEYS = ['seed', 'sessions', 'now', 'scenario'] as const satisfies readonly (keyof SeedSettings)[];

/** A number above 0 and at most `max` (--speed 0.5 and --rate 2.5 are fine). */
function positive(max: number): (value: string, flagName: string) => number {
  return (value, flagName) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`${flagName} takes a number above 0 and at most ${max}, not '${value}'.`);
    return n;
  };
}

function readNow(value: string, flagName: string): Date {
  const instant = readInstant(value);
  if (instant instanceof Date) return instant;
  throw new UsageError(`${flagName} takes ${INSTANT_HELP}; '${value}' ${instant.problem}.`);
}

function readLatency(value: string, flagName: string): DelaySpec {
  try {
    return parseDelay(value);
  } catch (err) {
    if (err instanceof DelaySyntaxError) throw new UsageError(`${flagName}: ${err.message}`);
    throw err;
  }
}

function readDuration(value: string, flagName: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new UsageError(`${flagName} takes ${DURATION_HELP}, not '${value}'.`);
  return ms;
}

function readCorsHeaders(value: string): CorsHeaders {
  try {
    return parseCorsHeaders(value);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
