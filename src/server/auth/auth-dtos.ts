import { DATACONTRACT_NS_PREFIX } from '../../model/model-types.js';
import { XML_NS, type WireObject, type WireProperty, type WireType } from '../../spec/wire-type.js';

/**
 * ServiceStack's own auth DTOs and Evo Voice's /auth/status answer. They are not in the Sessions
 * spec (the DTO pages do not document them), so their shapes are written here, from ServiceStack 6's
 * Authenticate / AuthenticateResponse ([DataContract] with DataMember Order, in
 * http://schemas.servicestack.net/types) and from what the Evo Voice CLI reads off /auth/status.
 * The ResponseStatus an AuthenticateResponse carries is the spec's own (spec/servicestack-types.ts).
 */

const STRING: WireType = { kind: 'string' };
const BOOLEAN: WireType = { kind: 'boolean' };
const STRINGS: WireType = { kind: 'list', item: STRING };
const STRING_MAP: WireType = { kind: 'dictionary', value: STRING };

type Member = readonly [name: string, type: WireType, valueType?: boolean];

/** A [DataContract] type whose members carry DataMember(Order): the declared order is the XML order too. */
function orderedContract(name: string, xmlNamespace: string, members: readonly Member[]): WireObject {
  const properties: WireProperty[] = members.map(([memberName, type, valueType]) => ({
    name: memberName,
    clrName: memberName[0]!.toUpperCase() + memberName.slice(1),
    type,
    xmlNamespace,
    valueType: valueType ?? false,
  }));
  return { name, xmlName: name, xmlNamespace, properties, xmlOrder: properties };
}

/** The request of POST /auth/{provider}: only the members a credentials sign-in uses are bound. */
export const AUTHENTICATE = orderedContract('Authenticate', XML_NS.servicestack, [
  ['provider', STRING],
  ['userName', STRING],
  ['password', STRING],
  ['rememberMe', BOOLEAN],
  ['accessToken', STRING],
  ['meta', STRING_MAP],
]);

const authenticateResponses = new WeakMap<WireObject, WireObject>();

/**
 * AuthenticateResponse around the ResponseStatus of the spec's ErrorResponse (ApiModel.errorResponse),
 * so ServiceStack's error status is described once; the same object for the same spec.
 */
export function authenticateResponseType(errorResponse: WireObject): WireObject {
  let type = authenticateResponses.get(errorResponse);
  if (!type) authenticateResponses.set(errorResponse, (type = authenticateResponse(responseStatusOf(errorResponse))));
  return type;
}

function responseStatusOf(errorResponse: WireObject): WireType {
  const member = errorResponse.properties.find((p) => p.name === 'responseStatus');
  if (!member) throw new Error(`${errorResponse.name} has no responseStatus member: spec/openapi.json is not what evo-mock generates; run 'npm run generate'.`);
  return member.type;
}

function authenticateResponse(responseStatus: WireType): WireObject {
  return orderedContract('AuthenticateResponse', XML_NS.servicestack, [
    ['userId', STRING],
    ['sessionId', STRING],
    ['userName', STRING],
    ['displayName', STRING],
    ['referrerUrl', STRING],
    ['bearerToken', STRING],
    ['refreshToken', STRING],
    ['refreshTokenExpiry', STRING],
    ['profileUrl', STRING],
    ['roles', STRINGS],
    ['permissions', STRINGS],
    ['authProvider', STRING],
    ['responseStatus', responseStatus],
    ['meta', STRING_MAP],
  ]);
}

/**
 * GET /auth/status. The CLR name and namespace are not documented anywhere we can read; these are
 * the mock's assumption (they only matter in XML).
 */
export const AUTH_STATUS = orderedContract('AuthStatus', DATACONTRACT_NS_PREFIX + 'Voice.Api.Auth', [
  ['id', STRING],
  ['isAuthenticated', BOOLEAN, true],
  ['firstName', STRING],
  ['lastName', STRING],
  ['name', STRING],
  ['emailAddress', STRING],
  ['roles', STRINGS],
  ['accountIds', STRINGS],
  ['accountNames', STRINGS],
  ['avatarUrl', STRING],
]);
