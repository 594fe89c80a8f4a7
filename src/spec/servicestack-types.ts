import type { ModelClass, ModelProperty } from '../model/model-types.js';
import type { TypeExpr } from '../pages/page-model.js';

/**
 * ServiceStack's own error DTOs. No DTO page shows them, yet every error answer carries them.
 * Sources: docs/servicestack-wire.md section 5 ("Errors"), which reads
 * ServiceStack.Interfaces/ResponseStatus.cs and ResponseError.cs: both [DataContract] with
 * [DataMember(Order = n)], ResponseStatus{ErrorCode(1), Message(2), StackTrace(3), Errors(4), Meta(5)},
 * ResponseError{ErrorCode(1), FieldName(2), Message(3), Meta(4)}; section 2: their XML namespace is
 * http://schemas.servicestack.net/types (ServiceStack.Interfaces/Properties/AssemblyInfo.cs ContractNamespace).
 * ErrorResponse{ResponseStatus} is the body when an operation has no {Request}Response type
 * (SSC/WebRequestUtils.GetErrorResponseDtoType, SS/DtoUtils.CreateResponseDto).
 */
export const SERVICESTACK_NS = 'http://schemas.servicestack.net/types';
const SOURCE = 'servicestack-wire.md section 5 (ServiceStack.Interfaces ResponseStatus.cs, ResponseError.cs)';

const str: TypeExpr = { kind: 'scalar', name: 'string' };
const ref = (name: string): TypeExpr => ({ kind: 'ref', name, args: [] });

function member(name: string, clrName: string, type: TypeExpr, clrType: string, order: number, description: string): ModelProperty {
  return { name, clrName, type, clrType, order, description, valueType: false, evidence: [] };
}

const ns = { uri: SERVICESTACK_NS, inferred: false, evidence: SOURCE };

export const RESPONSE_ERROR: ModelClass = {
  kind: 'class',
  name: 'ResponseError',
  typeParams: [],
  description: 'A field error (ServiceStack.ResponseError)',
  properties: [
    member('errorCode', 'ErrorCode', str, 'string', 1, 'The error code, e.g. NotEmpty or the exception type name'),
    member('fieldName', 'FieldName', str, 'string', 2, 'The request field the error is about'),
    member('message', 'Message', str, 'string', 3, 'What is wrong with the field'),
    member('meta', 'Meta', { kind: 'dictionary', key: str, value: str }, 'Dictionary<string,string>', 4, 'Extra data about the error'),
  ],
  xmlNamespace: ns,
  dataContractOrder: true,
  sources: [SOURCE],
};

export const RESPONSE_STATUS: ModelClass = {
  kind: 'class',
  name: 'ResponseStatus',
  typeParams: [],
  description: 'The error details ServiceStack sends with every failed request (ServiceStack.ResponseStatus)',
  properties: [
    member('errorCode', 'ErrorCode', str, 'string', 1, 'The error code: the exception type name or an HTTP status name such as NotFound'),
    member('message', 'Message', str, 'string', 2, 'A message for people'),
    member('stackTrace', 'StackTrace', str, 'string', 3, 'The server stack trace (debug mode only)'),
    member('errors', 'Errors', { kind: 'list', item: ref('ResponseError') }, 'List<ResponseError>', 4, 'One entry per invalid field'),
    member('meta', 'Meta', { kind: 'dictionary', key: str, value: str }, 'Dictionary<string,string>', 5, 'Extra data about the error'),
  ],
  xmlNamespace: ns,
  dataContractOrder: true,
  sources: [SOURCE],
};

export const ERROR_RESPONSE: ModelClass = {
  kind: 'class',
  name: 'ErrorResponse',
  typeParams: [],
  description: "ServiceStack's generic error body (ServiceStack.ErrorResponse)",
  properties: [member('responseStatus', 'ResponseStatus', ref('ResponseStatus'), 'ResponseStatus', 1, 'What went wrong')],
  xmlNamespace: ns,
  dataContractOrder: true,
  sources: [SOURCE],
};

export const SERVICESTACK_TYPES: readonly ModelClass[] = [ERROR_RESPONSE, RESPONSE_ERROR, RESPONSE_STATUS];
