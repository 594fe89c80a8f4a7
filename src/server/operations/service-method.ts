import type { OperationModel } from '../../spec/api-model.js';
import { noServiceMethod } from '../errors/service-error.js';

/**
 * The predefined routes let any verb reach an operation; ServiceStack then looks for the service method
 * named after the verb, or Any, and answers 405 when there is none (ServiceExec). The spec gives each
 * operation one verb. HEAD is answered as GET, as Express does on REST routes.
 */
export function assertMethodExists(op: OperationModel, verb: string): void {
  const asked = verb === 'HEAD' ? 'GET' : verb;
  if (asked === op.method.toUpperCase()) return;
  throw noServiceMethod(op.operationId, verb, serviceName(op));
}

/**
 * The pages do not name the .NET service class; the mock calls it after the operation's tag
 * ("Sessions" -> SessionsService), the usual ServiceStack naming.
 */
function serviceName(op: OperationModel): string {
  const tag = op.operation.tags?.[0];
  return `${tag ? tag.replace(/[^A-Za-z0-9_]/g, '') : op.operationId}Service`;
}
