import { attributeString, splitTopLevel } from './attribute-text.js';
import { toPascalCase } from './names.js';
import { PageParseError, type Nullability, type PageClass, type PageProperty, type PageType } from './page-model.js';
import { parseTypeText } from './type-expr.js';

const CLASS_LINE = /^class\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*:\s*$/;
const FIELD_LINE = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+)$/;
const ENUM_MEMBER = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(-?\d+))\s*$/;
const ENUM_BASES = new Set(['Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag']);
const VALUE_SCALARS = new Set(['bool', 'int32', 'int64', 'double', 'decimal', 'float']);

interface OpenClass {
  name: string;
  bases: string[];
  description?: string;
  properties: PageProperty[];
  /** Last field read, so that a docstring after it can describe it. */
  lastField?: number;
  sawField: boolean;
}

/**
 * Python dataclasses as ServiceStack's Python "Add ServiceStack Reference" renders them. The parser
 * reads structure, not indentation: a page whose indentation was flattened (every line at column 0)
 * reads the same as the indented one, because a field line, an enum member or a docstring can only
 * belong to the class opened last, and a decorator, a `# @Api` comment or another `class` ends it.
 */
export function parsePythonDataclasses(code: string): PageType[] {
  const lines = code.split(/\r?\n/).map((l) => l.trim());
  const types: PageType[] = [];
  let open: OpenClass | undefined;
  let openEnum: { name: string; members: Array<{ name: string; value?: number }> } | undefined;
  let pendingClassDescription: string | undefined;
  let pendingMemberDescription: string | undefined;

  const close = (): void => {
    if (open) types.push(finishClass(open));
    if (openEnum) types.push({ kind: 'enum', name: openEnum.name, members: openEnum.members });
    open = undefined;
    openEnum = undefined;
    pendingMemberDescription = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (line.startsWith('"""')) {
      const { text, end } = readDocstring(lines, i);
      i = end;
      if (open) {
        if (!open.sawField && open.description === undefined) open.description = text;
        else if (open.lastField !== undefined) {
          const prop = open.properties[open.lastField]!;
          if (prop.description === undefined && text !== '') open.properties[open.lastField] = { ...prop, description: text };
        }
      }
      continue;
    }
    const cls = CLASS_LINE.exec(line);
    if (cls) {
      close();
      const bases = cls[2] ? splitTopLevel(cls[2]) : [];
      if (bases.some((b) => ENUM_BASES.has(b))) {
        openEnum = { name: cls[1]!, members: [] };
      } else {
        open = { name: cls[1]!, bases, properties: [], sawField: false };
        if (pendingClassDescription !== undefined) open.description = pendingClassDescription;
      }
      pendingClassDescription = undefined;
      continue;
    }
    if (line.startsWith('#')) {
      const description = attributeString(line, 'Description');
      if (/^#\s*@Api\s*\(/.test(line)) {
        close();
        pendingClassDescription = description;
      } else if (/^#\s*@ApiMember\s*\(/.test(line)) {
        pendingMemberDescription = description;
      }
      continue;
    }
    if (line.startsWith('@')) {
      // A decorator opens the next class: whatever was open has ended.
      close();
      continue;
    }
    if (openEnum) {
      const m = ENUM_MEMBER.exec(line);
      if (m) {
        const str = m[2] ?? m[3];
        openEnum.members.push(str !== undefined ? { name: unescape(str) } : { name: m[1]!, value: Number(m[4]) });
        continue;
      }
      close();
    }
    if (open) {
      if (line === 'pass') continue;
      const f = FIELD_LINE.exec(line);
      if (f && !/^(import|from)\b/.test(line)) {
        open.properties.push(readField(f[1]!, f[2]!, pendingMemberDescription));
        open.lastField = open.properties.length - 1;
        open.sawField = true;
        pendingMemberDescription = undefined;
        continue;
      }
      // Prose after the code ("Python NewSession DTOs") ends the last class.
      close();
    }
  }
  close();
  return types;
}

function readDocstring(lines: string[], start: number): { text: string; end: number } {
  const first = lines[start]!.slice(3);
  if (first.endsWith('"""') && first.length >= 3) return { text: first.slice(0, -3).trim(), end: start };
  const parts = first === '' ? [] : [first];
  for (let j = start + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.endsWith('"""')) {
      const rest = l.slice(0, -3).trim();
      if (rest !== '') parts.push(rest);
      return { text: parts.join(' ').trim(), end: j };
    }
    parts.push(l);
  }
  throw new PageParseError(`a docstring opened at line ${start + 1} is never closed`);
}

function readField(name: string, rest: string, description: string | undefined): PageProperty {
  const [typeText, defaultText] = splitDefault(rest);
  let parsed;
  try {
    parsed = parseTypeText(typeText.replace(/^'|'$/g, ''));
  } catch (err) {
    throw new PageParseError(`field '${name}': ${err instanceof Error ? err.message : String(err)}`);
  }
  const type = parsed.type;
  let nullability: Nullability;
  if (parsed.optional || defaultText === 'None') nullability = 'nullable';
  else if (type.kind === 'scalar' && VALUE_SCALARS.has(type.name)) nullability = 'value';
  else if (type.kind === 'ref') nullability = 'value';
  else nullability = 'nullable';
  return {
    name,
    clrName: toPascalCase(name),
    type,
    declared: typeText,
    nullability,
    ...(defaultText !== undefined ? { defaultValue: defaultText } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

function splitDefault(rest: string): [string, string | undefined] {
  let depth = 0;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === '=' && depth === 0) return [rest.slice(0, i).trim(), rest.slice(i + 1).trim()];
  }
  return [rest.trim(), undefined];
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function finishClass(c: OpenClass): PageClass {
  const typeParams: string[] = [];
  const interfaces: string[] = [];
  let base: PageClass['base'];
  for (const b of c.bases) {
    const generic = /^Generic\[(.*)\]$/.exec(b);
    if (generic) {
      typeParams.push(...splitTopLevel(generic[1]!));
      continue;
    }
    if (/^I[A-Z]/.test(b)) {
      interfaces.push(b.replace(/\[/g, '<').replace(/\]/g, '>'));
      continue;
    }
    if (base !== undefined) throw new PageParseError(`class ${c.name} has two base classes`);
    base = parseTypeText(b).type;
  }
  return {
    kind: 'class',
    name: c.name,
    typeParams,
    genericArgs: [],
    ...(base ? { base } : {}),
    interfaces,
    ...(c.description !== undefined ? { description: c.description } : {}),
    properties: c.properties,
  };
}

