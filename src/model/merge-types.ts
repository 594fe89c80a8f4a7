import { memberKey, toCamelCase } from '../pages/names.js';
import type { Dialect, DtoPage, PageClass, PageEnum, PageProperty, TypeExpr } from '../pages/page-model.js';
import { formatType } from '../pages/type-expr.js';
import type { DisagreementLog } from './disagreements.js';
import type { ModelEnum, ModelProperty, PropertyEvidence } from './model-types.js';
import { sameType, substitute } from './type-equality.js';

/** A class before namespaces are assigned. */
export interface DraftClass {
  readonly name: string;
  readonly typeParams: readonly string[];
  readonly base?: TypeExpr;
  readonly description?: string;
  readonly properties: readonly ModelProperty[];
  readonly sources: readonly string[];
}

export interface MergedTypes {
  readonly classes: Map<string, DraftClass>;
  readonly enums: Map<string, ModelEnum>;
  /** Request DTO per page source, including the ones named after the file. */
  readonly requestDtos: ReadonlyMap<string, string>;
  /** Closed renderings of generic types (`ListResponse<AccountInfo>`), by page source. */
  readonly closedRenderings: ReadonlyArray<{ source: string; name: string; args: readonly TypeExpr[] }>;
}

interface Rendering {
  readonly page: DtoPage;
  readonly cls: PageClass;
}

/** Which dialect is the better witness of the CLR truth: F# and the tables write CLR types. */
const TYPE_PRIORITY: readonly Dialect[] = ['fsharp', 'html-tables', 'python', 'javascript'];
/** Declaration order and names: the code renderings first. */
const ORDER_PRIORITY: readonly Dialect[] = ['fsharp', 'python', 'javascript', 'html-tables'];
const VALUE_SCALARS = new Set(['bool', 'int32', 'int64', 'double', 'decimal', 'float']);

function byPriority<T extends { page: DtoPage }>(items: readonly T[], priority: readonly Dialect[]): T[] {
  return [...items].sort((a, b) => priority.indexOf(a.page.dialect) - priority.indexOf(b.page.dialect));
}

function describe(page: DtoPage, text: string): string {
  return `${page.source} (${page.dialect}): ${text}`;
}

export function mergeTypes(pages: readonly DtoPage[], log: DisagreementLog): MergedTypes {
  const classGroups = new Map<string, Rendering[]>();
  const enumGroups = new Map<string, Array<{ page: DtoPage; en: PageEnum }>>();
  const unnamedEnums: Array<{ page: DtoPage; en: PageEnum }> = [];
  const pendingBases: Array<{ page: DtoPage; cls: PageClass; of: string }> = [];
  const requestDtos = new Map<string, string>();
  const closedRenderings: Array<{ source: string; name: string; args: readonly TypeExpr[] }> = [];
  const addClass = (name: string, r: Rendering): void => {
    const list = classGroups.get(name) ?? [];
    list.push(r);
    classGroups.set(name, list);
  };

  for (const page of pages) {
    if (page.requestDto !== undefined) requestDtos.set(page.source, page.requestDto);
    for (const t of page.types) {
      if (t.kind === 'enum') {
        if (t.name === undefined) unnamedEnums.push({ page, en: t });
        else enumGroups.set(t.name, [...(enumGroups.get(t.name) ?? []), { page, en: t }]);
        continue;
      }
      if (t.name === undefined && t.role === 'request') {
        requestDtos.set(page.source, page.operation);
        log.add(
          `${page.source} names no request DTO`,
          [describe(page, `route ${page.header.verb ?? '?'} ${page.header.route ?? '?'} with parameters ${t.properties.map((p) => p.name).join(', ') || '(none)'}`)],
          `named ${page.operation} after the file name; its members come from the page's parameter table`,
        );
        addClass(page.operation, { page, cls: { ...t, name: page.operation } });
        continue;
      }
      if (t.name === undefined && t.baseOf !== undefined) {
        pendingBases.push({ page, cls: t, of: t.baseOf });
        continue;
      }
      if (t.name === undefined) {
        log.add(
          `${page.source} lists a parameter table no type name can be found for`,
          [describe(page, t.properties.map((p) => p.name).join(', '))],
          'left out of the model',
        );
        continue;
      }
      if (t.genericArgs.length > 0 && t.typeParams.length === 0) {
        const params = t.genericArgs.length === 1 ? ['T'] : t.genericArgs.map((_, i) => `T${i + 1}`);
        const map = new Map<string, TypeExpr>();
        t.genericArgs.forEach((a, i) => {
          if (a.kind === 'ref') map.set(a.name, { kind: 'ref', name: params[i]!, args: [] });
        });
        closedRenderings.push({ source: page.source, name: t.name, args: t.genericArgs });
        addClass(t.name, {
          page,
          cls: {
            ...t,
            typeParams: params,
            genericArgs: [],
            properties: t.properties.map((p) => ({ ...p, type: substitute(p.type, map) })),
          },
        });
        continue;
      }
      addClass(t.name, { page, cls: t });
    }
  }

  for (const pending of pendingBases) {
    const declared = (classGroups.get(pending.of) ?? []).map((r) => r.cls.base).find((b) => b !== undefined);
    const baseName = declared?.kind === 'ref' ? declared.name : `${pending.of}Base`;
    if (!declared) {
      log.add(
        `${pending.page.source} shows a base type of ${pending.of} without its name`,
        [describe(pending.page, pending.cls.properties.map((p) => p.name).join(', '))],
        `named ${baseName}`,
      );
    }
    addClass(baseName, { page: pending.page, cls: { ...pending.cls, name: baseName } });
  }

  const enums = new Map<string, ModelEnum>();
  for (const [name, group] of enumGroups) enums.set(name, mergeEnum(name, group, log));
  for (const { page, en } of unnamedEnums) {
    const members = en.members.map((m) => m.name).join(',');
    const match = [...enums.values()].find((e) => e.members.join(',') === members);
    if (!match) {
      log.add(`${page.source} lists enum members no enum matches`, [describe(page, members)], 'left out of the model');
    }
  }

  const classes = new Map<string, DraftClass>();
  for (const [name, group] of classGroups) classes.set(name, mergeClass(name, group, enums, log));
  return { classes, enums, requestDtos, closedRenderings };
}

