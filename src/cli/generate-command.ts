import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { generateFromFolder } from '../spec/generate.js';
import { packageRoot } from '../spec/package-root.js';
import { validateSpec } from '../spec/validate-spec.js';
import { stringOption, type Command } from './command.js';

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

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Parse the DTO pages in spec/sources/ into spec/openapi.json and src/generated/dtos.ts (+ client-dtos.ts)',
  details: [
    'Every <Operation>.txt in the sources folder is one saved ServiceStack metadata page (Python, JavaScript or',
    'F# DTOs, or HTML parameter tables). Dropping in another page adds its operation. The report printed at the',
    'end lists where the pages disagree and how each disagreement was resolved. Beside the types file it writes',
    'client-<types file>: the request DTOs as classes for @servicestack/client (client.get(new GetSession(...))).',
    'The defaults are in the package folder; paths you give are taken from the current folder.',
  ].join('\n'),
  options: {
    sources: { type: 'string', value: 'DIR', description: 'Folder of DTO pages', default: 'spec/sources' },
    out: { type: 'string', value: 'PATH', description: 'Where to write the OpenAPI document', default: 'spec/openapi.json' },
    types: { type: 'string', value: 'PATH', description: 'Where to write the TypeScript DTOs', default: 'src/generated/dtos.ts' },
    check: { type: 'boolean', description: 'Write nothing; exit 1 if the outputs are missing or would change' },
    quiet: { type: 'boolean', short: 'q', description: 'Do not print the disagreement report' },
  },
  async run(values) {
    const root = packageRoot();
    // Defaults live in the package; paths the user types are read from where they stand.
    const at = (name: string, fallback: string): string => {
      const given = stringOption(values, name);
      return given === undefined ? resolve(root, fallback) : isAbsolute(given) ? given : resolve(process.cwd(), given);
    };
    const sources = at('sources', 'spec/sources');
    const out = at('out', 'spec/openapi.json');
    const typesPath = at('types', 'src/generated/dtos.ts');
    // The client classes sit beside the types file and import it: dtos.ts -> client-dtos.ts.
    const typesBase = basename(typesPath).replace(/\.ts$/, '');
    const clientPath = join(dirname(typesPath), `client-${typesBase}.ts`);
    let generated;
    try {
      generated = generateFromFolder(sources, `./${typesBase}.js`);
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
    if (values['quiet'] !== true) console.log(generated.report);
    const outputs = [
      { path: out, text: generated.specText },
      { path: typesPath, text: generated.dtosText },
      { path: clientPath, text: generated.clientDtosText },
    ];
    const show = (p: string): string => relative(process.cwd(), p) || p;
    if (values['check'] === true) {
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
  },
};
