import { createHash } from 'node:crypto';
import type { WireFormat } from '../../wire/codec.js';
import type { WireProperty } from '../../spec/wire-type.js';
import { basicBody } from '../body-builder.js';
import { checkErrorField } from '../checks/error-shape-check.js';
import type { CheckResult } from '../check-result.js';
import type { ContractCase } from '../contract-case.js';
import type { DataPool } from '../data-pool.js';
import { requestBodyExample, type ParameterInfo } from '../openapi-lookup.js';
import { pathValuesFrom, type OperationFacts } from '../operation-facts.js';
import { typeOf } from '../value-arbitraries.js';
import type { RunContext } from '../run-context.js';
import { singleRequestCase, type SingleRequestSpec } from './single-request-case.js';

/** A value of the wrong type for each parameter kind ServiceStack refuses to bind (it coerces the rest). */
const WRONG = { integer: 'notanumber', enum: 'NoSuchMember' } as const;

/** Requests the target must refuse: no credentials (401), a wrong-typed value (400), an unknown id (404). */
export function negativeCases(facts: OperationFacts, format: WireFormat): ContractCase[] {
  const { op } = facts;
  const cases: ContractCase[] = [];
  const body = (ctx: RunContext) => basicBody(op, ctx.pool, requestBodyExample(ctx.model.document, op.operation), `evo-mock contract ${ctx.seed}`);
  if (op.requiresAuth) {
    cases.push(
      singleRequestCase({
        facts,
        format,
        kind: 'negative',
        name: 'no-credentials',
        title: 'refuses a request without credentials (401)',
        expect: [401],
        build: (ctx) => ({
          pathParams: pathValuesFrom(ctx.pool, op) ?? unknownPathValues(facts, ctx.seed, ctx.pool),
          ...(facts.writes ? { body: body(ctx) } : {}),
          authenticated: false,
        }),
      }),
    );
  }
  for (const p of facts.queryParams) {
    const bad = wrongValueFor(p);
    if (bad === undefined) continue;
    cases.push(
      wrongTypeCase(facts, format, p.name, `refuses ${p.name}=${bad} (400 naming the field)`, (ctx) => {
        const pathParams = pathValuesFrom(ctx.pool, op);
        return pathParams ? { pathParams, query: { [p.name]: bad } } : `the target showed no ${op.responseType.name} for the path`;
      }),
    );
  }
  if (facts.writes) {
    for (const m of op.requestType.properties) {
      const bad = wrongValueForMember(m);
      if (bad === undefined) continue;
      cases.push(
        wrongTypeCase(facts, format, m.name, `refuses a body with ${m.name}=${bad} (400 naming the field)`, (ctx) => ({
          pathParams: pathValuesFrom(ctx.pool, op) ?? {},
          body: { ...body(ctx), [m.name]: bad },
          textMembers: [m.name],
        })),
      );
    }
  }
  if (op.pathParams.length) {
    cases.push(
      singleRequestCase({
        facts,
        format,
        kind: 'negative',
        name: 'unknown-id',
        title: `answers an unknown ${op.pathParams.join('/')} with 404`,
        expect: [404],
        build: (ctx) => ({ pathParams: unknownPathValues(facts, ctx.seed, ctx.pool) }),
      }),
    );
  }
  return cases;
}

/** A value of the wrong type for `field` (a query parameter or a body member): a 400 that names the field. */
function wrongTypeCase(facts: OperationFacts, format: WireFormat, field: string, title: string, build: SingleRequestSpec['build']): ContractCase {
  return singleRequestCase({
    facts,
    format,
    kind: 'negative',
    name: `wrong-type.${field}`,
    title,
    expect: [400],
    build,
    extra: (_ctx, obs) => present([checkErrorField(obs, field)]),
  });
}

function wrongValueFor(p: ParameterInfo): string | undefined {
  if (Array.isArray(p.schema.enum)) return WRONG.enum;
  return typeOf(p.schema) === 'integer' ? WRONG.integer : undefined;
}

function wrongValueForMember(m: WireProperty): string | undefined {
  if (m.type.kind === 'enum') return WRONG.enum;
  return m.type.kind === 'integer' ? WRONG.integer : undefined;
}

/** Ids shaped like the API's (32 hex digits) that the target has never shown, stable for a seed. */
export function unknownPathValues(facts: OperationFacts, seed: number, pool: DataPool): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of facts.op.pathParams) {
    let salt = 0;
    let id: string;
    do id = createHash('sha256').update(`${seed}:${facts.op.operationId}:${name}:${salt++}`).digest('hex').slice(0, 32);
    while (pool.isKnownId(id));
    out[name] = id;
  }
  return out;
}

function present(results: (CheckResult | undefined)[]): CheckResult[] {
  return results.filter((r): r is CheckResult => r !== undefined);
}
