import type { OpenAPIV3_1 } from 'openapi-types';

export type SpecValidation = { readonly valid: true } | { readonly valid: false; readonly message: string } | { readonly skipped: string };

/**
 * Validates the document with @readme/openapi-parser. It is a development dependency: where it is not
 * installed (a production install), validation is skipped and the caller says so.
 */
export async function validateSpec(doc: OpenAPIV3_1.Document): Promise<SpecValidation> {
  let parser: typeof import('@readme/openapi-parser');
  try {
    parser = await import('@readme/openapi-parser');
  } catch {
    return { skipped: '@readme/openapi-parser is not installed (it is a development dependency)' };
  }
  // validate() dereferences in place: give it a copy.
  const result = await parser.validate(structuredClone(doc) as never);
  if (result.valid) return { valid: true };
  return { valid: false, message: parser.compileErrors(result) };
}
