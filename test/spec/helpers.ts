import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { generateFromFolder, type Generated } from '../../src/spec/generate.js';
import { SOURCES } from '../pages/helpers.js';

let cached: Generated | undefined;

/** The generator's output for the committed pages (computed once per test file). */
export function generated(): Generated {
  cached ??= generateFromFolder(SOURCES, defaultCodecs.documentFormats());
  return cached;
}

export type Json = Record<string, any>;
