import type { OpenAPIV3_1 } from 'openapi-types';
import type { ApiModel, OperationModel } from '../../spec/api-model.js';
import { allowedValues } from '../binding/allowed-values.js';
import { validationError } from '../errors/service-error.js';
import { findProperty } from '../binding/string-map-binder.js';
import { createAjv } from './ajv-instance.js';
import { extensionNames, toFieldErrors } from './field-errors.js';

/** Checks a bound request DTO; throws a 400 ServiceError naming every bad field. */
export type DtoValidator = (dto: Record<string, unknown>) => void;

/** Absolute, so references resolve the same from every operation's schema. Never fetched. */
const DOCUMENT_ID = 'https://evo-mock.invalid/openapi.json';

/**
 * Compiles one AJV validator per operation from the spec, once, at start-up. The schema is the
 * operation's declared parameters (path and query, by name) and its request body schema, together:
 * the bound DTO carries all of them, so one pass reports every bad field.
 */
export function compileValidators(api: ApiModel): ReadonlyMap<string, DtoValidator> {
  const ajv = createAjv(extensionNames(api.document.components, api.document.paths));
  // Register the document so the spec's own `#/components/schemas/...` references resolve inside it.
  ajv.addSchema({ $id: DOCUMENT_ID, components: api.document.components ?? {} } as object);
  const validators = new Map<string, DtoValidator>();
  for (const op of api.operations) {
    const validate = ajv.compile(operationSchema(op));
    validators.set(op.operationId, (dto) => {
      if (validate(dto)) return;
      const errors = toFieldErrors(validate.errors ?? [], dto, op.requestType, allowedValues);
      const [first, ...rest] = errors;
      if (first) throw validationError([first, ...rest]);
    });
  }
  return validators;
}

function operationSchema(op: OperationModel): object {
  const parts: object[] = [];
  const parameters = (op.operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  if (parameters.length > 0) {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const p of parameters) {
      // The bound DTO is keyed by the wire (camelCase) name, whatever case the spec names the parameter in.
      const name = findProperty(op.requestType, p.name.toLowerCase())?.name ?? p.name;
      properties[name] = rebase(p.schema ?? {});
      if (p.required) required.push(name);
    }
    parts.push({ type: 'object', properties, required });
  }
  const body = (op.operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content?.['application/json']?.schema;
  if (body) parts.push(rebase(body));
  return { $id: `https://evo-mock.invalid/operations/${op.operationId}`, ...(parts.length > 0 ? { allOf: parts } : {}) };
}

/** Points the spec's document-relative references at the registered document. */
function rebase<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', `"$ref":"${DOCUMENT_ID}#/`)) as T;
}

