import type { OpenAPIV3_1 } from 'openapi-types';
import type { ApiModel, OperationModel } from '../../spec/api-model.js';
import { fail, failWithProblems, pass, type CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';
import { responseFor } from '../openapi-lookup.js';
import type { SchemaValidator } from '../schema-validator.js';
import { memberAt } from '../wire-path.js';

/**
 * The decoded body against the response schema the spec declares for that status. Errors the spec
 * leaves undeclared are still ServiceStack's ErrorResponse, so they are held to that component.
 */
export function checkSchema(obs: Observation, op: OperationModel, model: ApiModel, validator: SchemaValidator): CheckResult | undefined {
  if (obs.decoded.kind !== 'value') return undefined;
  const status = obs.response.status;
  const declared = responseFor(model.document, op.operation, status);
  let schema = declared.schema;
  let source = `the spec's ${status} response of ${op.operationId}`;
  if (schema === undefined && status >= 400) {
    schema = { $ref: `#/components/schemas/${model.errorResponse.name}` } as OpenAPIV3_1.ReferenceObject;
    source = `the ${model.errorResponse.name} schema`;
  }
  if (schema === undefined) return fail('schema', `${op.operationId} declares no body for status ${status}`);
  const errors = validator.validate(schema, obs.decoded.value);
  if (errors.length === 0) return pass('schema', `valid against ${source}`);
  const problems = errors.map((e) => {
    const where = e.pointer === '' ? 'the body' : e.pointer;
    return { cause: `${memberAt(obs.bodyType, e.memberPointer)} ${e.memberText}`, at: e.memberPointer || 'the body', text: `${where} ${e.text}` };
  });
  return failWithProblems('schema', `invalid against ${source}: `, problems);
}
