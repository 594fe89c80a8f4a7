import type { RequestHandler } from 'express';
import type { ApiModel } from '../../spec/api-model.js';
import { notFound } from '../errors/service-error.js';

/** No route matched: a 404 in ServiceStack's error shape, in the negotiated format, listing what is routed. */
export function routeNotFound(api: ApiModel): RequestHandler {
  const routed = api.operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).join(', ');
  return (req) => {
    throw notFound(`No operation is routed at ${req.method} ${req.path}. The mock serves ${routed}, /auth, and the predefined routes /api/{Operation} and /{json|xml|jsv}/reply/{Operation}.`);
  };
}
