import type { OperationModel } from '../../spec/api-model.js';
import { ServiceError } from '../errors/service-error.js';

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

export function noServiceMethod(requestName: string, verb: string, service: string): ServiceError {
  const method = verb.charAt(0).toUpperCase() + verb.slice(1).toLowerCase();
  return new ServiceError(405, 'NotImplementedException', `Could not find method named ${method}(${requestName}) or Any(${requestName}) on Service ${service}`);
}

/**
 * The pages do not name the .NET service class; the mock calls it after the operation's tag
 * ("Sessions" -> SessionsService), the usual ServiceStack naming.
 */
function serviceName(op: OperationModel): string {
  const tag = op.operation.tags?.[0];
  return `${tag ? tag.replace(/[^A-Za-z0-9_]/g, '') : op.operationId}Service`;
}
