/**
 * The `x-` vocabulary spec/openapi.json uses to carry what ServiceStack clients depend on and
 * OpenAPI cannot say. The generator writes these; src/spec/wire-model.ts, the server and the
 * contract runner read them. Keep this file the single list of names.
 */
export const EXTENSION = {
  /** On a component schema: the CLR type name, e.g. "SessionInfo", "ListResponse<SessionInfo>". */
  clrName: 'x-clr-name',
  /** On a component schema: the data-contract (XML element) name. */
  xmlName: 'x-xml-name',
  /** On a component schema: the XML namespace of the type. */
  xmlNamespace: 'x-xml-namespace',
  /** On a component schema: the component name of the base type, if any. */
  base: 'x-base',
  /** On a component schema: member names in JSON/JSV order (own members, then base members). */
  jsonOrder: 'x-json-order',
  /** On a component schema: member names in DataContractSerializer order. */
  xmlOrder: 'x-xml-order',
  /** On a property schema: the PascalCase CLR member name. */
  clrMember: 'x-clr-member',
  /** On a property schema: the XML namespace of the declaring type. */
  memberNamespace: 'x-xml-member-namespace',
  /** On a property schema: true when the CLR type is a value type (bool, enum, int): always written. */
  valueType: 'x-value-type',
  /** On a property schema: the CLR type as a page declares it, e.g. "List<CustomerBreadcrumb>". */
  clrType: 'x-clr-type',
  /** On an operation: roles the operation requires, e.g. ["User"]. */
  requiredRoles: 'x-required-roles',
  /** On an operation: true when the page says "Requires Authentication" or names a role. */
  requiresAuth: 'x-requires-authentication',
  /** On an operation: the request DTO component name (also the operationId). */
  requestDto: 'x-request-dto',
  /** On an operation: the response DTO component name. */
  responseDto: 'x-response-dto',
  /** On an operation: the page file it came from, for provenance. */
  source: 'x-source-page',
  /** On a component schema: true when no sample shows the XML namespace and the generator inferred it. */
  xmlNamespaceInferred: 'x-xml-namespace-inferred',
  /** On a component schema: where the XML namespace comes from (a sample element, or the inference rule). */
  xmlNamespaceEvidence: 'x-xml-namespace-evidence',
  /** On a property schema: the [DataMember(Order)] of ServiceStack's own types (ResponseStatus, ResponseError). */
  dataMemberOrder: 'x-data-member-order',
  /** On a component schema: the CLR types its generic arguments are, e.g. ["SessionInfo"]. */
  genericArgs: 'x-generic-args',
  /** On a component schema: the operation DTO role ("request" or "response"), if any. */
  dtoRole: 'x-dto-role',
  /** At the top level: the disagreements between pages and how each was resolved. */
  disagreements: 'x-disagreements',
} as const;
