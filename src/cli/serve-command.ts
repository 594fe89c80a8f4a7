import { intOption, stringOption, UsageError, type Command, type OptionValues } from './command.js';
import { parseCorsHeaders, type CorsHeaders } from '../server/http/cors.js';
import { printScenarioList, readScenarios, readStoreOptions, storeOptionSpecs } from './seed-command.js';

export const DEFAULT_PORT = 4010;
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
    'allowed-hosts': {
      type: 'string',
      value: 'NAMES',
      description:
        'Comma-separated host names the mock answers to besides localhost, IP addresses and the --host name (a proxy, a container name; .example.com for a domain and its subdomains, * for any). Others get 403, which stops DNS rebinding.',
    },
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
    'shutdown-grace': {
      type: 'string',
      value: 'MS',
      default: '10000',
      description: 'On SIGTERM/SIGINT, how long answers being sent may take to finish before they are cut (the log names any cut).',
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
  },
  async run(values: OptionValues, positionals: string[]): Promise<number> {
    if (positionals.length > 0) throw new UsageError(`serve takes no arguments; got '${positionals.join(' ')}'.`);
    const options = readStoreOptions(values);
    const scenarios = await readScenarios(options);
    if (scenarios === 'list') return printScenarioList();
    const port = intOption(values, 'port', DEFAULT_PORT, 0, 65535);
    const host = stringOption(values, 'host') ?? DEFAULT_HOST;
    const bodyLimit = intOption(values, 'body-limit', 1024 * 1024, 1, 1024 * 1024 * 1024);
    const shutdownGraceMs = intOption(values, 'shutdown-grace', 10_000, 0, 24 * 60 * 60 * 1000);
    // Loaded here, not at the top, so `serve --help` stays instant.
    const { serve } = await import('../server/serve.js');
    return serve({
      store: options,
      scenarios,
      port,
      host,
      allowedHosts: (stringOption(values, 'allowed-hosts') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== ''),
      bodyLimit,
      shutdownGraceMs,
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
