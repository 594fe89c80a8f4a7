import { defaultOf, isRecord, wrongValue } from './canonical.js';
import { formatDouble } from './scalar-text.js';
import { XML_NS, type WireObject, type WireType } from './wire-type.js';
import { childNamespaceToDeclare, itemName, keyValueName } from './xml-names.js';

/**
 * Writes a DTO as ServiceStack does for XML: DataContractSerializer over an XmlWriter with UTF-8,
 * the declaration, and no indentation. The body is built by hand rather than with an XML builder
 * because the bytes must match .NET's: the dNpM prefixes numbered by depth, the attribute order
 * (explicit xmlns:dNpM and i:nil first, the implied default xmlns last), `<X />` with its space.
 *
 * Members are written in WireObject.xmlOrder; null reference members as `<X i:nil="true" />`;
 * value types always; booleans lower-case; enums by name; an empty string or list as `<X />`.
 */
export function writeXml(value: unknown, type: WireObject): string {
  const w = new XmlOut();
  w.out = '<?xml version="1.0" encoding="utf-8"?>';
  w.start(type.xmlName, type.xmlNamespace);
  w.attribute(`xmlns:i="${XML_NS.instance}"`, 'i', XML_NS.instance);
  writeMembers(w, value, type, '');
  w.end();
  return w.out;
}

function writeMembers(w: XmlOut, value: unknown, type: WireObject, path: string): void {
  if (!isRecord(value)) return wrongValue(path, `a ${type.name} object`, value);
  for (const prop of type.xmlOrder) {
    let member = value[prop.name];
    if ((member === undefined || member === null) && prop.valueType) member = defaultOf(prop.type);
    w.start(prop.clrName, prop.xmlNamespace);
    // The declaring type's namespace decides, not the element's: a base member keeps its base's.
    const declare = childNamespaceToDeclare(prop.type, prop.xmlNamespace);
    if (declare !== undefined) w.declare(declare);
    writeContent(w, member, prop.type, prop.xmlNamespace, path ? `${path}.${prop.name}` : prop.name);
    w.end();
  }
}

/** Writes what goes inside an element already started for a value of `type`. */
function writeContent(w: XmlOut, value: unknown, type: WireType, ownerNs: string, path: string): void {
  if (value === undefined || value === null) {
    w.nil();
    return;
  }
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? w.text(value) : wrongValue(path, 'a string', value);
    case 'boolean':
      return typeof value === 'boolean' ? w.text(String(value)) : wrongValue(path, 'a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? w.text(String(value)) : wrongValue(path, 'an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? w.text(formatDouble(value)) : wrongValue(path, 'a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? w.text(value) : wrongValue(path, `a ${type.name} member`, value);
    case 'list': {
      if (!Array.isArray(value)) return wrongValue(path, 'an array', value);
      const name = itemName(type.item, ownerNs);
      value.forEach((item, i) => {
        w.start(name.local, name.ns);
        writeContent(w, item, type.item, name.ns, `${path}[${i}]`);
        w.end();
      });
      return;
    }
    case 'dictionary': {
      if (!isRecord(value)) return wrongValue(path, 'a map', value);
      const entry = keyValueName(type.value, ownerNs);
      for (const [key, item] of Object.entries(value)) {
        if (item === undefined || item === null) continue;
        w.start(entry, XML_NS.arrays);
        w.start('Key', XML_NS.arrays);
        w.text(key);
        w.end();
        w.start('Value', XML_NS.arrays);
        writeContent(w, item, type.value, XML_NS.arrays, `${path}[${JSON.stringify(key)}]`);
        w.end();
        w.end();
      }
      return;
    }
    case 'object':
      return writeMembers(w, value, type.type, path);
  }
}

interface OpenElement {
  readonly qname: string;
  /** Namespace bindings made on this element: prefix ('' for the default) to namespace. */
  readonly bindings: Map<string, string>;
  /** The default-namespace declaration XmlWriter adds when it closes the start tag. */
  readonly implied: string;
  /** Whether the start tag is still open (no content written yet). */
  open: boolean;
}

/**
 * The part of .NET's XmlWellFormedWriter + XmlWriterDelegator that decides the bytes: prefix lookup
 * through the bindings in scope, `d{depth}p{n}` prefixes for namespaces DataContractSerializer
 * declares, explicit attributes before the implied xmlns, and the short `<X />` form for an element
 * with no content.
 */
class XmlOut {
  out = '';
  private readonly stack: OpenElement[] = [];
  /** XmlWriterDelegator.prefixes: reset to 1 on every start element. */
  private prefixes = 1;

  start(local: string, ns: string): void {
    this.closeStartTag();
    const prefix = this.lookupPrefix(ns);
    const bindings = new Map<string, string>();
    let implied = '';
    if (prefix === undefined) {
      bindings.set('', ns);
      implied = ` xmlns="${ns}"`;
    }
    const qname = prefix ? `${prefix}:${local}` : local;
    this.stack.push({ qname, bindings, implied, open: true });
    this.prefixes = 1;
    this.out += `<${qname}`;
  }

  /** XmlWriterDelegator.WriteNamespaceDecl: a new dNpM prefix unless the namespace is bound already. */
  declare(ns: string): void {
    if (this.lookupPrefix(ns) !== undefined) return;
    const prefix = `d${this.stack.length}p${this.prefixes++}`;
    this.attribute(`xmlns:${prefix}="${ns}"`, prefix, ns);
  }

  attribute(text: string, prefix?: string, ns?: string): void {
    const top = this.top();
    if (prefix !== undefined && ns !== undefined) top.bindings.set(prefix, ns);
    this.out += ` ${text}`;
  }

  nil(): void {
    this.attribute(`${this.lookupPrefix(XML_NS.instance) ?? 'i'}:nil="true"`);
  }

  text(value: string): void {
    if (value === '') return;
    this.closeStartTag();
    this.out += escapeText(value);
  }

  end(): void {
    const element = this.top();
    if (element.open) this.out += `${element.implied} />`;
    else this.out += `</${element.qname}>`;
    this.stack.pop();
  }

  private closeStartTag(): void {
    const element = this.stack[this.stack.length - 1];
    if (element?.open) {
      this.out += `${element.implied}>`;
      element.open = false;
    }
  }

  private top(): OpenElement {
    const element = this.stack[this.stack.length - 1];
    if (!element) throw new Error('XmlOut: no open element');
    return element;
  }

  /** XmlWriter.LookupPrefix: the innermost prefix bound to `ns` that no inner binding hides. */
  private lookupPrefix(ns: string): string | undefined {
    const hidden = new Set<string>();
    for (let i = this.stack.length - 1; i >= 0; i--) {
      for (const [prefix, uri] of this.stack[i]!.bindings) {
        if (uri === ns && !hidden.has(prefix)) return prefix;
      }
      for (const prefix of this.stack[i]!.bindings.keys()) hidden.add(prefix);
    }
    return undefined;
  }
}

/** Characters XML 1.0 cannot carry at all, not even as character references. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu');
const NEEDS_ESCAPE = /[&<>\r]/;

/**
 * XmlWriter's text escaping: `&`, `<` and `>` as entities. A carriage return is written as `&#xD;`
 * (XmlWriter's NewLineHandling.Entitize) so that it survives the reader's line-end normalisation;
 * line feeds and tabs are written as they are. Characters XML 1.0 cannot represent (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF), on which .NET's XmlWriter throws, become U+FFFD.
 */
export function escapeText(value: string): string {
  const valid = NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHARS, '\uFFFD') : value;
  if (!NEEDS_ESCAPE.test(valid)) return valid;
  return valid.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#xD;');
}
