import type { WireObject, WireProperty, WireType } from './wire-type.js';

/**
 * The canonical DTO value every codec's parse returns: members in the type's order, nulls absent,
 * and value-type members (bool, Int32, enum) present, at their CLR default when missing, because
 * ServiceStack always writes them and a .NET DTO always holds them.
 */
export function canonicalObject(value: Record<string, unknown>, type: WireObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const prop of type.properties) {
    const member = value[prop.name];
    if (member !== undefined && member !== null) out[prop.name] = member;
    else if (prop.valueType) {
      const fallback = defaultOf(prop.type);
      if (fallback !== undefined) out[prop.name] = fallback;
    }
  }
  return out;
}

/** The CLR default of a value type; undefined for reference types (their default is null). */
export function defaultOf(type: WireType): unknown {
  switch (type.kind) {
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return 0;
    case 'enum':
      return type.members[0];
    default:
      return undefined;
  }
}

/**
 * Sets an own enumerable property even for names like `__proto__`, which plain assignment would
 * treat as the prototype: dictionary keys come from the wire and may be anything.
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A DTO value that does not fit its declared type cannot be written in any format; that is a bug in
 * the caller (the store or a handler), not bad input, so it is a TypeError naming the member.
 */
export function wrongValue(path: string, expected: string, value: unknown): never {
  const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  throw new TypeError(`Cannot write '${path || '(root)'}': expected ${expected}, got ${got}.`);
}

/** Plain object check for DTO and dictionary values (arrays are not maps). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const indexCache = new WeakMap<WireObject, Map<string, WireProperty>>();

/** The member a JSON or JSV name stands for: ServiceStack matches names ignoring case. */
export function findProperty(type: WireObject, name: string): WireProperty | undefined {
  let index = indexCache.get(type);
  if (!index) {
    index = new Map(type.properties.map((p) => [p.name.toLowerCase(), p]));
    indexCache.set(type, index);
  }
  return index.get(name.toLowerCase());
}
