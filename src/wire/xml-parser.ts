import { WireParseError } from './codec.js';
import { canonicalObject, setOwn } from './canonical.js';
import { readBoolean, readDouble, readEnum, readInt32, type ScalarContext } from './scalar-text.js';
import { XML_NS, type WireObject, type WireProperty, type WireType } from '../spec/wire-type.js';
import { parseXmlDocument, textOf, type XmlElement, type XmlReadOptions } from './xml-document.js';
import { itemName, keyValueName } from './xml-names.js';

/**
 * Reads an XML body as DataContractSerializer would, into the canonical DTO value:
 * - the root element must have the type's data-contract name and namespace;
 * - members are matched by local name (case-sensitive) and namespace, as DCS does; unlike DCS,
 *   in any order, since a mock should not drop a member because it came early;
 * - elements that are no member are skipped, `i:nil="true"` reads as absent;
 * - collection items must carry their data-contract name and namespace;
 * - text is taken verbatim, whitespace included.
 */
export function readXml(text: string, type: WireObject, options: XmlReadOptions = {}): Record<string, unknown> {
  const root = parseXmlDocument(text, options);
  if (root.local !== type.xmlName || root.ns !== type.xmlNamespace) {
    throw new WireParseError(
      `Expected the root element <${type.xmlName}> in namespace '${type.xmlNamespace}', found <${root.local}> in '${root.ns}'.`,
      'xml',
    );
  }
  return readMembers(root, type, '', '');
}

function readMembers(element: XmlElement, type: WireObject, path: string, field: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const members = memberIndex(type);
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    const prop = members.get(key(child.ns, child.local));
    if (!prop) continue;
    const memberPath = path ? `${path}.${prop.name}` : prop.name;
    const value = readElement(child, prop.type, prop.xmlNamespace, memberPath, field || prop.clrName);
    if (value === undefined) delete out[prop.name];
    else out[prop.name] = value;
  }
  return canonicalObject(out, type);
}

function readElement(element: XmlElement, type: WireType, ownerNs: string, path: string, field: string): unknown {
  const nil = element.attributes.get(`{${XML_NS.instance}}nil`);
  if (nil !== undefined && readBoolean(nil, { format: 'xml', path: `${path}/@i:nil`, fieldName: field })) return undefined;
  const ctx: ScalarContext = { format: 'xml', path, fieldName: field };
  switch (type.kind) {
    case 'string':
      return text(element, path, field);
    case 'boolean':
      return readBoolean(text(element, path, field), ctx);
    case 'integer':
      return readInt32(text(element, path, field), ctx);
    case 'number':
      return readDouble(text(element, path, field), ctx);
    case 'enum':
      return readEnum(text(element, path, field), type, ctx);
    case 'list': {
      const name = itemName(type.item, ownerNs);
      const items: unknown[] = [];
      for (const child of childElements(element, path, field)) {
        if (child.local !== name.local || child.ns !== name.ns) {
          fail(path, field, `expected <${name.local}> items in namespace '${name.ns}', found <${child.local}> in '${child.ns}'`);
        }
        const item = readElement(child, type.item, name.ns, `${path}[${items.length}]`, field);
        if (item !== undefined) items.push(item);
      }
      return items;
    }
    case 'dictionary': {
      const entry = keyValueName(type.value, ownerNs);
      const out: Record<string, unknown> = {};
      for (const child of childElements(element, path, field)) {
        if (child.local !== entry || child.ns !== XML_NS.arrays) {
          fail(path, field, `expected <${entry}> entries in namespace '${XML_NS.arrays}', found <${child.local}>`);
        }
        const parts = childElements(child, path, field);
        const keyElement = parts.find((p) => p.local === 'Key' && p.ns === XML_NS.arrays);
        const valueElement = parts.find((p) => p.local === 'Value' && p.ns === XML_NS.arrays);
        if (!keyElement) fail(path, field, `an <${entry}> entry has no <Key>`);
        const name = text(keyElement, path, field);
        const value = valueElement ? readElement(valueElement, type.value, XML_NS.arrays, `${path}[${JSON.stringify(name)}]`, field) : undefined;
        if (value !== undefined) setOwn(out, name, value);
      }
      return out;
    }
    case 'object':
      return readMembers(element, type.type, path, field);
  }
}

function text(element: XmlElement, path: string, field: string): string {
  const value = textOf(element);
  if (value === undefined) fail(path, field, 'expected text, found child elements');
  return value;
}

/** The child elements of a collection; text other than whitespace between them is an error. */
function childElements(element: XmlElement, path: string, field: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child !== 'string') out.push(child);
    else if (child.trim() !== '') fail(path, field, 'unexpected text between items');
  }
  return out;
}

function fail(path: string, field: string, problem: string): never {
  throw new WireParseError(`Invalid XML for '${path}': ${problem}.`, 'xml', field || undefined);
}

const key = (ns: string, local: string) => `{${ns}}${local}`;
const indexCache = new WeakMap<WireObject, Map<string, WireProperty>>();

function memberIndex(type: WireObject): Map<string, WireProperty> {
  let index = indexCache.get(type);
  if (!index) {
    index = new Map(type.xmlOrder.map((p) => [key(p.xmlNamespace, p.clrName), p]));
    indexCache.set(type, index);
  }
  return index;
}
