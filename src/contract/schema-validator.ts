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
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, verbose: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: document.components ?? {} });
  }

  /** Returns the errors, each placed and worded for a reader; an empty list means valid. */
  validate(schema: Schema | OpenAPIV3_1.ReferenceObject, value: unknown): SchemaError[] {
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

/** One schema error: `pointer` is where in the body (JSON pointer, '' for the body), `text` says what. */
export interface SchemaError {
  readonly pointer: string;
  /** The member the error is about when it names one (required, additionalProperties): pointer + '/' + member. */
  readonly memberPointer: string;
  readonly text: string;
  /** The same said of the member rather than of its place, e.g. "is missing (required)". */
  readonly memberText: string;
}

function describeError(e: ErrorObject): SchemaError {
  const at = (text: string, member?: string, memberText = text): SchemaError => ({
    pointer: e.instancePath,
    memberPointer: member === undefined ? e.instancePath : `${e.instancePath}/${member}`,
    text,
    memberText,
  });
  if (e.keyword === 'enum') {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return at(`is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  if (e.keyword === 'required') {
    const missing = (e.params as { missingProperty: string }).missingProperty;
    return at(`lacks the required property '${missing}'`, missing, 'is missing (required)');
  }
  if (e.keyword === 'additionalProperties') {
    const extra = (e.params as { additionalProperty: string }).additionalProperty;
    return at(`has the property '${extra}' that the spec does not declare`, extra, 'is not declared by the spec');
  }
  if (e.keyword === 'format') {
    const hint = formatHint(e);
    const base = e.message ?? 'has the wrong format';
    return at(`${base}${hint.placed}`, undefined, `${base}${hint.general}`);
  }
  return at(e.message ?? e.keyword);
}

/**
 * What a wrongly formatted date most often is: ServiceStack's own DateTime serialisation leaking through.
 * `placed` quotes the value for the message; `general` leaves it out, so every such answer is one cause.
 */
function formatHint(e: ErrorObject): { placed: string; general: string } {
  const format = (e.params as { format?: string }).format;
  const value = (e as { data?: unknown }).data;
  if (format !== 'date-time' || typeof value !== 'string') return { placed: '', general: '' };
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (/^\/Date\(-?\d+([+-]\d{4})?\)\/$/.test(value)) {
    const why = "ServiceStack's /Date(ms)/ for a CLR DateTime, where the DTO's string member holds ISO 8601";
    return { placed: ` (got ${shown}: ${why})`, general: ` (${why})` };
  }
  return { placed: ` (got ${shown}; ISO 8601 with a zone, e.g. 2026-11-20T12:00:00Z)`, general: ' (ISO 8601 with a zone, e.g. 2026-11-20T12:00:00Z)' };
}
