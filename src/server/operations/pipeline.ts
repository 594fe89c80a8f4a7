import type { RequestHandler } from 'express';
import type { OperationModel } from '../../spec/api-model.js';
import { authenticate, type AuthDeps } from '../auth/authenticate.js';
import { authorize } from '../auth/authorize.js';
import type { BehaviourGate } from '../behaviours/behaviour-gate.js';
import { bindRequest, type BindDeps } from '../binding/bind-request.js';
import { QueryMap } from '../binding/query-string.js';
import { rememberFormat } from '../errors/error-handler.js';
import { ServiceError } from '../errors/service-error.js';
import type { DtoValidator } from '../validation/operation-validators.js';
import { negotiate } from '../wire/negotiate.js';
import { routeFormats } from '../wire/route-formats.js';
import { sendDto } from '../wire/send.js';
import type { OperationHandler } from './handler.js';
import { assertMethodExists } from './service-method.js';

export interface PipelineDeps extends BindDeps, AuthDeps {
  readonly gate: BehaviourGate;
  /** Answers with a list this long or longer are streamed (stream-dto.ts). */
  readonly streamMinItems?: number;
}

/**
 * The whole decision path of one operation, top to bottom, whichever route reached it (its REST route,
 * `/api/X` or `/{format}/reply/X`):
 * negotiate -> identify the API user -> behaviours (gate) -> find the method for the verb -> authorize -> bind
 * -> validate -> handle -> serialize.
 * Each step either passes its result on or throws a ServiceError, which the error handler writes in the
 * format negotiated in the first step. The route only fixes formats (routeFormats) before this runs.
 */
export function operationEndpoint(op: OperationModel, validate: DtoValidator, handle: OperationHandler | undefined, deps: PipelineDeps): RequestHandler {
  return async (req, res) => {
    const query = QueryMap.fromUrl(req.originalUrl);
    const route = routeFormats(res);
    const format = negotiate(req, query, deps.codecs, route);
    rememberFormat(res, format);
    const auth = authenticate(req, deps);
    // A behaviour acts before anything the operation checks or writes: a 503 on NewSession creates nothing.
    const gate = deps.gate.enter(req, res, { operation: op.operationId, op, format, principal: auth.principal, responseType: op.responseType });
    if (gate !== undefined && !(await gate)) return;
    assertMethodExists(op, req.method);
    const principal = authorize(op, auth);
    const dto = await bindRequest(req, op.requestType, query, deps, route.handler, principal !== undefined);
    validate(dto);
    if (!handle) throw notImplemented(op);
    const result = await handle({ op, dto, principal });
    await sendDto(res, 200, format, result, op.responseType, deps.streamMinItems);
  };
}

/** An operation the spec declares but the mock has no behaviour for: ServiceStack's 405 for a missing method. */
function notImplemented(op: OperationModel): ServiceError {
  return new ServiceError(
    405,
    'NotImplementedException',
    `The mock has no behaviour for ${op.operationId} yet; it is routed and validated from the spec, and answers once a handler is added in src/server/operations/handlers.ts.`,
  );
}
