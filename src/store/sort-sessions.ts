import type { SessionQuery, SortOrder, StoredSession } from './session-store.js';

/**
 * ListSessions' order. Without sortField: newest dateCreated first; sortOrder Ascend alone gives
 * oldest first. With sortField and no sortOrder: Ascend (the .NET default of SortOrders). Ties break
 * by id, and Descend is the exact reverse of Ascend, so every order is total and paging is stable.
 * Values compare ordinally (strings by UTF-16 code unit, hence ISO dates chronologically); enum
 * fields by member position, as .NET orders enums by value; booleans false first; lists by length;
 * a missing value before any other in Ascend.
 */

/** A SessionInfo property a query may sort by. */
export interface SortField {
  readonly key: string;
  /** Enum members in declared order; such a field sorts by position. */
  readonly enumOrder?: ReadonlyMap<string, number>;
}

/** Sortable fields by lower-cased name, so DateCreated, dateCreated and datecreated all resolve. */
export type SortFields = ReadonlyMap<string, SortField>;

export interface SortFieldSource {
  readonly name: string;
  readonly enumMembers?: readonly string[];
}

export function sortFieldsFrom(properties: readonly SortFieldSource[]): SortFields {
  const map = new Map<string, SortField>();
  for (const p of properties) {
    const key = p.name.charAt(0).toLowerCase() + p.name.slice(1);
    const field: SortField = p.enumMembers ? { key, enumOrder: new Map(p.enumMembers.map((m, i) => [m, i])) } : { key };
    map.set(p.name.toLowerCase(), field);
  }
  return map;
}

/** The field a sortField names, or undefined when SessionInfo has no such property (a 400 for the caller). */
export function resolveSortField(name: string, fields: SortFields): SortField | undefined {
  return fields.get(name.trim().toLowerCase());
}

const DATE_CREATED: SortField = { key: 'dateCreated' };

export function sortMatches(matches: StoredSession[], alreadySorted: boolean, query: SessionQuery, fields: SortFields): StoredSession[] {
  const named = query.sortField !== undefined && query.sortField.trim() !== '';
  const field = named ? resolveSortField(query.sortField as string, fields) : DATE_CREATED;
  if (!field) throw new RangeError(`Unknown sortField '${query.sortField}'; check queries with checkSessionQuery first.`);
  const order: SortOrder = query.sortOrder ?? (named ? 'Ascend' : 'Descend');
  if (field.key !== 'dateCreated' || !alreadySorted) sortInPlace(matches, field);
  if (order === 'Descend') matches.reverse();
  return matches;
}

type Rank = readonly [cls: number, value: number | string];

function rank(value: unknown, field: SortField): Rank {
  if (value === undefined || value === null) return [0, 0];
  if (typeof value === 'boolean') return [1, value ? 1 : 0];
  if (typeof value === 'number') return [1, value];
  if (typeof value === 'string') {
    const pos = field.enumOrder?.get(value);
    return pos !== undefined ? [1, pos] : [2, value];
  }
  if (Array.isArray(value)) return [1, value.length];
  return [3, JSON.stringify(value)];
}

/** Ascending by the field, then by id: decorate once, so the comparator does no property lookups. */
function sortInPlace(list: StoredSession[], field: SortField): void {
  const decorated = list.map((e) => ({ e, r: rank((e.session as unknown as Record<string, unknown>)[field.key], field), id: e.session.id as string }));
  decorated.sort((a, b) => {
    if (a.r[0] !== b.r[0]) return a.r[0] - b.r[0];
    if (a.r[1] !== b.r[1]) return a.r[1] < b.r[1] ? -1 : 1;
    return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
  });
  for (let i = 0; i < list.length; i++) list[i] = (decorated[i] as { e: StoredSession }).e;
}
