import type { WireFormat } from '../../wire/codec.js';
import type { CheckResult } from '../check-result.js';
import { type CaseKind, type CaseOutcome, type ContractCase, outcomeOf, skipped } from '../contract-case.js';
import { describeRequest, type ContractRequest, type QueryValue } from '../contract-request.js';
import { exchange, standardChecks } from '../exchange.js';
import type { Observation } from '../observation.js';
import type { OperationFacts } from '../operation-facts.js';
import type { RunContext } from '../run-context.js';
import { listInvariants } from './list-invariants.js';
import { recordCreated } from './record-created.js';

export interface RequestParts {
  readonly pathParams?: Record<string, string>;
  readonly query?: Record<string, QueryValue>;
  readonly body?: Record<string, unknown>;
  readonly authenticated?: boolean;
  readonly textMembers?: readonly string[];
}

export interface SingleRequestSpec {
  readonly facts: OperationFacts;
  readonly format: WireFormat;
  readonly kind: CaseKind;
  /** The last part of the id, e.g. "basic", "wrong-type.page". */
  readonly name: string;
  readonly title: string;
  readonly expect: readonly number[];
  /** Builds the request from the target's data; a string says why the case cannot run. */
  readonly build: (ctx: RunContext) => RequestParts | string;
  /** Checks beyond the standard ones and the list invariants. */
  readonly extra?: (ctx: RunContext, obs: Observation) => Promise<CheckResult[]> | CheckResult[];
  readonly expectNonEmpty?: boolean;
  /** Harvest the answer into the data pool (discovery cases). */
  readonly harvest?: boolean;
}

export function buildRequest(facts: OperationFacts, format: WireFormat, parts: RequestParts): ContractRequest {
  return {
    method: facts.op.method,
    path: facts.op.path,
    pathParams: parts.pathParams ?? {},
    query: parts.query ?? {},
    ...(parts.body !== undefined ? { body: parts.body } : {}),
    authenticated: parts.authenticated ?? true,
    ...(parts.textMembers ? { textMembers: parts.textMembers } : {}),
    format,
  };
}

/** One request, the standard checks, the list invariants and the case's own checks. */
export function singleRequestCase(spec: SingleRequestSpec): ContractCase {
  const { facts, format } = spec;
  return {
    id: `${facts.op.operationId}.${format}.${spec.kind}.${spec.name}`,
    operationId: facts.op.operationId,
    format,
    kind: spec.kind,
    title: spec.title,
    writes: facts.writes,
    async run(ctx): Promise<CaseOutcome> {
      const parts = spec.build(ctx);
      if (typeof parts === 'string') return skipped(parts);
      const request = buildRequest(facts, format, parts);
      const obs = await exchange(ctx, facts.op, request);
      if (spec.harvest && obs.decoded.kind === 'value' && obs.response.status < 300) ctx.pool.harvest(obs.decoded.value, obs.bodyType, facts.op.operationId);
      recordCreated(ctx, facts, obs);
      const checks = [
        ...standardChecks(ctx, facts.op, obs, spec.expect),
        ...(obs.response.status < 300 ? listInvariants(facts, obs, spec.expectNonEmpty) : []),
        ...(spec.extra ? await spec.extra(ctx, obs) : []),
      ];
      return outcomeOf(checks, [describeRequest(request)]);
    },
  };
}
