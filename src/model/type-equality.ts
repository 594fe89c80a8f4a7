import type { TypeExpr } from '../pages/page-model.js';

const NUMERIC = new Set(['int32', 'int64', 'double', 'decimal', 'float']);

/**
 * Whether two renderings name the same CLR type. JavaScript writes every number as `number`, which
 * the type reader maps to double; it is compatible with any numeric type.
 */
export function sameType(a: TypeExpr, b: TypeExpr, looseNumbers = false): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'scalar': {
      const bn = (b as typeof a).name;
      if (a.name === bn) return true;
      return looseNumbers && NUMERIC.has(a.name) && NUMERIC.has(bn);
    }
    case 'ref': {
      const br = b as typeof a;
      return a.name === br.name && a.args.length === br.args.length && a.args.every((x, i) => sameType(x, br.args[i]!, looseNumbers));
    }
    case 'list':
      return sameType(a.item, (b as typeof a).item, looseNumbers);
    case 'dictionary': {
      const bd = b as typeof a;
      return sameType(a.key, bd.key, looseNumbers) && sameType(a.value, bd.value, looseNumbers);
    }
  }
}

/** Replaces references by name (generalising a closed generic back to its parameter). */
export function substitute(t: TypeExpr, map: ReadonlyMap<string, TypeExpr>): TypeExpr {
  switch (t.kind) {
    case 'scalar':
      return t;
    case 'ref':
      if (t.args.length === 0 && map.has(t.name)) return map.get(t.name)!;
      return { kind: 'ref', name: t.name, args: t.args.map((a) => substitute(a, map)) };
    case 'list':
      return { kind: 'list', item: substitute(t.item, map) };
    case 'dictionary':
      return { kind: 'dictionary', key: substitute(t.key, map), value: substitute(t.value, map) };
  }
}
