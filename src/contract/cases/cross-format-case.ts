import type { WireFormat } from '../../wire/codec.js';
import type { CheckResult } from '../check-result.js';
import { checkSameAcrossFormats } from '../checks/cross-format-check.js';
import { type CaseOutcome, type ContractCase, outcomeOf, skipped } from '../contract-case.js';
import { describeRequest } from '../contract-request.js';
import { exchange, standardChecks } from '../exchange.js';
import { pathValuesFrom, type OperationFacts } from '../operation-facts.js';
import { buildRequest } from './single-request-case.js';

/**
 * The same request in every selected format reads as the same value. For a list the request names
 * its items (specificIds) and a sort, so a live target's churn between the requests cannot tell them apart.
 */
export function crossFormatCase(facts: OperationFacts, formats: readonly WireFormat[]): ContractCase | undefined {
  const { op } = facts;
  if (formats.length < 2 || facts.writes) return undefined;
  return {
    id: `${op.operationId}.all.invariant.same-in-every-format`,
    operationId: op.operationId,
    format: 'all',
    kind: 'invariant',
    title: `reads the same in ${formats.map((f) => f.toUpperCase()).join(', ')}`,
    writes: false,
    async run(ctx): Promise<CaseOutcome> {
      const pathParams = pathValuesFrom(ctx.pool, op);
      if (!pathParams) return skipped(`the target showed no ${op.responseType.name} for the path`);
      const query: Record<string, string | readonly string[]> = {};
      const shape = facts.shape;
      const specific = shape?.filters.find((f) => f.itemProp.toLowerCase() === 'id');
      if (shape && specific) {
        const ids = ctx.pool.idsOf(shape.itemType.name, op.operationId).slice(0, 3);
        if (ids.length) query[specific.param] = ids;
        if (shape.params.sortField) query[shape.params.sortField] = specific.itemProp;
      }
      const values = new Map<WireFormat, Record<string, unknown>>();
      const checks: CheckResult[] = [];
      const requests: string[] = [];
      for (const format of formats) {
        const request = buildRequest(facts, format, { pathParams, query });
        requests.push(describeRequest(request));
        const obs = await exchange(ctx, op, request);
        checks.push(...standardChecks(ctx, op, obs, facts.success));
        if (obs.decoded.kind === 'value') values.set(format, obs.decoded.value);
      }
      const what = op.pathParams.length ? `${op.responseType.name} ${Object.values(pathParams).join('/')}` : `${op.operationId}'s answer`;
      checks.push(checkSameAcrossFormats(values, what));
      return outcomeOf(checks, requests);
    },
  };
}
