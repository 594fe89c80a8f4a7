import type { MergedModel, ModelClass, ModelProperty } from './model-types.js';
import type { TypeExpr } from '../pages/page-model.js';
import { substitute } from './type-equality.js';

/** A class as used: a plain class, or a generic one closed over its arguments (ListResponse<SessionInfo>). */
export interface ClassInstance {
  readonly cls: ModelClass;
  readonly args: readonly TypeExpr[];
  /** Component name: SessionInfo, ListResponse_SessionInfo. */
  readonly component: string;
  /** CLR name: SessionInfo, ListResponse<SessionInfo>. */
  readonly clrName: string;
  readonly base?: TypeExpr;
  /** Own members, generic parameters replaced by the arguments. */
  readonly properties: readonly ModelProperty[];
}

export function componentName(t: TypeExpr): string {
  if (t.kind === 'ref') return t.args.length ? `${t.name}_${t.args.map(componentName).join('_')}` : t.name;
  if (t.kind === 'scalar') return t.name;
  if (t.kind === 'list') return `ListOf${componentName(t.item)}`;
  return `DictionaryOf${componentName(t.key)}${componentName(t.value)}`;
}

export function clrTypeName(t: TypeExpr): string {
  if (t.kind === 'ref') return t.args.length ? `${t.name}<${t.args.map(clrTypeName).join(',')}>` : t.name;
  if (t.kind === 'scalar') return t.name;
  if (t.kind === 'list') return `List<${clrTypeName(t.item)}>`;
  return `Dictionary<${clrTypeName(t.key)},${clrTypeName(t.value)}>`;
}

export function instantiate(types: MergedModel['types'], t: TypeExpr): ClassInstance | undefined {
  if (t.kind !== 'ref') return undefined;
  const cls = types.get(t.name);
  if (!cls || cls.kind !== 'class') return undefined;
  const map = new Map<string, TypeExpr>(cls.typeParams.map((p, i) => [p, t.args[i] ?? { kind: 'ref', name: p, args: [] }]));
  const sub = (x: TypeExpr): TypeExpr => (map.size ? substitute(x, map) : x);
  return {
    cls,
    args: t.args,
    component: componentName(t),
    clrName: clrTypeName(t),
    ...(cls.base ? { base: sub(cls.base) } : {}),
    properties: cls.properties.map((p) => {
      const type = sub(p.type);
      return type === p.type ? p : { ...p, type, clrType: clrTypeName(type) };
    }),
  };
}

export interface PlacedProperty {
  readonly prop: ModelProperty;
  /** The class instance that declares the member (a base's members keep their own namespace). */
  readonly owner: ClassInstance;
}

/** JSON/JSV order: the type's own members in declaration order, then its base's (ServiceStack.Text). */
export function jsonOrder(types: MergedModel['types'], inst: ClassInstance): PlacedProperty[] {
  const own = inst.properties.map((prop) => ({ prop, owner: inst }));
  const base = inst.base ? instantiate(types, inst.base) : undefined;
  return base ? [...own, ...jsonOrder(types, base)] : own;
}

function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * DataContractSerializer order: base members first (recursively), then the type's own members without
 * an Order alphabetically (ordinal), then those with an Order by Order.
 */
export function xmlOrder(types: MergedModel['types'], inst: ClassInstance): PlacedProperty[] {
  const base = inst.base ? instantiate(types, inst.base) : undefined;
  const unordered = inst.properties.filter((p) => p.order === undefined).sort((a, b) => ordinal(a.clrName, b.clrName));
  const ordered = inst.properties.filter((p) => p.order !== undefined).sort((a, b) => a.order! - b.order! || ordinal(a.clrName, b.clrName));
  const own = [...unordered, ...ordered].map((prop) => ({ prop, owner: inst }));
  return base ? [...xmlOrder(types, base), ...own] : own;
}
