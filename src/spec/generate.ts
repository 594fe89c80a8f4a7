import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import { buildModel } from '../model/build-model.js';
import { formatDisagreements } from '../model/disagreements.js';
import type { MergedModel } from '../model/model-types.js';
import type { DtoPage } from '../pages/page-model.js';
import { parsePage } from '../pages/parse-page.js';
import { buildOpenApi, type DocumentFormat } from './build-openapi.js';
import { stableJson } from './stable-json.js';
import { writeClientDtos } from './write-client-dtos.js';
import { writeDtos } from './write-dtos.js';

export interface Generated {
  readonly pages: readonly DtoPage[];
  readonly model: MergedModel;
  readonly document: OpenAPIV3_1.Document;
  /** spec/openapi.json, byte for byte. */
  readonly specText: string;
  /** src/generated/dtos.ts, byte for byte. */
  readonly dtosText: string;
  /** src/generated/client-dtos.ts (request DTO classes for @servicestack/client), importing the types as `typesModule`. */
  readonly clientDtosText: string;
  readonly report: string;
}

/** Pages in, outputs out: the whole generator without any file I/O. `formats`: the bodies' formats, in order. */
export function generateFromTexts(files: ReadonlyArray<{ name: string; text: string }>, formats: readonly DocumentFormat[], typesModule = './dtos.js'): Generated {
  if (files.length === 0) throw new Error('no DTO pages found: put the saved metadata pages (<Operation>.txt) in the sources folder.');
  const pages = [...files]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => parsePage(f.text, f.name, basename(f.name, '.txt')));
  const model = buildModel(pages);
  const document = buildOpenApi(model, formats);
  return { pages, model, document, specText: stableJson(document), dtosText: writeDtos(model), clientDtosText: writeClientDtos(model, typesModule), report: formatDisagreements(model.disagreements) };
}

/** Reads every `<Operation>.txt` in the folder (other files, such as README.md, are not pages). */
export function readSourceFolder(dir: string): Array<{ name: string; text: string }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new Error(`cannot read the sources folder ${dir} (${err instanceof Error ? err.message : String(err)}).`);
  }
  return names
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

export function generateFromFolder(dir: string, formats: readonly DocumentFormat[], typesModule?: string): Generated {
  return generateFromTexts(readSourceFolder(dir), formats, typesModule);
}
