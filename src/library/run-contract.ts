import { fetchClient } from '../contract/http-client.js';
import type { CaseResult, RunReport } from '../contract/run-report.js';
import { runContract as runCases } from '../contract/runner.js';
import { contractOptions, contractRun, type ContractSettings } from '../options/contract-options.js';
import type { Option } from '../options/option-model.js';
import { rawValueOf } from '../options/settings-sources.js';
import { loadApiModel } from '../spec/wire-model.js';
import { defaultCodecs } from '../wire/codec-registry.js';

/** The options of `evo-mock contract` by their camelCase names (report/json/verbose are the command's own). */
export type RunContractOptions = {
  readonly [K in Exclude<keyof ContractSettings, 'report' | 'json' | 'verbose'>]?: ContractSettings[K] extends readonly string[] ? string | readonly string[] : ContractSettings[K] extends infer T | undefined ? T | string : ContractSettings[K];
} & {
  /** Progress as the cases run. */
  readonly events?: ContractEvents;
};

/** Called as the run goes (the runner's events, named here so the package's types stay off its internals). */
export interface ContractEvents {
  onStart?(total: number): void;
  onCase?(result: CaseResult, index: number, total: number): void;
}

/**
 * Runs the contract check against a target and resolves to the report: every case, the root causes of
 * the failures, and the verdict (`report.verdict.ok`, and `exitCode` as the command would exit).
 * It rejects, as the command exits 2, when the options are wrong (UsageError), the target cannot be
 * reached (TargetUnreachableError), refuses the credentials (CredentialsRefusedError) or is not the API
 * (NotTheApiError). Credentials left out are read from EVO_MOCK_USER / EVO_MOCK_PASSWORD / EVO_MOCK_BEARER.
 *
 *   const report = await runContract({ target: mock.url, user: 'dev@example.com', password: 'dev', formats: ['json'] });
 *   assert.equal(report.verdict.ok, true);
 */
export async function runContract(options: RunContractOptions): Promise<RunReport> {
  const { events, ...given } = options;
  const settings: Record<string, unknown> = {};
  for (const [key, o] of Object.entries(contractOptions) as [string, Option<unknown>][]) {
    const value = (given as Record<string, unknown>)[key];
    const fromEnv = value === undefined && ['user', 'password', 'bearer'].includes(key) && !['user', 'password', 'bearer'].some((k) => (given as Record<string, unknown>)[k] !== undefined) ? process.env[o.env] || undefined : undefined;
    const name = `runContract({ ${key} })`;
    settings[key] = value !== undefined ? o.read(rawValueOf(o, value, name), name) : fromEnv !== undefined ? o.read(fromEnv, o.env) : o.default;
  }
  const run = contractRun(settings as ContractSettings, () => Math.floor(Math.random() * 2 ** 31));
  const model = loadApiModel(run.specPath);
  return runCases(
    { target: run.target, formats: run.formats, allowWrites: run.allowWrites, seed: run.seed, propertyRuns: run.propertyRuns, ...(run.maxSkipped ? { maxSkipped: run.maxSkipped } : {}) },
    { model, codecs: defaultCodecs, http: fetchClient(run.timeoutMs) },
    events,
  );
}
