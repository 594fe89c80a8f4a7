import type { ApiModel } from '../spec/api-model.js';
import type { WireFormat } from '../wire/codec.js';
import type { CodecRegistry } from '../wire/codec-registry.js';
import { fail } from './check-result.js';
import { removeCreated } from './cleanup.js';
import type { CaseOutcome, ContractCase } from './contract-case.js';
import { skipped } from './contract-case.js';
import { DataPool } from './data-pool.js';
import { deriveCases } from './derive-cases.js';
import { TargetUnreachableError, type HttpClient } from './http-client.js';
import { probeTarget } from './probe.js';
import type { RunContext } from './run-context.js';
import type { CaseResult, CreatedEntity, RunReport } from './run-report.js';
import { rootCauses } from './root-causes.js';
import { SchemaValidator } from './schema-validator.js';
import { describeCredentials, type Target } from './target.js';
import { verdictOf, type SkipLimit } from './verdict.js';

export interface RunOptions {
  readonly target: Target;
  readonly formats: readonly WireFormat[];
  readonly allowWrites: boolean;
  readonly seed: number;
  readonly propertyRuns: number;
  /** Fail the run when more cases than this were skipped (an empty account skips most reads). */
  readonly maxSkipped?: SkipLimit;
  readonly now?: Date;
}

export interface RunDeps {
  readonly model: ApiModel;
  /** The formats a run can ask for; a request's format is a name registered here. */
  readonly codecs: CodecRegistry;
  readonly http: HttpClient;
}

export interface RunEvents {
  onStart?(total: number): void;
  onCase?(result: CaseResult, index: number, total: number): void;
}

/**
 * Probes the target, then runs every derived case in order, one at a time (a real target should not
 * be loaded, and the data pool fills as the reads answer). Throws TargetUnreachableError or
 * CredentialsRefusedError when the run cannot start; everything after that is a case result.
 */
export async function runContract(options: RunOptions, deps: RunDeps, events: RunEvents = {}): Promise<RunReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  await probeTarget(deps.model, options.target, deps.http, deps.codecs.json);
  const created: CreatedEntity[] = [];
  const ctx: RunContext = {
    model: deps.model,
    target: options.target,
    http: deps.http,
    codecs: deps.codecs,
    validator: new SchemaValidator(deps.model.document),
    pool: new DataPool(),
    seed: options.seed,
    propertyRuns: options.propertyRuns,
    allowWrites: options.allowWrites,
    now: options.now ?? new Date(),
    created,
  };
  const cases = deriveCases(deps.model, options.formats);
  events.onStart?.(cases.length);
  const results: CaseResult[] = [];
  for (const [index, c] of cases.entries()) {
    const t0 = performance.now();
    const outcome = await runOne(c, ctx);
    const result: CaseResult = { id: c.id, operationId: c.operationId, format: c.format, kind: c.kind, title: c.title, outcome, durationMs: performance.now() - t0 };
    results.push(result);
    events.onCase?.(result, index, cases.length);
  }
  const cleanup = options.allowWrites ? await removeCreated(options.target.baseUrl, created, deps.http) : undefined;
  return {
    target: options.target.baseUrl,
    credentials: describeCredentials(options.target.credentials),
    formats: options.formats,
    seed: options.seed,
    propertyRuns: options.propertyRuns,
    allowWrites: options.allowWrites,
    ...(options.maxSkipped ? { maxSkipped: options.maxSkipped } : {}),
    startedAt,
    durationMs: performance.now() - started,
    results,
    created,
    ...(cleanup?.evoMock ? { cleanup } : {}),
    notes: notesOf(results),
    rootCauses: rootCauses(results),
    verdict: verdictOf(results, options.maxSkipped),
  };
}

async function runOne(c: ContractCase, ctx: RunContext): Promise<CaseOutcome> {
  if (c.writes && !ctx.allowWrites) return skipped('read-only run: pass --allow-writes to let the runner create data');
  try {
    return await c.run(ctx);
  } catch (err) {
    if (err instanceof TargetUnreachableError) return { status: 'fail', checks: [fail('transport', `${err.message} (${err.url})`)], requests: [err.url] };
    const message = err instanceof Error ? `${err.message}${err.stack ? ` @ ${err.stack.split('\n')[1]?.trim() ?? ''}` : ''}` : String(err);
    return { status: 'fail', checks: [fail('runner-error', `the runner could not carry out this case: ${message}`)], requests: [] };
  }
}

/** Allowances that passed a check only by a stated exception, listed once each. */
function notesOf(results: readonly CaseResult[]): string[] {
  const notes = new Set<string>();
  for (const r of results) for (const c of r.outcome.checks) if (c.note) notes.add(`${c.check}: ${c.note}`);
  return [...notes];
}
