import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { GenerateSettings } from '../options/generate-options.js';
import { generateFromFolder } from '../spec/generate.js';
import { packageRoot } from '../spec/package-root.js';
import { validateSpec } from '../spec/validate-spec.js';
import { defaultCodecs } from '../wire/codec-registry.js';

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  // rename is atomic on one file system: a reader never sees half a spec.
  renameSync(tmp, path);
}

export async function runGenerate(settings: GenerateSettings, given: ReadonlySet<string>): Promise<number> {
  const root = packageRoot();
  // Defaults live in the package; paths the user types are read from where they stand.
  const at = (key: 'sources' | 'out' | 'types'): string => {
    const path = settings[key];
    return !given.has(key) ? resolve(root, path) : isAbsolute(path) ? path : resolve(process.cwd(), path);
  };
  const sources = at('sources');
  const out = at('out');
  const typesPath = at('types');
  // The client classes sit beside the types file and import it: dtos.ts -> client-dtos.ts.
  const typesBase = basename(typesPath).replace(/\.ts$/, '');
  const clientPath = join(dirname(typesPath), `client-${typesBase}.ts`);
  let generated;
  try {
    generated = generateFromFolder(sources, defaultCodecs.documentFormats(), `./${typesBase}.js`);
  } catch (err) {
    console.error(`evo-mock generate: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const validation = await validateSpec(generated.document);
  if ('skipped' in validation) console.error(`evo-mock generate: not validated: ${validation.skipped}.`);
  else if (!validation.valid) {
    console.error(`evo-mock generate: the generated document is not valid OpenAPI 3.1:\n${validation.message}`);
    return 1;
  }
  if (!settings.quiet) console.log(generated.report);
  const outputs = [
    { path: out, text: generated.specText },
    { path: typesPath, text: generated.dtosText },
    { path: clientPath, text: generated.clientDtosText },
  ];
  const show = (p: string): string => relative(process.cwd(), p) || p;
  if (settings.check) {
    const stale = outputs.filter((o) => readIfExists(o.path) !== o.text);
    if (stale.length > 0) {
      console.error(`evo-mock generate --check: out of date: ${stale.map((o) => show(o.path)).join(', ')}. Run 'npm run generate' and commit the result.`);
      return 1;
    }
    console.log(`Up to date: ${outputs.map((o) => show(o.path)).join(', ')} (${generated.model.operations.length} operations).`);
    return 0;
  }
  for (const o of outputs) if (readIfExists(o.path) !== o.text) writeAtomically(o.path, o.text);
  console.log(`Wrote ${outputs.map((o) => show(o.path)).join(', ')}: ${generated.model.operations.length} operations from ${generated.pages.length} pages.`);
  return 0;
}
