import type { WireObject, WireProperty, WireType } from '../../spec/wire-type.js';
import type { FieldError } from '../errors/service-error.js';
import { allowedValues } from './allowed-values.js';
import type { QueryMap } from './query-string.js';

/** Reads a non-string query or form value ServiceStack-style (src/wire/jsv-value.ts). */
export type ReadJsvValue = (text: string, type: WireType) => unknown;

/** Query names ServiceStack keeps for itself and never binds to a DTO (Keywords.cs). */
const RESERVED = new Set(['format', 'callback', 'debug', 'jsconfig', 'authsecret']);

export interface BindResult {
  readonly values: Record<string, unknown>;
  readonly errors: readonly FieldError[];
}

/**
 * Binds a query string or form body to a request DTO as ServiceStack's StringMapTypeDeserializer does:
 * names case-insensitive, unknown names ignored, empty values skipped, repeated keys joined with ',',
 * string properties raw, everything else read as JSV. Every bad field is reported, not just the first.
 */
export function bindStringMap(map: QueryMap, type: WireObject, readJsvValue: ReadJsvValue): BindResult {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, raw] of map) {
    const lower = name.toLowerCase();
    if (RESERVED.has(lower)) continue;
    const prop = findProperty(type, lower);
    if (!prop) continue;
    const present = raw.filter((v) => v !== '');
    if (present.length === 0) continue;
    bindProperty(prop, present.join(','), readJsvValue, values, errors);
  }
  return { values, errors };
}

/** Binds path variables (already split by the router) with the same rules. */
export function bindPathParams(params: Readonly<Record<string, string>>, type: WireObject, readJsvValue: ReadJsvValue): BindResult {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, text] of Object.entries(params)) {
    const prop = findProperty(type, name.toLowerCase());
    if (!prop || text === '') continue;
    bindProperty(prop, text, readJsvValue, values, errors);
  }
  return { values, errors };
}

/** Reads one property's text into `values`, or reports why it cannot be read in `errors`. */
function bindProperty(prop: WireProperty, text: string, readJsvValue: ReadJsvValue, values: Record<string, unknown>, errors: FieldError[]): void {
  try {
    values[prop.name] = readProperty(text, prop.type, readJsvValue);
  } catch {
    errors.push({
      errorCode: 'SerializationException',
      fieldName: prop.clrName,
      message: `'${text}' is an Invalid value for '${prop.clrName}': expected ${allowedValues(prop.type)}.`,
    });
  }
}

function readProperty(text: string, type: WireType, readJsvValue: ReadJsvValue): unknown {
  if (type.kind === 'string') return text;
  // ServiceStack reads a bool from the part left of any comma (repeated keys joined).
  if (type.kind === 'boolean') return readJsvValue(text.split(',')[0]!, type);
  return readJsvValue(text, type);
}

const byLowerName = new WeakMap<WireObject, ReadonlyMap<string, WireProperty>>();

/** A DTO property by name, either case (camelCase wire name or PascalCase CLR name). */
export function findProperty(type: WireObject, lowerName: string): WireProperty | undefined {
  let index = byLowerName.get(type);
  if (!index) {
    const map = new Map<string, WireProperty>();
    for (const p of type.properties) {
      map.set(p.clrName.toLowerCase(), p);
      map.set(p.name.toLowerCase(), p);
    }
    byLowerName.set(type, map);
    index = map;
  }
  return index.get(lowerName);
}
