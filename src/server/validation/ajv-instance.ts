import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with `module.exports = plugin`; under NodeNext the default import is that function.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** OpenAPI 3.1 keywords that are not JSON Schema 2020-12 and only annotate (components holds the schemas references point into). */
const OPENAPI_ANNOTATIONS = ['example', 'xml', 'discriminator', 'externalDocs', 'components'];

/**
 * One AJV for the whole spec (JSON Schema 2020-12, as OpenAPI 3.1 is), strict about everything but the
 * OpenAPI annotations and the spec's own `x-` extensions, which it is told about by name.
 */
export function createAjv(extensionNames: Iterable<string>): Ajv2020 {
  // validateSchema off: checking every schema against the 2020-12 meta-schema again on every start
  // would slow every start for nothing, as the generator already validates spec/openapi.json with an
  // OpenAPI 3.1 validator. Strict mode still refuses unknown keywords.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, validateFormats: true, validateSchema: false });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_ANNOTATIONS, ...extensionNames]);
  return ajv;
}
