import type { ErrorObject } from 'ajv/dist/2020.js';
import type { WireObject, WireType } from '../../spec/wire-type.js';
import { findProperty } from '../binding/string-map-binder.js';
import type { FieldError } from '../errors/service-error.js';

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

/**
 * One error per top-level DTO member, named as the CLR names it, saying what is allowed. `describe`
 * words a member's allowed values for where the value came from (a query string, a JSON body).
 */
export function toFieldErrors(
  errors: readonly ErrorObject[],
  dto: Record<string, unknown>,
  type: WireObject,
  describe: (type: WireType) => string,
): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    if (e.keyword === 'allOf' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'if') continue;
    const top = e.keyword === 'required' && e.instancePath === ''
      ? String((e.params as { missingProperty?: unknown }).missingProperty)
      : decodeURIComponent(e.instancePath.split('/')[1] ?? '').replaceAll('~1', '/').replaceAll('~0', '~');
    const prop = findProperty(type, top.toLowerCase());
    const fieldName = prop?.clrName ?? top;
    if (byField.has(fieldName)) continue;
    const nested = e.instancePath.split('/').length > 2 || (e.keyword === 'required' && e.instancePath !== '');
    const message =
      e.keyword === 'required' && !nested
        ? `'${fieldName}' is required.`
        : nested || !prop
          ? `'${fieldName}' is invalid at ${e.instancePath}: it ${e.message ?? 'does not match the schema'}${allowed(e)}.`
          : `${show(dto[prop.name])} is an Invalid value for '${fieldName}': expected ${
              e.keyword === 'format' && (e.params as { format?: unknown }).format === 'date' ? 'a date as YYYY-MM-DD' : describe(prop.type)
            }.`;
    byField.set(fieldName, { errorCode: ERROR_CODES[e.keyword] ?? 'ValidationException', fieldName, message });
  }
  return [...byField.values()];
}

/** The `x-` keywords the spec uses, so AJV's strict mode accepts them as annotations. */
export function extensionNames(...nodes: unknown[]): Set<string> {
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
  nodes.forEach(visit);
  return names;
}

function allowed(e: ErrorObject): string {
  const values = (e.params as { allowedValues?: unknown }).allowedValues;
  return Array.isArray(values) ? ` (${values.join(', ')})` : '';
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? 'undefined');
}
