import { toPascalCase } from './names.js';
import { PageParseError, type PageClass, type PageEnumMember, type PageProperty, type PageType } from './page-model.js';
import { parseTypeText } from './type-expr.js';

const CLASS_LINE = /^export\s+class\s+([A-Za-z_$][\w$]*)(?:\s+extends\s+([A-Za-z_$][\w$.]*))?\s*\{\s*$/;
const ENUM_VAR = /^export\s+var\s+([A-Za-z_$][\w$]*)\s*;\s*$/;
const ENUM_ASSIGN = /^([A-Za-z_$][\w$]*)\["((?:[^"\\]|\\.)*)"\]\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+))\s*;?\s*$/;
const FIELD_LINE = /^([A-Za-z_$][\w$]*)\s*;\s*$/;

interface JsDoc {
  type?: string;
  description?: string;
  typedef?: string;
  template?: string[];
}

/**
 * JavaScript ES-module classes with JSDoc, as ServiceStack's "JavaScript" DTO rendering writes them:
 * a class per DTO (`extends` for the base), `/** @type {T} ... @description ... *\/` before each field,
 * and enums as `export var X;` filled by an IIFE. Like the Python parser it reads structure, not
 * indentation.
 */
export function parseJavaScriptClasses(code: string): PageType[] {
  const lines = code.split(/\r?\n/).map((l) => l.trim());
  const types: PageType[] = [];
  let pendingDoc: JsDoc | undefined;
  let open: { name: string; base?: string; doc?: JsDoc; properties: PageProperty[]; depth: number } | undefined;
  let openEnum: { name: string; members: PageEnumMember[]; typedef?: string } | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (line.startsWith('/**')) {
      const { text, end } = readComment(lines, i);
      i = end;
      pendingDoc = readJsDoc(text);
      continue;
    }
    const enumVar = ENUM_VAR.exec(line);
    if (enumVar && !open) {
      openEnum = { name: enumVar[1]!, members: [], ...(pendingDoc?.typedef ? { typedef: pendingDoc.typedef } : {}) };
      pendingDoc = undefined;
      continue;
    }
    if (openEnum) {
      const assign = ENUM_ASSIGN.exec(line);
      if (assign && assign[1] === openEnum.name) {
        openEnum.members.push(assign[4] !== undefined ? { name: assign[2]!, value: Number(assign[4]) } : { name: assign[2]! });
        continue;
      }
      if (line.startsWith('})(')) {
        types.push({ kind: 'enum', name: openEnum.name, members: openEnum.members.length ? openEnum.members : typedefMembers(openEnum.typedef) });
        openEnum = undefined;
        continue;
      }
      if (line.startsWith('(function')) continue;
    }
    const cls = CLASS_LINE.exec(line);
    if (cls) {
      if (open) throw new PageParseError(`class ${cls[1]} starts inside class ${open.name}`);
      open = { name: cls[1]!, ...(cls[2] ? { base: cls[2] } : {}), ...(pendingDoc ? { doc: pendingDoc } : {}), properties: [], depth: 1 };
      pendingDoc = undefined;
      continue;
    }
    if (open) {
      if (line.startsWith('constructor(')) {
        // One-line constructors are the rendering's norm; a multi-line body is skipped by brace depth.
        open.depth += count(line, '{') - count(line, '}');
        while (open.depth > 1 && i + 1 < lines.length) {
          i++;
          open.depth += count(lines[i]!, '{') - count(lines[i]!, '}');
        }
        pendingDoc = undefined;
        continue;
      }
      if (line === '}') {
        types.push(finishClass(open));
        open = undefined;
        pendingDoc = undefined;
        continue;
      }
      const field = FIELD_LINE.exec(line);
      if (field) {
        open.properties.push(readField(field[1]!, pendingDoc));
        pendingDoc = undefined;
        continue;
      }
      throw new PageParseError(`cannot read '${line}' inside class ${open.name}`);
    }
  }
  if (open) throw new PageParseError(`class ${open.name} is never closed`);
  return types;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}

function readComment(lines: string[], start: number): { text: string; end: number } {
  const parts: string[] = [];
  for (let j = start; j < lines.length; j++) {
    parts.push(lines[j]!);
    if (lines[j]!.endsWith('*/')) {
      const text = parts
        .join('\n')
        .replace(/^\/\*\*/, '')
        .replace(/\*\/$/, '')
        .split('\n')
        .map((l) => l.replace(/^\s*\*\s?/, ''))
        .join('\n');
      return { text, end: j };
    }
  }
  throw new PageParseError(`a JSDoc comment opened at line ${start + 1} is never closed`);
}

/** Reads `{...}` with nested braces starting at `from` (which must be '{'). */
function braced(text: string, from: number): string | undefined {
  if (text[from] !== '{') return undefined;
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return text.slice(from + 1, i);
    }
  }
  return undefined;
}

function readJsDoc(text: string): JsDoc {
  const doc: JsDoc = {};
  const tag = (name: string): string | undefined => {
    const at = text.search(new RegExp(`@${name}\\s*\\{`));
    if (at < 0) return undefined;
    return braced(text, text.indexOf('{', at));
  };
  const type = tag('type');
  if (type !== undefined) doc.type = type.trim();
  const typedef = tag('typedef');
  if (typedef !== undefined) doc.typedef = typedef.trim();
  const description = /@description\s+([\s\S]*?)(?=\n\s*@|$)/.exec(text);
  if (description) doc.description = description[1]!.replace(/\s*\n\s*/g, ' ').trim();
  else {
    const plain = text.replace(/@\w+\s*(\{[\s\S]*\})?/g, '').trim();
    if (plain !== '' && !/^\{/.test(plain)) doc.description = plain.replace(/\s*\n\s*/g, ' ');
  }
  const template = /@template\s+([\w, ]+)/.exec(text);
  if (template) doc.template = template[1]!.split(',').map((t) => t.trim());
  return doc;
}

function typedefMembers(typedef: string | undefined): PageEnumMember[] {
  if (!typedef) return [];
  return typedef.split('|').map((m) => ({ name: m.trim().replace(/^'|'$/g, '') }));
}

function readField(name: string, doc: JsDoc | undefined): PageProperty {
  if (!doc?.type) throw new PageParseError(`field '${name}' has no @type`);
  let parsed;
  try {
    parsed = parseTypeText(doc.type);
  } catch (err) {
    throw new PageParseError(`field '${name}': ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    name,
    clrName: toPascalCase(name),
    type: parsed.type,
    declared: doc.type,
    // JSDoc says nothing about null: every member is optional in the init object.
    nullability: parsed.optional ? 'nullable' : 'unspecified',
    ...(doc.description !== undefined ? { description: doc.description } : {}),
  };
}

function finishClass(c: { name: string; base?: string; doc?: JsDoc; properties: PageProperty[] }): PageClass {
  return {
    kind: 'class',
    name: c.name,
    typeParams: c.doc?.template ?? [],
    genericArgs: [],
    ...(c.base ? { base: parseTypeText(c.base).type } : {}),
    interfaces: [],
    ...(c.doc?.description !== undefined ? { description: c.doc.description } : {}),
    properties: c.properties,
  };
}
