import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { WireFormat } from '../../wire/codec.js';
import { bodyArbitrary } from '../body-builder.js';
import type { CheckResult } from '../check-result.js';
import { fail, pass } from '../check-result.js';
import { type CaseOutcome, type ContractCase, outcomeOf, skipped } from '../contract-case.js';
import { describeRequest, type ContractRequest } from '../contract-request.js';
import { exchange, standardChecks } from '../exchange.js';
import { requestBodyExample } from '../openapi-lookup.js';
import type { OperationFacts } from '../operation-facts.js';
import type { RunContext } from '../run-context.js';
import { queryArbitrary } from '../value-arbitraries.js';
import { listInvariants } from './list-invariants.js';
import { afterWrite } from './positive-cases.js';
import { buildRequest } from './single-request-case.js';

/** Each case gets its own seed from the run's, so `--seed N` replays it whatever else runs. */
export function caseSeed(runSeed: number, caseId: string): number {
  return createHash('sha256').update(`${runSeed}:${caseId}`).digest().readInt32LE(0);
}

/**
 * Valid requests generated from the parameter and body schemas (fed by the target's data); every
 * answer must pass every check. A failure is shrunk by fast-check to the smallest failing request,
 * which is sent once more so the report shows exactly what that request got.
 */
export function propertyCase(facts: OperationFacts, format: WireFormat): ContractCase | undefined {
  const { op } = facts;
  if (facts.queryParams.length === 0 && op.pathParams.length === 0 && !facts.writes) return undefined;
  const id = `${op.operationId}.${format}.property.generated`;
  return {
    id,
    operationId: op.operationId,
    format,
    kind: 'property',
    title: facts.writes ? 'generated bodies (hostile strings, every enum member) are accepted and echoed' : 'generated valid parameter combinations pass every check',
    writes: facts.writes,
    async run(ctx): Promise<CaseOutcome> {
      const arb = requestArbitrary(ctx, facts, format);
      if (typeof arb === 'string') return skipped(arb);
      const seed = caseSeed(ctx.seed, id);
      // Writes create one object per run, shrinking included: keep them few.
      const numRuns = facts.writes ? Math.min(ctx.propertyRuns, 3) : ctx.propertyRuns;
      let sent = 0;
      const details = await fc.check(
        fc.asyncProperty(arb, async (request) => {
          sent++;
          return (await checksFor(ctx, facts, request)).every((c) => c.ok);
        }),
        { seed, numRuns, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false, ...(facts.writes ? { endOnFailure: true } : {}) },
      );
      if (!details.failed || details.counterexample === null) {
        return outcomeOf([pass('property', `${details.numRuns} generated requests passed every check`)], [`${sent} generated requests (seed ${details.seed})`]);
      }
      const [shrunk] = details.counterexample;
      const checks = await checksFor(ctx, facts, shrunk);
      const failed = checks.some((c) => !c.ok) ? checks : [...checks, fail('property', `the shrunk request passed when sent again (flaky target?): ${details.errorInstance ? String(details.errorInstance) : 'no error'}`)];
      return outcomeOf(failed, [`${sent} generated requests`, describeRequest(shrunk)], [
        `property failed after ${details.numRuns} runs and ${details.numShrinks} shrinks`,
        `seed ${details.seed}, path "${details.counterexamplePath ?? ''}" (replay the run with --seed ${ctx.seed})`,
        `shrunk request: ${describeRequest(shrunk)}`,
      ]);
    },
  };
}

function requestArbitrary(ctx: RunContext, facts: OperationFacts, format: WireFormat): fc.Arbitrary<ContractRequest> | string {
  const { op } = facts;
  const ids = op.pathParams.length ? ctx.pool.idsOf(op.responseType.name).slice(0, 50) : [];
  if (op.pathParams.length && ids.length === 0) return `the target showed no ${op.responseType.name} to take {${op.pathParams.join('}, {')}} from`;
  const path = op.pathParams.length
    ? fc.constantFrom(...ids).map((v) => Object.fromEntries(op.pathParams.map((n) => [n, v])) as Record<string, string>)
    : fc.constant({} as Record<string, string>);
  const query = queryArbitrary(facts.queryParams, facts.shape, ctx.pool, ctx.now, op.operationId);
  const body = facts.writes ? bodyArbitrary(op, ctx.pool, requestBodyExample(ctx.model.document, op.operation)).map((b) => b as Record<string, unknown> | undefined) : fc.constant(undefined);
  return fc.record({ path, query, body }).map(({ path: pathParams, query: q, body: b }) =>
    buildRequest(facts, format, { pathParams, query: q, ...(b !== undefined ? { body: b } : {}) }),
  );
}

async function checksFor(ctx: RunContext, facts: OperationFacts, request: ContractRequest): Promise<CheckResult[]> {
  const obs = await exchange(ctx, facts.op, request);
  return [
    ...standardChecks(ctx, facts.op, obs, facts.success),
    ...(obs.response.status < 300 ? listInvariants(facts, obs) : []),
    ...(facts.writes ? await afterWrite(ctx, facts, obs) : []),
  ];
}
