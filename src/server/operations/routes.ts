import { Router, type RequestHandler } from 'express';
import type { ApiModel, OperationModel } from '../../spec/api-model.js';
import { ServiceError } from '../errors/service-error.js';

/**
 * One route per operation in the spec, with nothing per operation written here: an operation added
 * to spec/openapi.json is routed and validated at the next start.
 */
export function operationRoutes(api: ApiModel, endpoints: ReadonlyMap<string, RequestHandler>): Router {
  const router = Router({ caseSensitive: false, strict: false });
  const ops = [...api.operations].sort(bySpecificity);
  for (const op of ops) {
    const endpoint = endpoints.get(op.operationId);
    if (!endpoint) throw new Error(`No endpoint was built for ${op.operationId}.`);
    router[op.method](op.expressPath, endpoint);
  }
  // A known path with another verb: ServiceStack finds no method for it (405).
  for (const path of new Set(ops.map((op) => op.expressPath))) {
    const verbs = ops.filter((op) => op.expressPath === path).map((op) => op.method.toUpperCase());
    router.all(path, methodNotAllowed(verbs));
  }
  return router;
}

function methodNotAllowed(verbs: readonly string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', verbs.join(', '));
    throw new ServiceError(405, 'NotImplementedException', `${req.method} is not supported on ${req.path}; use ${verbs.join(' or ')}.`);
  };
}

/**
 * Literal segments before parameters, so /sessions/my and /sessions/active are not taken for
 * /sessions/{sessionId}, whatever order the spec lists them in.
 */
function bySpecificity(a: OperationModel, b: OperationModel): number {
  const sa = a.path.split('/');
  const sb = b.path.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const pa = sa[i]!.startsWith('{');
    const pb = sb[i]!.startsWith('{');
    if (pa !== pb) return pa ? 1 : -1;
  }
  return sb.length - sa.length;
}
