import type { ModelClass, ModelProperty } from '../model/model-types.js';
import type { TypeExpr } from '../pages/page-model.js';
import { XML_NS } from './wire-type.js';

/**
 * ServiceStack's own error DTOs. No DTO page shows them, yet every error answer carries them.
 * Their members and order: docs/servicestack-wire.md section 5 ("Errors"), from
 * ServiceStack.Interfaces/ResponseStatus.cs and ResponseError.cs, both [DataContract] with
 * [DataMember(Order = n)]: ResponseStatus{ErrorCode(1), Message(2), StackTrace(3), Errors(4), Meta(5)},
 * ResponseError{ErrorCode(1), FieldName(2), Message(3), Meta(4)}. Their XML namespace: section 2
 * ("XML (DataContractSerializer)"), from the ContractNamespace of ServiceStack.Interfaces/Properties/AssemblyInfo.cs.
 * ErrorResponse{ResponseStatus} is the body when an operation has no {Request}Response type
 * (SSC/WebRequestUtils.GetErrorResponseDtoType, SS/DtoUtils.CreateResponseDto).
 */
const MEMBERS_SOURCE = 'docs/servicestack-wire.md section 5, Errors; from ServiceStack.Interfaces/ResponseStatus.cs, ResponseError.cs';
const NAMESPACE_SOURCE = 'docs/servicestack-wire.md section 2, XML (DataContractSerializer); from ServiceStack.Interfaces/Properties/AssemblyInfo.cs ContractNamespace';

const str: TypeExpr = { kind: 'scalar', name: 'string' };
const ref = (name: string): TypeExpr => ({ kind: 'ref', name, args: [] });
const META: TypeExpr = { kind: 'dictionary', key: str, value: str };

function member(name: string, clrName: string, type: TypeExpr, clrType: string, order: number, description: string): ModelProperty {
  return { name, clrName, type, clrType, order, description, valueType: false, evidence: [] };
}

/** One of ServiceStack's [DataContract] types: members in DataMember(Order), in ServiceStack's own namespace. */
function serviceStackClass(name: string, description: string, properties: readonly ModelProperty[]): ModelClass {
  return {
    kind: 'class',
    name,
    typeParams: [],
    description,
    properties,
    xmlNamespace: { uri: XML_NS.servicestack, inferred: false, evidence: NAMESPACE_SOURCE },
    dataContractOrder: true,
    sources: [MEMBERS_SOURCE],
  };
}

export const RESPONSE_ERROR = serviceStackClass('ResponseError', 'A field error (ServiceStack.ResponseError)', [
  member('errorCode', 'ErrorCode', str, 'string', 1, 'The error code, e.g. NotEmpty or the exception type name'),
  member('fieldName', 'FieldName', str, 'string', 2, 'The request field the error is about'),
  member('message', 'Message', str, 'string', 3, 'What is wrong with the field'),
  member('meta', 'Meta', META, 'Dictionary<string,string>', 4, 'Extra data about the error'),
]);

export const RESPONSE_STATUS = serviceStackClass('ResponseStatus', 'The error details ServiceStack sends with every failed request (ServiceStack.ResponseStatus)', [
  member('errorCode', 'ErrorCode', str, 'string', 1, 'The error code: the exception type name or an HTTP status name such as NotFound'),
  member('message', 'Message', str, 'string', 2, 'A message for people'),
  member('stackTrace', 'StackTrace', str, 'string', 3, 'The server stack trace (debug mode only)'),
  member('errors', 'Errors', { kind: 'list', item: ref('ResponseError') }, 'List<ResponseError>', 4, 'One entry per invalid field'),
  member('meta', 'Meta', META, 'Dictionary<string,string>', 5, 'Extra data about the error'),
]);

export const ERROR_RESPONSE = serviceStackClass('ErrorResponse', "ServiceStack's generic error body (ServiceStack.ErrorResponse)", [
  member('responseStatus', 'ResponseStatus', ref('ResponseStatus'), 'ResponseStatus', 1, 'What went wrong'),
]);

export const SERVICESTACK_TYPES: readonly ModelClass[] = [ERROR_RESPONSE, RESPONSE_ERROR, RESPONSE_STATUS];
