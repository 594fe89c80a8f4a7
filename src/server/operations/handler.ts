import type { OperationModel } from '../../spec/api-model.js';
import type { Principal } from '../auth/authenticate.js';

/** What an operation's behaviour receives: the bound, validated request DTO and the signed-in user. */
export interface OperationContext {
  readonly op: OperationModel;
  readonly dto: Record<string, unknown>;
  /** Undefined only for an operation the spec leaves open to anonymous requests. */
  readonly principal: Principal | undefined;
}

/** An operation's behaviour; it returns the response DTO (the spec's response type for the operation). */
export type OperationHandler = (ctx: OperationContext) => unknown;

/** Behaviour by operationId: the only hand-written part of an operation. */
export type OperationHandlers = Readonly<Record<string, OperationHandler>>;
