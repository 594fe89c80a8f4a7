import { fail, pass, type CheckResult } from '../check-result.js';
import type { ListShape } from '../list-conventions.js';
import type { Observation } from '../observation.js';
import { queryList } from '../query-reading.js';

/**
 * Filters really filter: every item's property is one of the values asked for. When the values were
 * taken from the target's own data, the answer cannot be empty either.
 */
export function checkFilter(obs: Observation, shape: ListShape, expectNonEmpty: boolean): CheckResult | undefined {
  if (obs.decoded.kind !== 'value' || obs.response.status !== 200) return undefined;
  const active = shape.filters.filter((f) => queryList(obs.request.query, f.param) !== undefined);
  if (active.length === 0) return undefined;
  const items = obs.decoded.value[shape.itemsProp];
  const list = Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
  for (const f of active) {
    const allowed = new Set(queryList(obs.request.query, f.param));
    const bad = list.findIndex((it) => !allowed.has(String(it?.[f.itemProp])));
    if (bad !== -1) {
      return fail('filter', `${f.param}=${[...allowed].join(',')} but item ${bad} has ${f.itemProp} ${JSON.stringify(list[bad]?.[f.itemProp])}`);
    }
  }
  const names = active.map((f) => f.param).join(', ');
  if (expectNonEmpty && list.length === 0) return fail('filter', `filtering by ${names} with values seen in the target's own data returned nothing`);
  return pass('filter', `${list.length} items, all matching ${names}`);
}
