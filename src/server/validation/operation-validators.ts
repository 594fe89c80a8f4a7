import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { ApiModel, OperationModel } from '../../spec/api-model.js';
import type { WireObject } from '../../wire/wire-type.js';
import { allowedValues } from '../binding/allowed-values.js';
import { findProperty } from '../binding/string-map-binder.js';
import { validationError, type FieldError } from '../errors/service-error.js';
import { createAjv } from './ajv-instance.js';

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
  const ajv = createAjv(extensionNames(api.document));
  // Register the document so the spec's own `#/components/schemas/...` references resolve inside it.
  ajv.addSchema({ $id: DOCUMENT_ID, components: api.document.components ?? {} } as object);
  const validators = new Map<string, DtoValidator>();
  for (const op of api.operations) {
    const validate = ajv.compile(operationSchema(op));
    validators.set(op.operationId, (dto) => {
      if (validate(dto)) return;
      const errors = toFieldErrors(validate.errors ?? [], dto, op.requestType);
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

function extensionNames(document: OpenAPIV3_1.Document): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-')) names.add(key);
        visit(value);
      }
    }
  };
  visit(document.components);
  visit(document.paths);
  return names;
}

/** ValidationFeature-style codes for AJV's keywords (FluentValidation's names where one fits). */
const ERROR_CODES: Readonly<Record<string, string>> = {
  required: 'NotNull',
  type: 'SerializationException',
  enum: 'Enum',
  format: 'RegularExpression',
  pattern: 'RegularExpression',
  minimum: 'GreaterThanOrEqual',
  exclusiveMinimum: 'GreaterThan',
  maximum: 'LessThanOrEqual',
  exclusiveMaximum: 'LessThan',
  minLength: 'MinimumLength',
  maxLength: 'MaximumLength',
  minItems: 'NotEmpty',
};

/** One error per top-level DTO property, named as the CLR names it, saying what is allowed. */
function toFieldErrors(errors: readonly ErrorObject[], dto: Record<string, unknown>, type: WireObject): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    if (e.keyword === 'allOf' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const top = e.keyword === 'required' && e.instancePath === ''
      ? String((e.params as { missingProperty?: unknown }).missingProperty)
      : decodeURIComponent(e.instancePath.split('/')[1] ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
    const prop = findProperty(type, top.toLowerCase());
    const fieldName = prop?.clrName ?? top;
    if (byField.has(fieldName)) continue;
    const value = dto[prop?.name ?? top];
    const expected = e.keyword === 'format' && (e.params as { format?: unknown }).format === 'date'
      ? 'a date as YYYY-MM-DD'
      : prop && e.instancePath.split('/').length <= 2
        ? allowedValues(prop.type)
        : `a value that ${e.message ?? 'matches the schema'} at ${e.instancePath}`;
    const message = e.keyword === 'required'
      ? `'${fieldName}' is required.`
      : `${show(value)} is an Invalid value for '${fieldName}': expected ${expected}.`;
    byField.set(fieldName, { errorCode: ERROR_CODES[e.keyword] ?? 'ValidationException', fieldName, message });
  }
  return [...byField.values()];
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? 'undefined';
}
