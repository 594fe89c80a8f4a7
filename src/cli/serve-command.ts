import { intOption, stringOption, UsageError, type Command, type OptionValues } from './command.js';
import { parseCorsHeaders, type CorsHeaders } from '../server/http/cors.js';
import { DEFAULT_RATE, MAX_RATE } from '../live/live-defaults.js';
import { MAX_SPEED } from '../time/sim-clock.js';
import { printScenarioList, readScenarios, readStoreOptions, storeOptionSpecs } from './seed-command.js';

export const DEFAULT_PORT = 4010;

/** A positive number up to `max` (--speed 0.5 and --rate 2.5 are fine). */
function numberOption(values: OptionValues, name: string, fallback: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(String(raw));
  if (String(raw).trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`--${name} takes a number above 0 and at most ${max}, not '${String(raw)}'.`);
  return n;
}
export const DEFAULT_HOST = '127.0.0.1';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the mock Evo Voice Sessions API (Express 5, from spec/openapi.json)',
  details: [
    'On first start the store is seeded (--seed, --sessions, --now); later starts keep it, with every',
    'session created since. Dev users come from fixtures/users.json and are printed on start.',
    'SIGINT or SIGTERM stops accepting, lets in-flight requests finish, flushes the store and exits 0.',
    '--scenario shapes a new or reset store; POST /__admin/scenarios/NAME applies one to the running mock.',
  ].join('\n'),
  options: {
    port: { type: 'string', short: 'p', value: 'PORT', default: String(DEFAULT_PORT), description: 'TCP port to listen on (0 picks a free one).' },
    host: { type: 'string', value: 'HOST', default: DEFAULT_HOST, description: 'Interface to listen on; 0.0.0.0 exposes the mock to your network.' },
    ...storeOptionSpecs,
    'no-quirks': {
      type: 'boolean',
      description: "Turn off the real server's quirks (GET /sessions/{id} then returns the session's log instead of []).",
    },
    'empty-401': {
      type: 'boolean',
      description: "Answer 401 with an empty body, as the real server's [Authenticate] does (default: a ResponseStatus body).",
    },
    'cors-any-origin': {
      type: 'boolean',
      description: 'Allow credentialed CORS requests from any origin (default: localhost, 127.0.0.1 and [::1] on any port).',
    },
    'cors-allow-headers': {
      type: 'string',
      value: 'LIST',
      default: 'requested',
      description:
        "Request headers a preflight may ask for besides the API's own (Content-Type, Authorization, X-ss-id...): 'requested' allows whatever the page asks for; a comma-separated list restricts them, as a deployed server would.",
    },
    'body-limit': { type: 'string', value: 'BYTES', default: '1048576', description: 'Largest request body accepted; larger ones get 413.' },
    quiet: { type: 'boolean', short: 'q', description: 'No per-request log lines (errors are still printed).' },
    live: { type: 'boolean', description: 'Live mode: calls arrive in every seeded account and ring, queue, connect, hold, transfer and end on the clock.' },
    speed: { type: 'string', value: 'N', default: '1', description: 'How fast the clock runs: simulated seconds per second (60: an hour a minute).' },
    rate: { type: 'string', value: 'R', default: String(DEFAULT_RATE), description: 'Live mode: new calls per hour per account, at speed 1.' },
    paused: { type: 'boolean', description: 'Start with the clock stopped (at --now if given); POST /__admin/clock moves it.' },
  },
  async run(values: OptionValues, positionals: string[]): Promise<number> {
    if (positionals.length > 0) throw new UsageError(`serve takes no arguments; got '${positionals.join(' ')}'.`);
    const options = readStoreOptions(values);
    const scenarios = await readScenarios(options);
    if (scenarios === 'list') return printScenarioList();
    const port = intOption(values, 'port', DEFAULT_PORT, 0, 65535);
    const host = stringOption(values, 'host') ?? DEFAULT_HOST;
    const bodyLimit = intOption(values, 'body-limit', 1024 * 1024, 1, 1024 * 1024 * 1024);
    const speed = numberOption(values, 'speed', 1, MAX_SPEED);
    const rate = numberOption(values, 'rate', DEFAULT_RATE, MAX_RATE);
    // Loaded here, not at the top, so `serve --help` stays instant.
    const { serve } = await import('../server/serve.js');
    return serve({
      store: options,
      scenarios,
      port,
      host,
      bodyLimit,
      time: { live: values['live'] === true, speed, rate, paused: values['paused'] === true },
      quirks: values['no-quirks'] !== true,
      emptyUnauthorizedBody: values['empty-401'] === true,
      cors: values['cors-any-origin'] === true ? 'any' : 'loopback',
      corsHeaders: corsHeadersOption(values),
      quiet: values['quiet'] === true,
    });
  },
};

function corsHeadersOption(values: OptionValues): CorsHeaders {
  const raw = stringOption(values, 'cors-allow-headers');
  if (raw === undefined) return 'requested';
  try {
    return parseCorsHeaders(raw);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
