import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { Schema } from './openapi-lookup.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const COMPONENTS_ID = 'evo-mock-contract:components';

/**
 * AJV over the spec's own schemas. The components are registered once under one id so that the
 * spec's `#/components/...` references resolve unchanged; validators are compiled once per schema.
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIV3_1.Document) {
    // strict off: the spec carries x- extensions and OpenAPI's `example`, which are not JSON Schema keywords.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: document.components ?? {} });
  }

  /** Returns human-readable errors; an empty list means valid. */
  validate(schema: Schema | OpenAPIV3_1.ReferenceObject, value: unknown): string[] {
    const fn = this.compiled(schema);
    if (fn(value)) return [];
    return (fn.errors ?? []).map(describeError);
  }

  private compiled(schema: Schema | OpenAPIV3_1.ReferenceObject): ValidateFunction {
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(rebase(schema));
      this.cache.set(key, fn);
    }
    return fn;
  }
}

/** A schema taken out of the document keeps working if its local refs point into the registered components. */
function rebase(schema: Schema | OpenAPIV3_1.ReferenceObject): object {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${COMPONENTS_ID}${value}` : value,
  ) as object;
}

function describeError(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the body' : e.instancePath;
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return `${where} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (e.keyword === 'required') return `${where} lacks the required property '${(e.params as { missingProperty: string }).missingProperty}'`;
  if (e.keyword === 'additionalProperties') {
    return `${where} has the property '${(e.params as { additionalProperty: string }).additionalProperty}' that the spec does not declare`;
  }
  return `${where} ${e.message ?? e.keyword}`;
}
