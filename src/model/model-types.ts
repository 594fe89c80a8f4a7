import type { Dialect, Nullability, PageSample, TypeExpr } from '../pages/page-model.js';

/** One page's word on a member, kept so that the report can say who said what. */
export interface PropertyEvidence {
  readonly source: string;
  readonly dialect: Dialect;
  readonly declared: string;
  readonly nullability: Nullability;
  readonly type: TypeExpr;
  readonly description?: string;
}

export interface ModelProperty {
  /** camelCase: the JSON and JSV name. */
  readonly name: string;
  /** PascalCase CLR member name: the XML element name. */
  readonly clrName: string;
  readonly type: TypeExpr;
  readonly description?: string;
  /** A CLR value type (bool, enum, int): always on the wire, never null. */
  readonly valueType: boolean;
  /** The CLR type as C# would write it, e.g. List<CustomerBreadcrumb>, bool?, int. */
  readonly clrType: string;
  /** What a string member holds, read off the pages: see formatOf in merge-types.ts. */
  readonly format?: 'date' | 'date-time';
  /** [DataMember(Order)] when the type declares one (ServiceStack's own types). */
  readonly order?: number;
  readonly evidence: readonly PropertyEvidence[];
}

export interface XmlNamespaceFact {
  /** The XML namespace URI, e.g. http://schemas.datacontract.org/2004/07/Voice.Api.Sessions. */
  readonly uri: string;
  /** True when no sample shows it and the generator chose it by rule. */
  readonly inferred: boolean;
  readonly evidence: string;
}

export interface ModelClass {
  readonly kind: 'class';
  /** CLR name without generic arguments, e.g. ListResponse. */
  readonly name: string;
  readonly typeParams: readonly string[];
  readonly base?: TypeExpr;
  readonly description?: string;
  /** Own members in declaration order. */
  readonly properties: readonly ModelProperty[];
  readonly xmlNamespace: XmlNamespaceFact;
  /** ServiceStack's own types carry [DataContract] with explicit member Order. */
  readonly dataContractOrder: boolean;
  readonly sources: readonly string[];
}

export interface ModelEnum {
  readonly kind: 'enum';
  readonly name: string;
  readonly members: readonly string[];
  readonly sources: readonly string[];
}

export type ModelType = ModelClass | ModelEnum;

export interface ModelOperation {
  /** The request DTO name; also the operationId. */
  readonly name: string;
  readonly verb: string;
  readonly route: string;
  readonly pathParams: readonly string[];
  /** The response DTO, possibly a closed generic (ListResponse<SessionInfo>). */
  readonly response: TypeExpr;
  readonly requiresAuth: boolean;
  readonly roles: readonly string[];
  readonly description?: string;
  readonly source: string;
  readonly samples: readonly PageSample[];
}

export interface Disagreement {
  /** What the pages disagree on, e.g. "SessionInfo.ended nullability". */
  readonly subject: string;
  /** Each page's word, e.g. "GetMySessions.txt (python): bool = False". */
  readonly evidence: readonly string[];
  readonly resolution: string;
}

export interface MergedModel {
  /** Every type reachable from an operation, by CLR name (generic definitions by bare name). */
  readonly types: ReadonlyMap<string, ModelType>;
  readonly operations: readonly ModelOperation[];
  readonly disagreements: readonly Disagreement[];
}

export const DATACONTRACT_NS_PREFIX = 'http://schemas.datacontract.org/2004/07/';
