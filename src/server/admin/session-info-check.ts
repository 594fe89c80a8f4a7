import type { ErrorObject } from 'ajv/dist/2020.js';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { WireObject, WireType } from '../../wire/wire-type.js';
import { findProperty } from '../binding/string-map-binder.js';
import type { FieldError } from '../errors/service-error.js';
import { createAjv } from '../validation/ajv-instance.js';

/** Never fetched; lets the spec's `#/components/...` references resolve inside the registered document. */
const DOCUMENT_ID = 'https://evo-mock.invalid/admin/openapi.json';

/** Checks a whole SessionInfo against the spec's schema; answers one error per top-level member, named as the CLR names it. */
export type SessionInfoCheck = (value: Record<string, unknown>) => FieldError[];

export function sessionInfoCheck(document: OpenAPIV3_1.Document, type: WireObject): SessionInfoCheck {
  const ajv = createAjv(extensionNames(document.components));
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} } as object);
  const validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${type.name}` });
  return (value) => (validate(value) ? [] : fieldErrors(validate.errors ?? [], value, type));
}

function fieldErrors(errors: readonly ErrorObject[], value: Record<string, unknown>, type: WireObject): FieldError[] {
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
    const message = e.keyword === 'required' && !nested
      ? `'${fieldName}' is required.`
      : nested || !prop
        ? `'${fieldName}' is invalid at ${e.instancePath}: it ${e.message ?? 'does not match the schema'}${allowed(e)}.`
        : `${show(value[prop.name])} is an Invalid value for '${fieldName}': expected ${expected(prop.type)}.`;
    byField.set(fieldName, { errorCode: e.keyword === 'required' ? 'NotNull' : e.keyword === 'enum' ? 'Enum' : 'SerializationException', fieldName, message });
  }
  return [...byField.values()];
}

function allowed(e: ErrorObject): string {
  const values = (e.params as { allowedValues?: unknown }).allowedValues;
  return Array.isArray(values) ? ` (${values.join(', ')})` : '';
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? 'undefined');
}

/** Worded for a JSON body (the request path's wording is for query strings). */
export function expected(type: WireType): string {
  switch (type.kind) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'enum':
      return `one of ${type.members.join(', ')}`;
    case 'list':
      return `an array of ${expected(type.item)}`;
    case 'dictionary':
      return `an object whose values are ${expected(type.value)}`;
    case 'object':
      return `a ${type.type.name} object`;
  }
}

function extensionNames(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => extensionNames(n, names));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) names.add(key);
      extensionNames(value, names);
    }
  }
  return names;
}
