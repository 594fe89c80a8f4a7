import { loadApiModel } from '../../src/spec/wire-model.js';
import type { WireObject } from '../../src/spec/wire-type.js';

/** The DTOs as the spec describes them (spec/openapi.json through loadApiModel). */
export const model = loadApiModel();

export function dto(name: string): WireObject {
  const type = model.types.get(name);
  if (!type) throw new Error(`spec/openapi.json has no component ${name}`);
  return type;
}

/** The request and response DTOs of an operation, as the spec routes it. */
export function operation(operationId: string) {
  const op = model.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`spec/openapi.json has no operation ${operationId}`);
  return op;
}

export const SessionInfo = dto('SessionInfo');
export const SessionLogInfo = dto('SessionLogInfo');
export const SessionMemberInfo = dto('SessionMemberInfo');
export const NewSession = dto('NewSession');
export const GetMySessionsResponse = dto('GetMySessionsResponse');
export const GetActiveSessionsResponse = dto('GetActiveSessionsResponse');
export const ListResponseOfSessionInfo = dto('ListResponse_SessionInfo');
export const ListSessions = dto('ListSessions');
export const ErrorResponse = model.errorResponse;

/** The namespaces the pages' XML samples show; literal, so a spec that drifts from them fails. */
const ns = (clr: string) => `http://schemas.datacontract.org/2004/07/${clr}`;
export const SESSIONS_NS = ns('Voice.Api.Sessions');
export const API_NS = ns('Voice.Api');
export const CUSTOMERS_NS = ns('Voice.Api.Customers');