function mergeEnum(name: string, group: Array<{ page: DtoPage; en: PageEnum }>, log: DisagreementLog): ModelEnum {
  const ordered = byPriority(group, ORDER_PRIORITY);
  const members = ordered[0]!.en.members.map((m) => m.name);
  const differing = ordered.filter((g) => g.en.members.map((m) => m.name).join(',') !== members.join(','));
  if (differing.length > 0) {
    log.add(
      `enum ${name} members`,
      ordered.map((g) => describe(g.page, g.en.members.map((m) => m.name).join(', '))),
      `kept ${ordered[0]!.page.source}'s members in its order`,
    );
  }
  return { kind: 'enum', name, members, sources: [...new Set(group.map((g) => g.page.source))] };
}

function mergeClass(name: string, group: Rendering[], enums: ReadonlyMap<string, ModelEnum>, log: DisagreementLog): DraftClass {
  const ordered = byPriority(group, ORDER_PRIORITY);
  const primary = ordered[0]!;
  const keys = primary.cls.properties.map((p) => memberKey(p.name));
  for (const r of ordered.slice(1)) {
    const other = r.cls.properties.map((p) => memberKey(p.name));
    if (other.join(',') !== keys.join(',')) {
      const extra = other.filter((k) => !keys.includes(k));
      const missing = keys.filter((k) => !other.includes(k));
      log.add(
        `${name} members`,
        [describe(primary.page, `${keys.length} members`), describe(r.page, `${other.length} members${extra.length ? `, extra: ${extra.join(', ')}` : ''}${missing.length ? `, missing: ${missing.join(', ')}` : ''}`)],
        extra.length ? 'kept every member named by any page, extras last' : `kept ${primary.page.source}'s members and order`,
      );
      keys.push(...extra);
    }
  }
  const properties = keys.map((key) => {
    const evidence = ordered.flatMap((r) => {
      const p = r.cls.properties.find((q) => memberKey(q.name) === key);
      return p ? [{ page: r.page, prop: p }] : [];
    });
    return mergeProperty(name, evidence, enums, log);
  });

  // Value-shaped members (bool, enum, int) that no CLR rendering shows: the decision is worth a line.
  const undecided = properties.filter((p) => isValueCandidate(p.type, enums) && !p.evidence.some((e) => e.dialect === 'fsharp'));
  const nullableOnes = undecided.filter((p) => !p.valueType && p.evidence.some((e) => e.nullability === 'nullable'));
  if (nullableOnes.length > 0) {
    const defaults = nullableOnes.filter((p) => /defaults to/i.test(p.description ?? ''));
    log.add(
      `${name}: ${nullableOnes.map((p) => p.name).join(', ')} have no CLR (F#) rendering`,
      nullableOnes.map((p) => `${p.evidence.map((e) => e.source).join(', ')}: ${p.name}: ${p.evidence.map((e) => e.declared).join(' / ')}`),
      `nullable (${nullableOnes.map((p) => p.clrType).join(', ')}): the only evidence is Optional[...]` +
        (defaults.length ? `, and ${defaults.map((p) => `${p.name} "${p.description}"`).join(', ')} needs null to mean "not given"` : ''),
    );
  }

  const bases = ordered.filter((r) => r.cls.base !== undefined);
  const base = bases[0]?.cls.base;
  for (const r of bases.slice(1)) {
    if (!sameType(r.cls.base!, base!)) {
      log.add(`${name} base type`, bases.map((b) => describe(b.page, formatType(b.cls.base!))), `kept ${formatType(base!)}`);
      break;
    }
  }
  const typeParams = ordered.find((r) => r.cls.typeParams.length > 0)?.cls.typeParams ?? [];
  const description = ordered.map((r) => r.cls.description).find((d) => d !== undefined && d !== '');
  return {
    name,
    typeParams,
    ...(base ? { base } : {}),
    ...(description !== undefined ? { description } : {}),
    properties,
    sources: [...new Set(group.map((r) => r.page.source))],
  };
}

