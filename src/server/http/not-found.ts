import type { RequestHandler } from 'express';
import type { ApiModel } from '../../spec/api-model.js';
import { notFound } from '../errors/service-error.js';

/**
 * No route matched: a 404 in ServiceStack's error shape, in the negotiated format, listing what is routed.
 * `gate` lets behaviours and latency act on such requests too (a path pattern can match one).
 */
export function routeNotFound(api: ApiModel, gate: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => Promise<boolean> | undefined): RequestHandler {
  const routed = api.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ');
  return async (req, res) => {
    const held = gate(req, res);
    if (held !== undefined && !(await held)) return;
    throw notFound(`No operation is routed at ${req.method} ${req.path}. The mock serves ${routed}, /auth, and the predefined routes /api/{Operation} and /{json|xml|jsv}/reply/{Operation}.`);
  };
}
