import { XML_NS, type WireType } from '../spec/wire-type.js';

/**
 * The data-contract names DataContractSerializer gives to collection items, and the namespaces a
 * member element declares for its children. Shared by the XML writer and reader so both agree.
 */

export interface XmlName {
  readonly local: string;
  readonly ns: string;
}

/** Primitive data-contract names, all in the Arrays namespace when they are collection items. */
const PRIMITIVE: Partial<Record<WireType['kind'], string>> = {
  string: 'string',
  integer: 'int',
  boolean: 'boolean',
  number: 'double',
};

/**
 * The element name of one item of a collection of `item`. `ownerNs` is the namespace of the type
 * declaring the collection; it stands in for an enum's own CLR namespace, which the spec does not carry.
 */
export function itemName(item: WireType, ownerNs: string): XmlName {
  switch (item.kind) {
    case 'object':
      return { local: item.type.xmlName, ns: item.type.xmlNamespace };
    case 'enum':
      return { local: item.name, ns: ownerNs };
    case 'list':
      return { local: `ArrayOf${itemName(item.item, ownerNs).local}`, ns: XML_NS.arrays };
    case 'dictionary':
      return { local: `ArrayOf${keyValueName(item.value, ownerNs)}`, ns: XML_NS.arrays };
    default:
      return { local: PRIMITIVE[item.kind] ?? item.kind, ns: XML_NS.arrays };
  }
}

/**
 * `KeyValueOfstringstring` for Dictionary<string,string>. For other value types .NET appends a hash
 * of the namespaces (KeyValueOfstringResponseStatusEdXdwojR) that cannot be derived here; the spec's
 * DTOs only use string values.
 */
export function keyValueName(value: WireType, ownerNs: string): string {
  return `KeyValueOfstring${itemName(value, ownerNs).local}`;
}

/** The namespace of a collection's items (for a dictionary: of its KeyValueOf... entries). */
export function collectionNamespace(type: WireType, ownerNs: string): string | undefined {
  if (type.kind === 'list') return itemName(type.item, ownerNs).ns;
  if (type.kind === 'dictionary') return XML_NS.arrays;
  return undefined;
}

/**
 * ClassDataContract.GetChildNamespaceToDeclare: a member whose type is a collection or a data
 * contract in a namespace other than the declaring type's declares that namespace on its element
 * (as a dNpM prefix). Primitives and enums never do.
 */
export function childNamespaceToDeclare(type: WireType, declaringNs: string): string | undefined {
  const ns = type.kind === 'object' ? type.type.xmlNamespace : collectionNamespace(type, declaringNs);
  return ns !== undefined && ns !== '' && ns !== declaringNs ? ns : undefined;
}
