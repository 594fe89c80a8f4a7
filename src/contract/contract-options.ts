import { UsageError, intOption, stringOption, type OptionValues } from '../cli/command.js';
import type { WireFormat } from '../wire/codec.js';
import { ALL_FORMATS } from './format-negotiation.js';
import type { Credentials, Target } from './target.js';
import { parseSkipLimit, type SkipLimit } from './verdict.js';

export interface ContractOptions {
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

export const DEFAULT_PROPERTY_RUNS = 25;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Reads and checks the command line; every refusal says what to type instead. */
export function readContractOptions(values: OptionValues, randomSeed: () => number, env: NodeJS.ProcessEnv = {}): ContractOptions {
  const target: Target = { baseUrl: baseUrlOf(stringOption(values, 'target')), credentials: credentialsOf(values, env) };
  const seed = values['seed'] === undefined ? randomSeed() : intOption(values, 'seed', 0, -2147483648, 2147483647);
  const junitPath = stringOption(values, 'report');
  const jsonPath = stringOption(values, 'json');
  const specPath = stringOption(values, 'spec');
  const maxSkipped = skipLimitOf(stringOption(values, 'max-skipped'));
  return {
    target,
    formats: formatsOf(stringOption(values, 'formats')),
    allowWrites: values['allow-writes'] === true,
    seed,
    propertyRuns: intOption(values, 'property-runs', DEFAULT_PROPERTY_RUNS, 0, 10_000),
    timeoutMs: intOption(values, 'timeout', DEFAULT_TIMEOUT_MS, 100, 600_000),
    verbose: values['verbose'] === true,
    ...(junitPath ? { junitPath } : {}),
    ...(jsonPath ? { jsonPath } : {}),
    ...(specPath ? { specPath } : {}),
    ...(maxSkipped ? { maxSkipped } : {}),
  };
}

function skipLimitOf(raw: string | undefined): SkipLimit | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseSkipLimit(raw);
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
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
 * Credentials from the flags, or else from EVO_MOCK_USER / EVO_MOCK_PASSWORD / EVO_MOCK_BEARER, so that CI
 * can keep secrets out of command lines (and logs). Flags given win over the environment as a whole.
 */
function credentialsOf(values: OptionValues, env: NodeJS.ProcessEnv): Credentials {
  const fromFlags = ['user', 'password', 'bearer'].some((k) => values[k] !== undefined);
  const pick = (flag: string, variable: string) => (fromFlags ? stringOption(values, flag) : env[variable] || undefined);
  const user = pick('user', 'EVO_MOCK_USER');
  const password = pick('password', 'EVO_MOCK_PASSWORD');
  const bearer = pick('bearer', 'EVO_MOCK_BEARER');
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

function formatsOf(raw: string | undefined): WireFormat[] {
  if (raw === undefined) return [...ALL_FORMATS];
  const names = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--formats needs at least one of ${ALL_FORMATS.join(', ')}.`);
  const unknown = names.filter((n) => !(ALL_FORMATS as readonly string[]).includes(n));
  if (unknown.length) throw new UsageError(`--formats: unknown format ${unknown.join(', ')}; choose from ${ALL_FORMATS.join(', ')} (comma-separated).`);
  // JSON first whatever the order given: its answers are read as sent, so they seed the data pool most faithfully.
  return ALL_FORMATS.filter((f) => names.includes(f));
}
