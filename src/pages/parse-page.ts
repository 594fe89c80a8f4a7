import { parseFSharpTypes } from './fsharp-types.js';
import { parseHtmlTables } from './html-tables.js';
import { parseJavaScriptClasses } from './javascript-classes.js';
import { parsePageHeader } from './page-header.js';
import { PageParseError, type Dialect, type DtoPage, type PageType } from './page-model.js';
import { parsePythonDataclasses } from './python-dataclasses.js';
import { parseSampleBodies } from './sample-bodies.js';

const TRAILER = /^(Python|JavaScript|F#|C#|TypeScript|Kotlin|Java|Swift|Dart|VB\.NET)\s+\w+\s+DTOs\s*$|^To override the Content-type|^The following are sample HTTP/m;

export function detectDialect(text: string): Dialect {
  if (/^\s*(@dataclass|from dataclasses import|from servicestack import)/m.test(text)) return 'python';
  if (/^\s*("use strict";?|export class |export var )/m.test(text)) return 'javascript';
  if (/^\s*member val /m.test(text) || /^\s*type \w+(<[^>]*>)?\(\) =/m.test(text)) return 'fsharp';
  if (/^Name \| Parameter \| Data Type/m.test(text)) return 'html-tables';
  throw new PageParseError(
    'no DTO code or parameter table found: expected Python dataclasses, JavaScript classes, F# types or HTML parameter tables',
  );
}

/** The code between the header and the trailer ("Python NewSession DTOs", "To override ..."). */
function codeRegion(text: string): string {
  const m = TRAILER.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/**
 * Reads one saved metadata page: header, DTO code in whichever dialect it uses, and sample bodies.
 * Pure: text in, page model out. `source` is the file name and `operation` what the file name says.
 */
export function parsePage(text: string, source: string, operation: string): DtoPage {
  try {
    const dialect = detectDialect(text);
    const header = parsePageHeader(text);
    const samples = parseSampleBodies(text);
    let types: PageType[];
    let codeNamespace: string | undefined;
    switch (dialect) {
      case 'python':
        types = parsePythonDataclasses(codeRegion(text));
        break;
      case 'javascript':
        types = parseJavaScriptClasses(codeRegion(text));
        break;
      case 'fsharp': {
        const r = parseFSharpTypes(codeRegion(text));
        types = r.types;
        codeNamespace = r.namespace;
        break;
      }
      case 'html-tables':
        types = parseHtmlTables(text, samples);
        break;
    }
    const requestDto = findRequestDto(types, header.name ?? operation);
    return {
      source,
      operation,
      dialect,
      header,
      types,
      samples,
      ...(requestDto !== undefined ? { requestDto } : {}),
      ...(codeNamespace !== undefined ? { codeNamespace } : {}),
    };
  } catch (err) {
    if (err instanceof PageParseError && err.source === undefined) throw new PageParseError(err.message, source);
    throw err;
  }
}

const VERB_INTERFACE = /^I(Get|Post|Put|Patch|Delete|Verb)$|^IReturn(<.*>)?$|^IReturnVoid$/;

/**
 * The request DTO a page names: a class named as the operation (the header's name, else the file's),
 * else the one class marked with a verb interface. Undefined when the page names none.
 */
function findRequestDto(types: readonly PageType[], operationName: string): string | undefined {
  const classes = types.filter((t) => t.kind === 'class');
  if (classes.some((c) => c.name === operationName)) return operationName;
  const marked = classes.filter((c) => c.name !== undefined && c.typeParams.length === 0 && c.interfaces.some((i) => VERB_INTERFACE.test(i)));
  if (marked.length === 1) return marked[0]!.name;
  return undefined;
}
