import { defaultOf, isRecord, wrongValue } from './canonical.js';
import { formatDouble } from './scalar-text.js';
import { XML_NS, type WireObject, type WireProperty, type WireType } from './wire-type.js';
import { childNamespaceToDeclare, itemName, keyValueName, type XmlName } from './xml-names.js';

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

const itemNames = new WeakMap<WireType, Map<string, XmlName>>();

function cachedItemName(item: WireType, ownerNs: string): XmlName {
  let byOwner = itemNames.get(item);
  if (!byOwner) itemNames.set(item, (byOwner = new Map()));
  let name = byOwner.get(ownerNs);
  if (!name) byOwner.set(ownerNs, (name = itemName(item, ownerNs)));
  return name;
}

interface MemberPlan {
  readonly prop: WireProperty;
  /** The namespace the member element declares for its children, if any. */
  readonly declare: string | undefined;
}

const plans = new WeakMap<WireObject, readonly MemberPlan[]>();

function planOf(type: WireObject): readonly MemberPlan[] {
  let plan = plans.get(type);
  if (!plan) {
    // The declaring type's namespace decides, not the element's: a base member keeps its base's.
    plan = type.xmlOrder.map((prop) => ({ prop, declare: childNamespaceToDeclare(prop.type, prop.xmlNamespace) }));
    plans.set(type, plan);
  }
  return plan;
}

function writeMembers(w: XmlOut, value: unknown, type: WireObject, path: string): void {
  if (!isRecord(value)) return wrongValue(path, `a ${type.name} object`, value);
  for (const { prop, declare } of planOf(type)) {
    let member = value[prop.name];
    if ((member === undefined || member === null) && prop.valueType) member = defaultOf(prop.type);
    w.start(prop.clrName, prop.xmlNamespace);
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
      return typeof value === 'boolean' ? w.raw(value ? 'true' : 'false') : wrongValue(path, 'a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? w.raw(String(value)) : wrongValue(path, 'an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? w.raw(formatDouble(value)) : wrongValue(path, 'a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? w.raw(value) : wrongValue(path, `a ${type.name} member`, value);
    case 'list': {
      if (!Array.isArray(value)) return wrongValue(path, 'an array', value);
      const name = cachedItemName(type.item, ownerNs);
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

/**
 * The part of .NET's XmlWellFormedWriter + XmlWriterDelegator that decides the bytes: prefix lookup
 * through the bindings in scope, `d{depth}p{n}` prefixes for namespaces DataContractSerializer
 * declares, explicit attributes before the implied xmlns, and the short `<X />` form for an element
 * with no content. The open elements live in parallel arrays reused across elements: this runs
 * once per member of every DTO written.
 */
class XmlOut {
  out = '';
  private depth = 0;
  private readonly qnames: string[] = [];
  /** The default-namespace declaration XmlWriter adds when it closes the start tag ('' if none). */
  private readonly implied: string[] = [];
  /** Whether the start tag is still open (no content written yet). */
  private readonly open: boolean[] = [];
  /** Namespace bindings made on each element, flat [prefix, uri, ...] ('' is the default prefix). */
  private readonly bindings: Array<string[] | null> = [];
  /** XmlWriterDelegator.prefixes: reset to 1 on every start element. */
  private prefixes = 1;

  start(local: string, ns: string): void {
    this.closeStartTag();
    const prefix = this.lookupPrefix(ns);
    const d = this.depth++;
    if (prefix === undefined) {
      this.bindings[d] = ['', ns];
      this.implied[d] = ` xmlns="${ns}"`;
      this.qnames[d] = local;
    } else {
      this.bindings[d] = null;
      this.implied[d] = '';
      this.qnames[d] = prefix === '' ? local : `${prefix}:${local}`;
    }
    this.open[d] = true;
    this.prefixes = 1;
    this.out += `<${this.qnames[d]}`;
  }

  /** XmlWriterDelegator.WriteNamespaceDecl: a new dNpM prefix unless the namespace is bound already. */
  declare(ns: string): void {
    if (this.lookupPrefix(ns) !== undefined) return;
    const prefix = `d${this.depth}p${this.prefixes++}`;
    this.attribute(`xmlns:${prefix}="${ns}"`, prefix, ns);
  }

  attribute(text: string, prefix?: string, ns?: string): void {
    if (prefix !== undefined && ns !== undefined) {
      const d = this.depth - 1;
      const own = this.bindings[d];
      if (own) own.push(prefix, ns);
      else this.bindings[d] = [prefix, ns];
    }
    this.out += ` ${text}`;
  }

  nil(): void {
    this.attribute(`${this.lookupPrefix(XML_NS.instance) ?? 'i'}:nil="true"`);
  }

  /** Text content, escaped. */
  text(value: string): void {
    if (value === '') return;
    this.closeStartTag();
    this.out += escapeText(value);
  }

  /** Text known to need no escaping (numbers, booleans, enum names). */
  raw(value: string): void {
    this.closeStartTag();
    this.out += value;
  }

  end(): void {
    const d = --this.depth;
    if (this.open[d]) this.out += `${this.implied[d]} />`;
    else this.out += `</${this.qnames[d]}>`;
  }

  private closeStartTag(): void {
    const d = this.depth - 1;
    if (d >= 0 && this.open[d]) {
      this.out += `${this.implied[d]}>`;
      this.open[d] = false;
    }
  }

  /** XmlWriter.LookupPrefix: the innermost prefix bound to `ns` that no inner binding hides. */
  private lookupPrefix(ns: string): string | undefined {
    for (let i = this.depth - 1; i >= 0; i--) {
      const own = this.bindings[i];
      if (!own) continue;
      for (let k = own.length - 2; k >= 0; k -= 2) {
        if (own[k + 1] === ns && !this.hiddenAbove(own[k]!, i)) return own[k];
      }
    }
    return undefined;
  }

  private hiddenAbove(prefix: string, level: number): boolean {
    for (let j = level + 1; j < this.depth; j++) {
      const own = this.bindings[j];
      if (!own) continue;
      for (let k = 0; k < own.length; k += 2) if (own[k] === prefix) return true;
    }
    return false;
  }
}

/** Characters XML 1.0 cannot carry at all, not even as character references. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu');
/** A cheap first look: markup characters, CR, and anything that might be an invalid character. */
const MAYBE_SPECIAL = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_ESCAPE = /[&<>\r]/;

/**
 * XmlWriter's text escaping: `&`, `<` and `>` as entities. A carriage return is written as `&#xD;`
 * (XmlWriter's NewLineHandling.Entitize) so that it survives the reader's line-end normalisation;
 * line feeds and tabs are written as they are. Characters XML 1.0 cannot represent (most C0
 * controls, lone surrogates, U+FFFE/U+FFFF), on which .NET's XmlWriter throws, become U+FFFD.
 */
export function escapeText(value: string): string {
  if (!MAYBE_SPECIAL.test(value)) return value;
  const valid = NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHARS, '\uFFFD') : value;
  if (!NEEDS_ESCAPE.test(valid)) return valid;
  return valid.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\r', '&#xD;');
}
