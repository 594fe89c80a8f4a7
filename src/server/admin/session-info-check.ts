import type { OpenAPIV3_1 } from 'openapi-types';
import type { WireObject, WireType } from '../../spec/wire-type.js';
import type { FieldError } from '../errors/service-error.js';
import { createAjv } from '../validation/ajv-instance.js';
import { extensionNames, toFieldErrors } from '../validation/field-errors.js';

/** Never fetched; lets the spec's `#/components/...` references resolve inside the registered document. */
const DOCUMENT_ID = 'https://evo-mock.invalid/admin/openapi.json';

/** Checks a whole SessionInfo against the spec's schema; answers one error per top-level member, named as the CLR names it. */
export type SessionInfoCheck = (value: Record<string, unknown>) => FieldError[];

export function sessionInfoCheck(document: OpenAPIV3_1.Document, type: WireObject): SessionInfoCheck {
  const ajv = createAjv(extensionNames(document.components));
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components ?? {} } as object);
  const validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${type.name}` });
  return (value) => (validate(value) ? [] : toFieldErrors(validate.errors ?? [], value, type, expected));
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
