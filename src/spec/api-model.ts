import type { OpenAPIV3_1 } from 'openapi-types';
import type { WireObject } from './wire-type.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation as the server and the contract runner need it, read from spec/openapi.json. */
export interface OperationModel {
  /** The request DTO name, e.g. ListSessions; also the name on /api/{Operation} and /json/reply/{Operation}. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. /sessions/{sessionId}. */
  readonly path: string;
  /** Express 5 path, e.g. /sessions/:sessionId. */
  readonly expressPath: string;
  readonly pathParams: readonly string[];
  readonly requestType: WireObject;
  readonly responseType: WireObject;
  readonly requiresAuth: boolean;
  readonly requiredRoles: readonly string[];
  readonly summary?: string;
  /** The OpenAPI operation object itself, for AJV schemas and examples. */
  readonly operation: OpenAPIV3_1.OperationObject;
}

export interface ApiModel {
  readonly document: OpenAPIV3_1.Document;
  readonly operations: readonly OperationModel[];
  /** Every component schema that is an object DTO, by component name. */
  readonly types: ReadonlyMap<string, WireObject>;
  /** ServiceStack's ErrorResponse { responseStatus }, in http://schemas.servicestack.net/types. */
  readonly errorResponse: WireObject;
}
