import { parseSkipLimit, type SkipLimit } from '../contract/verdict.js';
import type { Credentials, Target } from '../contract/target.js';
import type { WireFormat } from '../wire/codec.js';
import { defaultCodecs } from '../wire/codec-registry.js';
import { custom, defineOptions, flag, integer, text, type SettingsOf } from './option-model.js';
import { UsageError } from './usage-error.js';

/** `evo-mock contract`: what to test, how to sign in, and where the reports go. */
export const contractOptions = defineOptions({
  target: text({ placeholder: 'URL', help: 'Base URL of the API to test (required), e.g. http://127.0.0.1:4010 or https://team.evovoice.io.' }),
  user: text({ placeholder: 'USER', env: 'EVO_MOCK_USER', group: 'credentials', help: 'User name for Basic auth (with --password); or set EVO_MOCK_USER.' }),
  password: text({
    placeholder: 'PASSWORD',
    env: 'EVO_MOCK_PASSWORD',
    group: 'credentials',
    help: 'Password for Basic auth (with --user); or set EVO_MOCK_PASSWORD, which keeps it out of the command line.',
  }),
  bearer: text({ placeholder: 'TOKEN', env: 'EVO_MOCK_BEARER', group: 'credentials', help: 'Bearer token instead of --user/--password; or set EVO_MOCK_BEARER.' }),
  formats: custom<readonly WireFormat[]>({
    placeholder: 'LIST',
    default: defaultCodecs.formats,
    help: 'Formats to test, comma-separated.',
    schema: { oneOf: [{ type: 'string' }, { type: 'array', items: { enum: [...defaultCodecs.formats] }, minItems: 1 }] },
    parse: readFormats,
  }),
  allowWrites: flag({ help: 'Let the runner create data (NewSession); without it only GET requests are sent. What a write creates is listed at the end, and deleted again when the target is evo-mock (its /__admin/health says so).' }),
  seed: integer({
    placeholder: 'N',
    min: -2147483648,
    max: 2147483647,
    defaultText: 'random',
    help: 'Seed for the generated (property-based) cases; a failure prints it, and the same seed replays the run.',
  }),
  propertyRuns: integer({ placeholder: 'N', default: 25, min: 0, max: 10_000, help: 'Generated requests per operation and format (writes use at most 3).' }),
  maxSkipped: custom<SkipLimit | undefined>({
    placeholder: 'N|P%',
    default: undefined,
    defaultText: 'no limit',
    help: 'Fail the run (exit 1) when more than N cases, or P% of them, were skipped: a run against an empty account checks too little to pass.',
    parse: readSkipLimit,
  }),
  report: text({ placeholder: 'PATH', help: 'Write a JUnit XML report here (for CI): one testcase per root cause of failure, the seed and options as properties.' }),
  json: text({ placeholder: 'PATH', help: 'Write a JSON report here.' }),
  timeout: integer({ placeholder: 'MS', default: 10_000, min: 100, max: 600_000, help: 'Per-request timeout in milliseconds.' }),
  spec: text({ placeholder: 'PATH', defaultText: "the package's spec/openapi.json", help: 'The OpenAPI document to test against.' }),
  verbose: flag({ short: 'v', help: 'One line per case while it runs.' }),
}, 'CONTRACT_');
export type ContractSettings = SettingsOf<typeof contractOptions>;

/** The run the settings describe, checked as a whole; every refusal says what to type instead. */
export interface ContractRun {
  readonly target: Target;
  readonly formats: readonly WireFormat[];
  readonly allowWrites: boolean;
  readonly seed: number;
  readonly propertyRuns: number;
  readonly timeoutMs: number;
  readonly junitPath?: string;
  readonly jsonPath?: string;
  readonly specPath?: string;
  readonly maxSkipped?: SkipLimit;
  readonly verbose: boolean;
}

export function contractRun(settings: ContractSettings, randomSeed: () => number): ContractRun {
  return {
    target: { baseUrl: baseUrlOf(settings.target), credentials: credentialsOf(settings) },
    formats: settings.formats,
    allowWrites: settings.allowWrites,
    seed: settings.seed ?? randomSeed(),
    propertyRuns: settings.propertyRuns,
    timeoutMs: settings.timeout,
    verbose: settings.verbose,
    ...(settings.report ? { junitPath: settings.report } : {}),
    ...(settings.json ? { jsonPath: settings.json } : {}),
    ...(settings.spec ? { specPath: settings.spec } : {}),
    ...(settings.maxSkipped ? { maxSkipped: settings.maxSkipped } : {}),
  };
}

function baseUrlOf(raw: string | undefined): string {
  if (!raw) throw new UsageError('--target is required: the base URL of the API to test, e.g. --target http://127.0.0.1:4010 (start the mock with `evo-mock serve`).');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--target '${raw}' is not a URL; give the API's base URL with its scheme, e.g. http://127.0.0.1:4010.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--target must be an http or https URL, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError(`--target is a base URL; drop the query or fragment from '${raw}'.`);
  return url.toString().replace(/\/+$/, '');
}

/**
 * Basic or bearer credentials, checked as a pair. They arrive together from one source (flags, or
 * EVO_MOCK_USER / EVO_MOCK_PASSWORD / EVO_MOCK_BEARER, or the config file; see the options' group), so a
 * --bearer typed over EVO_MOCK_USER in the environment is not a conflict.
 */
function credentialsOf({ user, password, bearer }: ContractSettings): Credentials {
  if (bearer !== undefined && (user !== undefined || password !== undefined)) {
    throw new UsageError('give either --user and --password, or --bearer, not both.');
  }
  if (bearer !== undefined) {
    if (!bearer) throw new UsageError('--bearer needs a token.');
    return { kind: 'bearer', token: bearer };
  }
  if ((user === undefined) !== (password === undefined)) {
    throw new UsageError(user === undefined ? '--password needs --user.' : `--user ${user} needs --password (Basic auth sends both).`);
  }
  if (user !== undefined && password !== undefined) return { kind: 'basic', user, password };
  return { kind: 'none' };
}

function readFormats(raw: string, flagName: string): WireFormat[] {
  const names = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const all = defaultCodecs.formats;
  if (names.length === 0) throw new UsageError(`${flagName} needs at least one of ${all.join(', ')}.`);
  const unknown = names.filter((n) => !defaultCodecs.named(n));
  if (unknown.length) throw new UsageError(`${flagName}: unknown format ${unknown.join(', ')}; choose from ${all.join(', ')} (comma-separated).`);
  // JSON first whatever the order given: its answers are read as sent, so they seed the data pool most faithfully.
  return all.filter((f) => names.includes(f));
}

function readSkipLimit(value: string): SkipLimit {
  try {
    return parseSkipLimit(value);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
