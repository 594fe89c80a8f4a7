import type { OperationModel } from '../spec/api-model.js';
import type { DataPool } from './data-pool.js';
import { listShapeOf, type ListShape } from './list-conventions.js';
import { parametersOf, pathItemOf, successStatuses, type ParameterInfo } from './openapi-lookup.js';
import type { ApiModel } from '../spec/api-model.js';

/** What case derivation needs to know about one operation, read once from the spec. */
export interface OperationFacts {
  readonly op: OperationModel;
  readonly params: readonly ParameterInfo[];
  readonly queryParams: readonly ParameterInfo[];
  readonly shape?: ListShape;
  readonly success: readonly number[];
  /** Anything but GET changes the target. */
  readonly writes: boolean;
}

export function factsOf(model: ApiModel, op: OperationModel): OperationFacts {
  const params = parametersOf(model.document, op.operation, pathItemOf(model.document, op.path));
  const shape = listShapeOf(op, params);
  const success = successStatuses(op.operation);
  return {
    op,
    params,
    queryParams: params.filter((p) => p.in === 'query'),
    ...(shape ? { shape } : {}),
    success: success.length ? success : [200],
    writes: op.method !== 'get',
  };
}

/**
 * Values for path parameters from the target's own data: an `...Id` parameter takes the id of an
 * object of the type the operation returns (an id from ListSessions for GetSession), anything else a
 * value seen under the same name. Undefined when the target has shown none.
 */
export function pathValuesFrom(pool: DataPool, op: OperationModel, pick = 0): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const name of op.pathParams) {
    const candidates = /id$/i.test(name) ? pool.idsOf(op.responseType.name) : pool.valuesOf(name);
    const value = candidates[pick % Math.max(1, candidates.length)];
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return out;
}

/** The GET operation that reads one object of a type back by its id, if the spec has one. */
export function readerOf(model: ApiModel, typeName: string): OperationModel | undefined {
  return model.operations.find((o) => o.method === 'get' && o.pathParams.length === 1 && o.responseType.name === typeName);
}
