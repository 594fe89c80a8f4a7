import type { WireFormat } from '../../wire/codec.js';
import { basicBody, echoedMembers } from '../body-builder.js';
import type { CheckResult } from '../check-result.js';
import { checkEcho, checkReadback } from '../checks/readback-check.js';
import type { ContractCase } from '../contract-case.js';
import { exchange, standardChecks } from '../exchange.js';
import type { Observation } from '../observation.js';
import { requestBodyExample } from '../openapi-lookup.js';
import { factsOf, pathValuesFrom, readerOf, type OperationFacts } from '../operation-facts.js';
import type { RunContext } from '../run-context.js';
import { recordCreated } from './record-created.js';
import { buildRequest, singleRequestCase } from './single-request-case.js';

/**
 * The plain valid request of an operation: no optional parameters, path ids from the target's own data,
 * and for a write a small body whose members the answer must echo and a read-back of what it created.
 */
export function basicCase(facts: OperationFacts, format: WireFormat): ContractCase {
  const { op } = facts;
  return singleRequestCase({
    facts,
    format,
    kind: 'positive',
    name: 'basic',
    title: facts.writes ? `creates with a valid ${op.requestType.name} and reads it back` : op.pathParams.length ? `reads one ${op.responseType.name} the target listed` : `answers a plain valid request`,
    expect: facts.success,
    harvest: true,
    build: (ctx) => {
      const pathParams = pathValuesFrom(ctx.pool, op);
      if (!pathParams) return `the target showed no ${op.responseType.name} to take {${op.pathParams.join('}, {')}} from`;
      if (!facts.writes) return { pathParams };
      return { pathParams, body: basicBody(op, ctx.pool, requestBodyExample(ctx.model.document, op.operation), `evo-mock contract ${ctx.seed}`) };
    },
    ...(facts.writes ? { extra: (ctx: RunContext, obs: Observation) => afterWrite(ctx, facts, obs) } : {}),
  });
}

/** Records what a write created, checks it echoes the request, and reads it back in the same format. */
export async function afterWrite(ctx: RunContext, facts: OperationFacts, obs: Observation): Promise<CheckResult[]> {
  if (obs.decoded.kind !== 'value' || obs.response.status >= 300) return [];
  const created = obs.decoded.value;
  const id = created['id'];
  const checks: CheckResult[] = [];
  recordCreated(ctx, facts, obs);
  if (obs.request.body) checks.push(checkEcho(obs.request.body, created, echoedMembers(facts.op)));
  const reader = readerOf(ctx.model, facts.op.responseType.name);
  if (!reader || typeof id !== 'string' || !id) return checks;
  const readerFacts = factsOf(ctx.model, reader);
  const request = buildRequest(readerFacts, obs.request.format, { pathParams: { [reader.pathParams[0]!]: id } });
  const read = await exchange(ctx, reader, request);
  checks.push(...standardChecks(ctx, reader, read, readerFacts.success));
  if (read.decoded.kind === 'value' && read.response.status < 300) checks.push(checkReadback(created, read.decoded.value, facts.op.responseType));
  return checks;
}

