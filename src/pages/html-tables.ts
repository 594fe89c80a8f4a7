import { memberKey } from './names.js';
import { PageParseError, type PageClass, type PageProperty, type PageSample, type PageType, type XmlNode } from './page-model.js';
import { parseTypeText, referencedNames } from './type-expr.js';

type Segment =
  | { readonly kind: 'table'; readonly rows: readonly Row[] }
  | { readonly kind: 'enum'; readonly members: readonly string[] };

interface Row {
  readonly name: string;
  readonly location: string;
  readonly dataType: string;
  readonly required: string;
  readonly description: string;
}

const TABLE_HEADER = /^Name\s*\|\s*Parameter\s*\|\s*Data Type\s*\|\s*Required\s*\|\s*Description\s*\|?\s*$/i;
const RULE = /^-{3,}(\s*\|\s*-{3,})*\s*\|?\s*$/;
const REQUEST_LOCATIONS = new Set(['path', 'query', 'body']);

/** Splits the pipe-rendered rows and enum lists of an HTML metadata page into segments. */
export function readSegments(text: string): Segment[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const segments: Segment[] = [];
  let table: Row[] | undefined;
  let enumList: string[] | undefined;
  const flush = (): void => {
    if (table) segments.push({ kind: 'table', rows: table });
    if (enumList) segments.push({ kind: 'enum', members: enumList });
    table = undefined;
    enumList = undefined;
  };
  for (const line of lines) {
    if (/^(To override the Content-type|The following are sample)/.test(line)) break;
    if (TABLE_HEADER.test(line)) {
      flush();
      table = [];
      continue;
    }
    if (RULE.test(line) || line === '') continue;
    if (!line.includes('|')) {
      flush();
      continue;
    }
    const cells = line.split('|').map((c) => c.trim());
    if (cells[cells.length - 1] === '') cells.pop();
    if (table && cells.length >= 4) {
      table.push({ name: cells[0]!, location: cells[1]!, dataType: cells[2]!, required: cells[3]!, description: cells[4] ?? '' });
      continue;
    }
    if (cells.length >= 1 && cells.length <= 2 && cells.slice(1).every((c) => c === '') && /^[A-Za-z_]\w*$/.test(cells[0]!)) {
      if (table) flush();
      enumList ??= [];
      enumList.push(cells[0]!);
      // The last member of a list has a single trailing pipe: the list ends there.
      if (line.split('|').length - 1 === 1) flush();
      continue;
    }
    // A header line of another kind (route rows, role rows) before the tables.
    flush();
  }
  flush();
  return segments;
}

/** A sample body seen as nested member names, whatever its format. */
interface Shape {
  readonly keys: readonly string[];
  member(key: string): Shape | undefined;
}

function xmlShape(node: XmlNode): Shape {
  return {
    keys: node.children.map((c) => memberKey(c.name)),
    member(key) {
      const el = node.children.find((c) => memberKey(c.name) === key);
      if (!el || el.children.length === 0) return undefined;
      // A list member wraps its items; a nested object member holds its own members.
      const names = new Set(el.children.map((c) => c.name));
      if (names.size === 1 && el.children.every((c) => c.children.length > 0)) return xmlShape(el.children[0]!);
      return xmlShape(el);
    },
  };
}

function valueShape(value: unknown): Shape | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const obj = v as Record<string, unknown>;
  return {
    keys: Object.keys(obj).map(memberKey),
    member: (key) => {
      const k = Object.keys(obj).find((name) => memberKey(name) === key);
      return k === undefined ? undefined : valueShape(obj[k]);
    },
  };
}

function shapeOf(sample: PageSample | undefined): Shape | undefined {
  if (!sample) return undefined;
  if (sample.xml) return xmlShape(sample.xml);
  return valueShape(sample.value);
}

/**
 * The HTML rendering lists parameter tables and enum member lists without naming them. Names come
 * from structure: the first table is the request when it has path/query/body parameters; the
 * response's root name comes from the XML sample; after that the page lists each type in
 * depth-first order of first reference (a type, then its base, then the types its members name in
 * the Data Type column). A table right after a type's own table is its base when the sample shows
 * members the type's table lacks. An enum list takes the name of the Data Type it stands at.
 */
export function parseHtmlTables(text: string, samples: readonly PageSample[]): PageType[] {
  const segments = readSegments(text);
  const types: PageType[] = [];
  let cursor = 0;
  const seen = new Set<string>();

  const rowsToProperties = (rows: readonly Row[]): PageProperty[] =>
    rows.map((r) => {
      let parsed;
      try {
        parsed = parseTypeText(r.dataType);
      } catch (err) {
        throw new PageParseError(`parameter ${r.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      return {
        name: r.name,
        clrName: r.name,
        type: parsed.type,
        declared: r.dataType,
        nullability: parsed.optional ? 'nullable' : 'unspecified',
        ...(r.description !== '' ? { description: r.description } : {}),
        location: r.location,
      };
    });

  const visitRefs = (properties: readonly PageProperty[], shape: Shape | undefined): void => {
    for (const p of properties) {
      for (const ref of referencedNames(p.type)) {
        if (seen.has(ref)) continue;
        const next = segments[cursor];
        if (!next) return;
        seen.add(ref);
        if (next.kind === 'enum') {
          cursor++;
          types.push({ kind: 'enum', name: ref, members: next.members.map((name) => ({ name })) });
        } else {
          visitType(ref, shape?.member(memberKey(p.name)), undefined);
        }
      }
    }
  };

  const visitType = (name: string | undefined, shape: Shape | undefined, role: 'request' | 'response' | undefined): void => {
    const seg = segments[cursor];
    if (!seg || seg.kind !== 'table') return;
    cursor++;
    const own = rowsToProperties(seg.rows);
    const cls: PageClass = {
      kind: 'class',
      ...(name !== undefined ? { name } : {}),
      typeParams: [],
      genericArgs: [],
      interfaces: [],
      properties: own,
      ...(role ? { role } : {}),
    };
    types.push(cls);
    const ownKeys = new Set(own.map((p) => memberKey(p.name)));
    const next = segments[cursor];
    if (shape && next?.kind === 'table' && shape.keys.some((k) => !ownKeys.has(k))) {
      const baseKeys = next.rows.map((r) => memberKey(r.name));
      if (baseKeys.every((k) => shape.keys.includes(k) && !ownKeys.has(k))) {
        cursor++;
        const baseProps = rowsToProperties(next.rows);
        types.push({ kind: 'class', typeParams: [], genericArgs: [], interfaces: [], properties: baseProps, ...(name ? { baseOf: name } : {}) });
        visitRefs(baseProps, shape);
      }
    }
    visitRefs(own, shape);
  };

  const first = segments[0];
  if (first?.kind === 'table' && first.rows.some((r) => REQUEST_LOCATIONS.has(r.location.toLowerCase()))) {
    const request = samples.find((s) => s.role === 'request');
    visitType(undefined, shapeOf(request), 'request');
  }
  const response = samples.find((s) => s.role === 'response');
  const rootName = response?.xml?.name;
  if (rootName !== undefined) seen.add(rootName);
  visitType(rootName, shapeOf(response), 'response');
  // Anything the walk did not reach is kept unnamed, so the merge can report it.
  for (; cursor < segments.length; cursor++) {
    const seg = segments[cursor]!;
    types.push(
      seg.kind === 'enum'
        ? { kind: 'enum', members: seg.members.map((name) => ({ name })) }
        : { kind: 'class', typeParams: [], genericArgs: [], interfaces: [], properties: rowsToProperties(seg.rows) },
    );
  }
  return types;
}
