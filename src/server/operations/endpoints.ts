import type { RequestHandler } from 'express';
import type { ApiModel } from '../../spec/api-model.js';
import type { DtoValidator } from '../validation/operation-validators.js';
import type { OperationHandler } from './handler.js';
import { operationEndpoint, type PipelineDeps } from './pipeline.js';

/**
 * One endpoint per operation in the spec, by operationId (the request DTO name). Every route that
 * reaches an operation (its REST route, `/api/X`, `/{format}/reply/X`) runs this same endpoint.
 */
export function operationEndpoints(
  api: ApiModel,
  validators: ReadonlyMap<string, DtoValidator>,
  handlers: Readonly<Record<string, OperationHandler | undefined>>,
  deps: PipelineDeps,
): ReadonlyMap<string, RequestHandler> {
  const endpoints = new Map<string, RequestHandler>();
  for (const op of api.operations) {
    const validate = validators.get(op.operationId);
    if (!validate) throw new Error(`No validator was compiled for ${op.operationId}.`);
    endpoints.set(op.operationId, operationEndpoint(op, validate, handlers[op.operationId], deps));
  }
  return endpoints;
}
