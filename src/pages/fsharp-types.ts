import { attributeString } from './attribute-text.js';
import { PageParseError, type Nullability, type PageClass, type PageEnumMember, type PageProperty, type PageType } from './page-model.js';
import { parseTypeText, type ParsedTypeText } from './type-expr.js';

const CLASS_LINE = /^type\s+([A-Za-z_][A-Za-z0-9_]*)(?:<(.+)>)?\s*\(\s*\)\s*=\s*(.*)$/;
const ENUM_LINE = /^type\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*$/;
const ENUM_MEMBER = /^\|\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(-?\d+)\s*$/;
const MEMBER_LINE = /^member\s+val\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)\s*=\s*(.+?)\s+with\s+get\s*,\s*set\s*$/;
const VALUE_SCALARS = new Set(['bool', 'int32', 'int64', 'double', 'decimal', 'float']);

interface OpenClass {
  name: string;
  generic?: string;
  description?: string;
  base?: string;
  interfaces: string[];
  properties: Array<PageProperty & { parsed: ParsedTypeText; init: string }>;
}

/**
 * F# types as ServiceStack's F# DTO rendering writes them: `type X() =` classes with `inherit`,
 * `interface`, `member val Name:Type = init with get,set`; enums as `| A = 0` unions; generics as
 * `ListRequest<'T>`; `///<summary>` and `[<ApiMember(Description=...)>]` for descriptions.
 * A member is a CLR value type when its type is a value scalar or an enum of the page, and it is not
 * wrapped in Nullable<...>.
 */
export function parseFSharpTypes(code: string): { types: PageType[]; namespace?: string } {
  const lines = code.split(/\r?\n/).map((l) => l.trim());
  const classes: OpenClass[] = [];
  const enums: Array<{ name: string; members: PageEnumMember[] }> = [];
  let namespace: string | undefined;
  let open: OpenClass | undefined;
  let openEnum: { name: string; members: PageEnumMember[] } | undefined;
  let summary: string[] | undefined;
  let pendingDescription: string | undefined;
  const order: Array<{ kind: 'class' | 'enum'; index: number }> = [];

  const close = (): void => {
    open = undefined;
    openEnum = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const ns = /^namespace\s+([\w.]+)\s*$/.exec(line);
    if (ns) {
      namespace = ns[1]!;
      continue;
    }
    if (line.startsWith('open ')) continue;
    if (line.startsWith('///')) {
      const text = line.slice(3).trim();
      if (text === '<summary>') summary = [];
      else if (text === '</summary>') {
        /* kept until the next declaration */
      } else if (summary) summary.push(text);
      continue;
    }
    if (line.startsWith('[<')) {
      const description = attributeString(line, 'Description');
      if (description !== undefined) pendingDescription = description;
      continue;
    }
    const docText = (): string | undefined => pendingDescription ?? (summary && summary.length ? summary.join(' ') : undefined);
    const resetDoc = (): void => {
      pendingDescription = undefined;
      summary = undefined;
    };
    const cls = CLASS_LINE.exec(line);
    if (cls) {
      close();
      const description = docText();
      open = {
        name: cls[1]!,
        ...(cls[2] !== undefined ? { generic: cls[2] } : {}),
        ...(description !== undefined ? { description } : {}),
        interfaces: [],
        properties: [],
      };
      order.push({ kind: 'class', index: classes.length });
      classes.push(open);
      resetDoc();
      continue;
    }
    const en = ENUM_LINE.exec(line);
    if (en) {
      close();
      openEnum = { name: en[1]!, members: [] };
      order.push({ kind: 'enum', index: enums.length });
      enums.push(openEnum);
      resetDoc();
      continue;
    }
    if (openEnum) {
      const m = ENUM_MEMBER.exec(line);
      if (m) {
        openEnum.members.push({ name: m[1]!, value: Number(m[2]) });
        continue;
      }
      close();
    }
    if (open) {
      const inherit = /^inherit\s+(.+?)\s*\(\s*\)\s*$/.exec(line);
      if (inherit) {
        open.base = inherit[1]!;
        continue;
      }
      const iface = /^interface\s+(.+?)\s*$/.exec(line);
      if (iface) {
        open.interfaces.push(iface[1]!);
        continue;
      }
      const member = MEMBER_LINE.exec(line);
      if (member) {
        const name = member[1]!;
        let parsed: ParsedTypeText;
        try {
          parsed = parseTypeText(member[2]!);
        } catch (err) {
          throw new PageParseError(`member ${open.name}.${name}: ${err instanceof Error ? err.message : String(err)}`);
        }
        const description = docText();
        open.properties.push({
          name,
          clrName: name,
          type: parsed.type,
          declared: member[2]!,
          nullability: 'unspecified',
          defaultValue: member[3]!,
          ...(description !== undefined ? { description } : {}),
          parsed,
          init: member[3]!,
        });
        resetDoc();
        continue;
      }
      // Prose after the code ("F# ListSessions DTOs") ends the last type.
      close();
    }
  }

  const enumNames = new Set(enums.map((e) => e.name));
  const types: PageType[] = order.map(({ kind, index }) =>
    kind === 'enum' ? { kind: 'enum', name: enums[index]!.name, members: enums[index]!.members } : finishClass(classes[index]!, enumNames),
  );
  return { types, ...(namespace !== undefined ? { namespace } : {}) };
}

function nullabilityOf(p: { parsed: ParsedTypeText }, enumNames: ReadonlySet<string>): Nullability {
  if (p.parsed.optional) return 'nullable';
  const t = p.parsed.type;
  if (t.kind === 'scalar') return VALUE_SCALARS.has(t.name) ? 'value' : 'nullable';
  if (t.kind === 'ref' && enumNames.has(t.name)) return 'value';
  return 'nullable';
}

function finishClass(c: OpenClass, enumNames: ReadonlySet<string>): PageClass {
  const args = c.generic ? splitArgs(c.generic) : [];
  // `ListRequest<'T>` declares parameters; `ListResponse<AccountInfo>` is a closed rendering of a generic type.
  const typeParams = args.filter((a) => a.startsWith("'")).map((a) => a.slice(1));
  const genericArgs = args.filter((a) => !a.startsWith("'")).map((a) => parseTypeText(a).type);
  return {
    kind: 'class',
    name: c.name,
    typeParams,
    genericArgs,
    ...(c.base !== undefined ? { base: parseTypeText(c.base).type } : {}),
    interfaces: c.interfaces,
    ...(c.description !== undefined ? { description: c.description } : {}),
    properties: c.properties.map(({ parsed: _parsed, init: _init, ...p }) => ({ ...p, nullability: nullabilityOf({ parsed: _parsed }, enumNames) })),
  };
}

function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '<') depth++;
    else if (ch === '>') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out;
}
