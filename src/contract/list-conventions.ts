import type { OperationModel } from '../spec/api-model.js';
import type { WireObject } from '../spec/wire-type.js';
import type { ParameterInfo } from './openapi-lookup.js';

/**
 * The list conventions of the Evo Voice API (ListRequest<T> / ListResponse<T>, docs/servicestack-wire.md section 8),
 * recognised from the spec by member names rather than by operation, so any list operation that
 * follows them gets the paging, sort and filter invariants. Nothing here names an operation.
 */
export interface ListShape {
  readonly itemsProp: string;
  readonly itemType: WireObject;
  /** Present when the response carries totals (ListResponse); absent for plain wrappers. */
  readonly totals?: { readonly totalCount: string; readonly totalPages: string; readonly hasMorePages: string };
  readonly params: {
    readonly page?: string;
    readonly countPerPage?: string;
    readonly countPerPageDefault?: number;
    readonly all?: string;
    readonly simplifiedPaging?: string;
    readonly sortField?: string;
    readonly sortOrder?: { readonly name: string; readonly ascend: string; readonly descend: string };
  };
  readonly filters: readonly FilterParam[];
}

/** A list parameter that keeps only items whose property is one of the given values. */
export interface FilterParam {
  readonly param: string;
  readonly itemProp: string;
}

const lower = (s: string) => s.toLowerCase();

/** Every list of objects in the response, for harvesting data; the paged one first. */
export function listShapeOf(op: OperationModel, params: readonly ParameterInfo[]): ListShape | undefined {
  const listProps = op.responseType.properties.filter((p) => p.type.kind === 'list' && p.type.item.kind === 'object');
  const items = listProps.find((p) => lower(p.name) === 'items') ?? (listProps.length === 1 ? listProps[0] : undefined);
  if (!items || items.type.kind !== 'list' || items.type.item.kind !== 'object') return undefined;
  const itemType = items.type.item.type;
  const member = (name: string) => op.responseType.properties.find((p) => lower(p.name) === lower(name))?.name;
  const totalCount = member('totalCount');
  const totalPages = member('totalPages');
  const hasMorePages = member('hasMorePages');
  const query = params.filter((p) => p.in === 'query');
  const param = (name: string) => query.find((p) => lower(p.name) === lower(name));
  const order = param('sortOrder');
  const members = (order?.schema.enum ?? []).map(String);
  const ascend = members.find((m) => /^asc/i.test(m));
  const descend = members.find((m) => /^desc/i.test(m));
  const cpp = param('countPerPage');
  const cppDefault = typeof cpp?.schema.default === 'number' ? cpp.schema.default : undefined;
  return {
    itemsProp: items.name,
    itemType,
    ...(totalCount && totalPages && hasMorePages ? { totals: { totalCount, totalPages, hasMorePages } } : {}),
    params: {
      ...(param('page') ? { page: param('page')!.name } : {}),
      ...(cpp ? { countPerPage: cpp.name } : {}),
      ...(cppDefault !== undefined ? { countPerPageDefault: cppDefault } : {}),
      ...(param('all') ? { all: param('all')!.name } : {}),
      ...(param('simplifiedPaging') ? { simplifiedPaging: param('simplifiedPaging')!.name } : {}),
      ...(param('sortField') ? { sortField: param('sortField')!.name } : {}),
      ...(order && ascend && descend ? { sortOrder: { name: order.name, ascend, descend } } : {}),
    },
    filters: filtersOf(query, itemType),
  };
}

/**
 * `xyzIds` filters on the item's `xyzId`; `specificIds` (ListRequest's "Specific IDs") on its `id`.
 * A list parameter with no matching item property gets no filter invariant.
 */
function filtersOf(query: readonly ParameterInfo[], itemType: WireObject): FilterParam[] {
  const out: FilterParam[] = [];
  for (const p of query) {
    if (p.schema.type !== 'array' || !/Ids$/.test(p.name)) continue;
    const singular = lower(p.name) === 'specificids' ? 'id' : p.name.slice(0, -1);
    const prop = itemType.properties.find((x) => lower(x.name) === lower(singular) && x.type.kind === 'string');
    if (prop) out.push({ param: p.name, itemProp: prop.name });
  }
  return out;
}
