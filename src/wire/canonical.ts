import type { WireObject, WireProperty, WireType } from '../spec/wire-type.js';

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
 * the caller (the store or a handler), not bad input. The writers throw this at the bad value and
 * each enclosing member, item or entry adds its step while it unwinds (atStep), so no path string is
 * built unless something is wrong; writeError turns it into the TypeError naming the member.
 */
export class WrongValue extends Error {
  /** Innermost first: `.name`, `[0]`, `["key"]`. */
  readonly steps: string[] = [];

  constructor(
    readonly expected: string,
    readonly got: string,
  ) {
    super(`expected ${expected}, got ${got}`);
  }
}

export function wrongValue(expected: string, value: unknown): never {
  const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  throw new WrongValue(expected, got);
}

/** Adds one step of the path to a WrongValue on its way out; anything else passes through. */
export function atStep(err: unknown, step: string): never {
  if (err instanceof WrongValue) err.steps.push(step);
  throw err;
}

export const memberStep = (name: string): string => `.${name}`;
export const itemStep = (index: number): string => `[${index}]`;
export const keyStep = (key: string): string => `[${JSON.stringify(key)}]`;

/** What a writer's caller sees: `Cannot write 'members[0].role': expected a SessionMemberRole member, got a number.` */
export function writeError(err: unknown): unknown {
  if (!(err instanceof WrongValue)) return err;
  let path = '';
  for (let i = err.steps.length - 1; i >= 0; i--) path += err.steps[i];
  if (path.startsWith('.')) path = path.slice(1);
  return new TypeError(`Cannot write '${path || '(root)'}': expected ${err.expected}, got ${err.got}.`);
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
