import type { WireProperty } from '../../spec/wire-type.js';
import { fail, pass, type CheckResult } from '../check-result.js';
import type { ListShape } from '../list-conventions.js';
import type { Observation } from '../observation.js';
import { queryString } from '../query-reading.js';

type Compare = (a: unknown, b: unknown) => number;

/**
 * The page is in the order sortField/sortOrder ask for. How a .NET server compares is not in the spec
 * (ordinal or culture-aware strings, enums by value or by name, nulls first or last), so the page passes
 * if it is ordered under any one of those readings; what it cannot be is unordered.
 */
export function checkSort(obs: Observation, shape: ListShape): CheckResult | undefined {
  if (obs.decoded.kind !== 'value' || obs.response.status !== 200) return undefined;
  const fieldName = queryString(obs.request.query, shape.params.sortField);
  if (fieldName === undefined || !shape.params.sortOrder) return undefined;
  const order = queryString(obs.request.query, shape.params.sortOrder.name) ?? shape.params.sortOrder.ascend;
  const descending = order.toLowerCase() === shape.params.sortOrder.descend.toLowerCase();
  const prop = shape.itemType.properties.find((p) => p.name.toLowerCase() === fieldName.toLowerCase());
  if (!prop) return undefined;
  const items = obs.decoded.value[shape.itemsProp];
  if (!Array.isArray(items)) return undefined;
  const values = items.map((it) => (typeof it === 'object' && it !== null ? (it as Record<string, unknown>)[prop.name] : undefined));
  const readings = comparatorsFor(prop);
  if (readings.length === 0) return undefined;
  for (const cmp of readings) {
    for (const nullsFirst of [true, false]) {
      if (isOrdered(values, withNulls(cmp, nullsFirst), descending)) {
        return pass('sort', `${values.length} items ordered by ${prop.name} ${descending ? 'descending' : 'ascending'}`);
      }
    }
  }
  const at = firstDisorder(values, readings[0]!, descending);
  return fail('sort', `items are not ordered by ${prop.name} ${descending ? 'descending' : 'ascending'}: item ${at} (${JSON.stringify(values[at])}) comes after ${JSON.stringify(values[at - 1])}`);
}

function comparatorsFor(prop: WireProperty): Compare[] {
  const ordinal: Compare = (a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
  switch (prop.type.kind) {
    case 'integer':
    case 'number':
      return [(a, b) => Number(a) - Number(b)];
    case 'boolean':
      return [(a, b) => Number(a === true) - Number(b === true)];
    case 'enum': {
      const members = prop.type.members;
      return [(a, b) => members.indexOf(String(a)) - members.indexOf(String(b)), ordinal];
    }
    case 'string':
      return [
        ordinal,
        (a, b) => ordinal(String(a).toLowerCase(), String(b).toLowerCase()),
        (a, b) => String(a).localeCompare(String(b), 'en'),
      ];
    default:
      return [];
  }
}

function withNulls(cmp: Compare, nullsFirst: boolean): Compare {
  return (a, b) => {
    const an = a === undefined || a === null;
    const bn = b === undefined || b === null;
    if (an && bn) return 0;
    if (an) return nullsFirst ? -1 : 1;
    if (bn) return nullsFirst ? 1 : -1;
    return cmp(a, b);
  };
}

function isOrdered(values: unknown[], cmp: Compare, descending: boolean): boolean {
  return firstDisorder(values, cmp, descending) === -1;
}

function firstDisorder(values: unknown[], cmp: Compare, descending: boolean): number {
  for (let i = 1; i < values.length; i++) {
    const c = cmp(values[i - 1], values[i]);
    if (descending ? c < 0 : c > 0) return i;
  }
  return -1;
}
