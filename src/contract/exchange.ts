import type { OperationModel } from '../spec/api-model.js';
import type { CheckResult } from './check-result.js';
import { checkContentType } from './checks/content-type-check.js';
import { checkErrorShape } from './checks/error-shape-check.js';
import { withInferredNamespaceHint } from './checks/inferred-namespace-hint.js';
import { checkJsonWire } from './checks/json-wire-check.js';
import { checkParse } from './checks/parse-check.js';
import { checkRoundTrip } from './checks/round-trip-check.js';
import { checkSchema } from './checks/schema-check.js';
import { checkStatus, checkWwwAuthenticate } from './checks/status-check.js';
import type { ContractRequest } from './contract-request.js';
import { encodeRequest } from './encode-request.js';
import { decodeBody, type Observation } from './observation.js';
import type { RunContext } from './run-context.js';

/** Sends one request and decodes its answer as the DTO that status should carry. */
export async function exchange(ctx: RunContext, op: OperationModel, request: ContractRequest): Promise<Observation> {
  const codec = ctx.codecs.get(request.format);
  const http = encodeRequest(ctx.target, request, codec, request.body !== undefined ? op.requestType : undefined);
  const response = await ctx.http(http);
  const bodyType = response.status >= 400 ? ctx.model.errorResponse : op.responseType;
  return { request, response, bodyType, decoded: decodeBody(response.text, codec, bodyType) };
}

/** The checks every answer gets, whatever the case: status, type, format, schema and bytes. */
export function standardChecks(ctx: RunContext, op: OperationModel, obs: Observation, expected: readonly number[]): CheckResult[] {
  const codec = ctx.codecs.get(obs.request.format);
  const results: (CheckResult | undefined)[] = [
    checkStatus(obs, expected),
    checkWwwAuthenticate(obs),
    checkContentType(obs, codec),
    checkParse(obs),
    checkSchema(obs, op, ctx.model, ctx.validator),
    checkJsonWire(obs),
    checkRoundTrip(obs, codec),
    checkErrorShape(obs),
  ];
  return withInferredNamespaceHint(
    results.filter((r): r is CheckResult => r !== undefined),
    obs,
    ctx.model,
  );
}