function isValueCandidate(t: TypeExpr, enums: ReadonlyMap<string, ModelEnum>): boolean {
  return (t.kind === 'scalar' && VALUE_SCALARS.has(t.name)) || (t.kind === 'ref' && t.args.length === 0 && enums.has(t.name));
}

function mergeProperty(
  owner: string,
  found: Array<{ page: DtoPage; prop: PageProperty }>,
  enums: ReadonlyMap<string, ModelEnum>,
  log: DisagreementLog,
): ModelProperty {
  const evidence: PropertyEvidence[] = found.map(({ page, prop }) => ({
    source: page.source,
    dialect: page.dialect,
    declared: prop.defaultValue !== undefined ? `${prop.declared} = ${prop.defaultValue}` : prop.declared,
    nullability: prop.nullability,
    type: prop.type,
    ...(prop.description !== undefined ? { description: prop.description } : {}),
  }));
  const byType = byPriority(found, TYPE_PRIORITY);
  const best = byType[0]!;
  const type = best.prop.type;
  // The CLR member name: F# and the tables write it; JavaScript and Python only imply it.
  const named = byPriority(found, ['fsharp', 'html-tables', 'javascript', 'python']);
  const clrName = named[0]!.prop.clrName;
  const label = `${owner}.${toCamelCase(clrName)}`;

  if (byType.some((f) => !sameType(f.prop.type, type, f.page.dialect === 'javascript' || best.page.dialect === 'javascript'))) {
    log.add(`${label} type`, found.map((f) => describe(f.page, f.prop.declared)), `kept ${formatType(type)} from ${best.page.source}`);
  }

  let valueType = false;
  if (isValueCandidate(type, enums)) {
    const clr = found.find((f) => f.page.dialect === 'fsharp');
    const said = found.filter((f) => f.prop.nullability !== 'unspecified');
    const kinds = new Set(said.map((f) => f.prop.nullability));
    if (clr) valueType = clr.prop.nullability === 'value';
    else if (kinds.has('nullable')) valueType = false;
    else valueType = true;
    if (kinds.size > 1) {
      const how = clr
        ? `the F# rendering (the CLR type) says ${valueType ? 'non-nullable value type' : 'nullable'}`
        : 'only Optional[...] evidence: nullable';
      log.add(
        `${label} nullability`,
        said.map((f) => describe(f.page, evidence.find((e) => e.source === f.page.source)!.declared)),
        `${valueType ? 'value type: always written, required in responses' : 'nullable: optional, omitted when null'} (${how})`,
      );
    }
  }

  const descriptions = found.map((f) => f.prop.description).filter((d): d is string => d !== undefined && d !== '');
  const description = byPriority(found.filter((f) => f.prop.description), ORDER_PRIORITY)[0]?.prop.description;
  if (new Set(descriptions.map((d) => d.replace(/\s+/g, ' ').trim())).size > 1) {
    log.add(`${label} description`, found.filter((f) => f.prop.description).map((f) => describe(f.page, JSON.stringify(f.prop.description))), `kept ${JSON.stringify(description)}`);
  }
  const clrType = formatType(type) + (isValueCandidate(type, enums) && !valueType ? '?' : '');
  return {
    name: toCamelCase(clrName),
    clrName,
    type,
    ...(description !== undefined ? { description } : {}),
    valueType,
    clrType,
    ...formatOf(clrName, type, description),
    evidence,
  };
}

/**
 * Which string members hold dates, as the pages say it. The DTOs declare them `string` (so every format
 * carries the text the server stored), but a member described as "(YYYY-MM-DD)" is a calendar day, and one
 * named Date or Date<Something> (DateCreated, DateCompleted, SessionLogInfo.Date) or described as "The
 * date ..." is an instant, written as ISO 8601 with a zone. Saying so in the spec lets clients and the
 * contract runner tell an ISO date-time from ServiceStack's /Date(ms)/ in every format.
 */
function formatOf(clrName: string, type: TypeExpr, description: string | undefined): { format?: 'date' | 'date-time' } {
  if (type.kind !== 'scalar' || type.name !== 'string') return {};
  if (description !== undefined && /YYYY-MM-DD/.test(description)) return { format: 'date' };
  if (/^Date(?:[A-Z]|$)/.test(clrName) || (description !== undefined && /^The date\b/i.test(description))) return { format: 'date-time' };
  return {};
}
