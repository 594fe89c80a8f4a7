/**
 * The runtime description of a DTO that the wire codecs need: names, CLR names, XML data-contract
 * names and namespaces, and member order for each format. It is built from spec/openapi.json
 * (src/spec/wire-model.ts) so nothing downstream of the generator reads the DTO pages again.
 */

export type WireType =
  | { readonly kind: 'string' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer' }
  | { readonly kind: 'number' }
  | { readonly kind: 'enum'; readonly name: string; readonly members: readonly string[] }
  | { readonly kind: 'list'; readonly item: WireType }
  /** Dictionary<string, V>; keys are always strings on this API. */
  | { readonly kind: 'dictionary'; readonly value: WireType }
  | { readonly kind: 'object'; readonly type: WireObject };

export interface WireProperty {
  /** camelCase name used by JSON and JSV (ServiceStack's TextCase=CamelCase on .NET Core). */
  readonly name: string;
  /** PascalCase CLR member name, the XML element name. */
  readonly clrName: string;
  readonly type: WireType;
  /** XML namespace of the type that declares this member (base members keep their own). */
  readonly xmlNamespace: string;
  /**
   * CLR value type (bool, enum, int): ServiceStack always writes it, even at its default,
   * and a missing value reads as the default.
   */
  readonly valueType: boolean;
  readonly description?: string;
}

export interface WireObject {
  /** DTO name as the spec's components name it, e.g. SessionInfo, ListResponse_SessionInfo. */
  readonly name: string;
  /** Data-contract name: the XML element name of the root or of a list item. */
  readonly xmlName: string;
  readonly xmlNamespace: string;
  /** JSON/JSV member order: ServiceStack.Text writes a type's own members first, then its base's. */
  readonly properties: readonly WireProperty[];
  /** DataContractSerializer order: base-type members first, then this type's, alphabetically (ordinal). */
  readonly xmlOrder: readonly WireProperty[];
}

/** The namespaces every ServiceStack XML body may use. */
export const XML_NS = {
  instance: 'http://www.w3.org/2001/XMLSchema-instance',
  arrays: 'http://schemas.microsoft.com/2003/10/Serialization/Arrays',
  servicestack: 'http://schemas.servicestack.net/types',
} as const;
