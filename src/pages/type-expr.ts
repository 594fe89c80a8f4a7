import { PageParseError, type ScalarName, type TypeExpr } from './page-model.js';

/**
 * Reads a type as any of the dialects writes it: Python `Optional[List[X]]`, `Dict[str, str]`;
 * JSDoc `X[]`, `{ [index:string]: string; }`; F# / C# `ResizeArray<X>`, `Dictionary<String, String>`,
 * `ListRequest<'T>`; table cells `List<X>`, `Dictionary<string, string>`.
 */
export interface ParsedTypeText {
  readonly type: TypeExpr;
  /** The text wrapped the type in Optional[...] or Nullable<...> / X?. */
  readonly optional: boolean;
}

const SCALARS: Readonly<Record<string, ScalarName>> = {
  str: 'string', string: 'string',
  bool: 'bool', boolean: 'bool',
  int: 'int32', int32: 'int32',
  long: 'int64', int64: 'int64',
  float: 'double', double: 'double', number: 'double',
  single: 'float',
  decimal: 'decimal',
};

const LIST_NAMES = new Set(['list', 'resizearray', 'ilist', 'ienumerable', 'icollection', 'array', 'hashset', 'sequence']);
const DICT_NAMES = new Set(['dict', 'dictionary', 'idictionary', 'mapping']);
const OPTIONAL_NAMES = new Set(['optional', 'nullable']);

class Reader {
  pos = 0;
  constructor(readonly text: string) {}
  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  peek(): string | undefined {
    this.skipSpace();
    return this.text[this.pos];
  }
  take(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }
  expect(ch: string): void {
    if (!this.take(ch)) throw new PageParseError(`expected '${ch}' at ${this.pos} in type '${this.text}'`);
  }
  ident(): string {
    this.skipSpace();
    const m = /^'?[A-Za-z_][A-Za-z0-9_.]*/.exec(this.text.slice(this.pos));
    if (!m) throw new PageParseError(`expected a type name at ${this.pos} in type '${this.text}'`);
    this.pos += m[0].length;
    return m[0];
  }
}

function readType(r: Reader): ParsedTypeText {
  let result: ParsedTypeText;
  if (r.peek() === '{') {
    // JSDoc index signature: { [index:string]: V; }
    r.expect('{');
    r.expect('[');
    r.ident();
    r.expect(':');
    const key = readType(r).type;
    r.expect(']');
    r.expect(':');
    const value = readType(r).type;
    r.take(';');
    r.expect('}');
    result = { type: { kind: 'dictionary', key, value }, optional: false };
  } else {
    const rawName = r.ident();
    const name = rawName.replace(/^'/, '').replace(/^System\./, '');
    const args: ParsedTypeText[] = [];
    const open = r.peek();
    if (open === '[' && r.text[r.pos + 1] !== ']') {
      r.expect('[');
      do args.push(readType(r));
      while (r.take(','));
      r.expect(']');
    } else if (open === '<') {
      r.expect('<');
      do args.push(readType(r));
      while (r.take(','));
      r.expect('>');
    }
    result = build(name, args, r.text);
  }
  // Array and nullable suffixes: X[], X?
  for (;;) {
    if (r.peek() === '[' && r.text[r.pos + 1] === ']') {
      r.pos += 2;
      result = { type: { kind: 'list', item: result.type }, optional: false };
    } else if (r.peek() === '?') {
      r.pos++;
      result = { type: result.type, optional: true };
    } else break;
  }
  return result;
}

function build(name: string, args: ParsedTypeText[], text: string): ParsedTypeText {
  const lower = name.toLowerCase();
  if (OPTIONAL_NAMES.has(lower)) {
    if (args.length !== 1) throw new PageParseError(`'${name}' takes one type argument in '${text}'`);
    return { type: args[0]!.type, optional: true };
  }
  if (LIST_NAMES.has(lower) && args.length === 1) return { type: { kind: 'list', item: args[0]!.type }, optional: false };
  if (DICT_NAMES.has(lower) && args.length === 2) {
    return { type: { kind: 'dictionary', key: args[0]!.type, value: args[1]!.type }, optional: false };
  }
  const scalar = args.length === 0 ? SCALARS[lower] : undefined;
  if (scalar) return { type: { kind: 'scalar', name: scalar }, optional: false };
  return { type: { kind: 'ref', name, args: args.map((a) => a.type) }, optional: false };
}

export function parseTypeText(text: string): ParsedTypeText {
  const r = new Reader(text.trim());
  const parsed = readType(r);
  r.skipSpace();
  if (r.pos !== r.text.length) throw new PageParseError(`unexpected '${r.text.slice(r.pos)}' after the type in '${text}'`);
  return parsed;
}

/** The type written back in C# notation, e.g. List<CustomerBreadcrumb>, Dictionary<string,string>. */
export function formatType(t: TypeExpr): string {
  switch (t.kind) {
    case 'scalar':
      return { string: 'string', bool: 'bool', int32: 'int', int64: 'long', double: 'double', decimal: 'decimal', float: 'float' }[t.name];
    case 'ref':
      return t.args.length ? `${t.name}<${t.args.map(formatType).join(',')}>` : t.name;
    case 'list':
      return `List<${formatType(t.item)}>`;
    case 'dictionary':
      return `Dictionary<${formatType(t.key)},${formatType(t.value)}>`;
  }
}

/** Every DTO or enum name a type refers to (generic parameters included). */
export function referencedNames(t: TypeExpr): string[] {
  switch (t.kind) {
    case 'scalar':
      return [];
    case 'ref':
      return [t.name, ...t.args.flatMap(referencedNames)];
    case 'list':
      return referencedNames(t.item);
    case 'dictionary':
      return [...referencedNames(t.key), ...referencedNames(t.value)];
  }
}
