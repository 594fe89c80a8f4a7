import { atStep, defaultOf, isRecord, itemStep, keyStep, memberStep, writeError, wrongValue } from './canonical.js';
import { flatten, fragmentCache, MIN_CACHED_FRAGMENT } from './fragment-cache.js';
import { formatDouble } from './scalar-text.js';
import { XML_NS, type WireObject, type WireProperty, type WireType } from '../spec/wire-type.js';
import { childNamespaceToDeclare, itemName, keyValueName, type XmlName } from './xml-names.js';

/**
 * Writes a DTO as ServiceStack does for XML: DataContractSerializer over an XmlWriter with UTF-8,
 * the declaration, and no indentation. The body is built by hand rather than with an XML builder
 * because the bytes must match .NET's: the dNpM prefixes numbered by depth, the attribute order
 * (explicit xmlns:dNpM and i:nil first, the implied default xmlns last), `<X />` with its space.
 *
 * Members are written in WireObject.xmlOrder; null reference members as `<X i:nil="true" />`;
 * value types always; booleans lower-case; enums by name; an empty string or list as `<X />`.
 *
 * A deep-frozen document, or the deep-frozen items of the lists of a document built per request (a
 * page of stored sessions), go through the fragment cache (fragment-cache.ts). An item's bytes depend
 * on where it is written (its depth numbers the dNpM prefixes; the bindings above it decide which
 * prefix a namespace gets), so its cache context is its depth and every binding in scope.
 */
export function writeXml(value: unknown, type: WireObject): string {
  allFrozen = true;
  try {
    if (!fragmentCache.enabled || !isRecord(value) || !Object.isFrozen(value)) return writeDocument(value, type, true);
    const hit = fragmentCache.get(value, type, 'xml', DOCUMENT);
    if (hit !== undefined) return hit;
    const text = writeDocument(value, type, false);
    return allFrozen && text.length >= MIN_CACHED_FRAGMENT ? fragmentCache.offer(value, type, 'xml', DOCUMENT, text) : text;
  } catch (err) {
    throw writeError(err);
  }
}

/**
 * writeXml's bytes in pieces of about `chunkChars`, for an answer streamed to the client: the
 * document's own lists are cut between items. The document itself is never a cache candidate here:
 * one large enough to stream is built per request.
 */
export function* writeXmlChunks(value: unknown, type: WireObject, chunkChars: number): Generator<string, void, undefined> {
  if (!isRecord(value)) {
    yield writeXml(value, type);
    return;
  }
  try {
    const w = startDocument(type);
    const plan = planOf(type);
    let from = 0;
    for (let i = 0; i < plan.length; i++) {
      const m = plan[i]!;
      const list = value[m.prop.name];
      if (m.prop.type.kind !== 'list' || !Array.isArray(list)) continue;
      writeMemberRange(w, value, plan, from, i, true);
      startMember(w, m);
      try {
        for (let at = 0; at < list.length; at += ITEMS_PER_STEP) {
          writeList(w, list, m.prop.type.item, m.prop.xmlNamespace, true, at, Math.min(at + ITEMS_PER_STEP, list.length));
          if (w.out.length >= chunkChars) {
            yield w.out;
            w.out = '';
          }
        }
      } catch (err) {
        atStep(err, m.step);
      }
      w.end();
      from = i + 1;
    }
    writeMemberRange(w, value, plan, from, plan.length, true);
    w.end();
    yield w.out;
  } catch (err) {
    throw writeError(err);
  }
}

/** How many list items are written between looks at the chunk's length. */
const ITEMS_PER_STEP = 8;

/** The cache context of a whole document; an item's context starts with its depth, a digit. */
const DOCUMENT = 'document';
const I_NIL = ' i:nil="true"';

/** False once the fragment being written turned out to hold something that is not frozen. */
let allFrozen = true;

function writeDocument(value: unknown, type: WireObject, candidates: boolean): string {
  const w = startDocument(type);
  writeMembers(w, value, type, candidates);
  w.end();
  return w.out;
}

/** The declaration and the root element's start, which declares the `i:` (XMLSchema-instance) prefix. */
function startDocument(type: WireObject): XmlOut {
  const w = new XmlOut();
  w.out = '<?xml version="1.0" encoding="utf-8"?>';
  w.start(type.xmlName, type.xmlNamespace);
  w.attribute(`xmlns:i="${XML_NS.instance}"`, 'i', XML_NS.instance);
  return w;
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
  /** The CLR default written for a missing value type; undefined for reference types. */
  readonly fallback: unknown;
  readonly step: string;
}

const plans = new WeakMap<WireObject, readonly MemberPlan[]>();

function planOf(type: WireObject): readonly MemberPlan[] {
  let plan = plans.get(type);
  if (!plan) {
    // The declaring type's namespace decides, not the element's: a base member keeps its base's.
    plan = type.xmlOrder.map((prop) => ({
      prop,
      declare: childNamespaceToDeclare(prop.type, prop.xmlNamespace),
      fallback: prop.valueType ? defaultOf(prop.type) : undefined,
      step: memberStep(prop.name),
    }));
    plans.set(type, plan);
  }
  return plan;
}

function writeMembers(w: XmlOut, value: unknown, type: WireObject, candidates: boolean): void {
  if (!isRecord(value)) return wrongValue(`a ${type.name} object`, value);
  if (!Object.isFrozen(value)) allFrozen = false;
  const plan = planOf(type);
  writeMemberRange(w, value, plan, 0, plan.length, candidates);
}

/** Members `from` to `to` (exclusive) of a plan, each an element (a missing reference one `i:nil`). */
function writeMemberRange(w: XmlOut, value: Record<string, unknown>, plan: readonly MemberPlan[], from: number, to: number, candidates: boolean): void {
  for (let i = from; i < to; i++) {
    const m = plan[i]!;
    let member = value[m.prop.name];
    if (member === undefined || member === null) member = m.fallback;
    startMember(w, m);
    try {
      writeContent(w, member, m.prop.type, m.prop.xmlNamespace, candidates);
    } catch (err) {
      atStep(err, m.step);
    }
    w.end();
  }
}

function startMember(w: XmlOut, m: MemberPlan): void {
  w.start(m.prop.clrName, m.prop.xmlNamespace);
  if (m.declare !== undefined) w.declare(m.declare);
}

/** Writes what goes inside an element already started for a value of `type`. */
function writeContent(w: XmlOut, value: unknown, type: WireType, ownerNs: string, candidates: boolean): void {
  if (value === undefined || value === null) {
    w.nil();
    return;
  }
  switch (type.kind) {
    case 'string':
      return typeof value === 'string' ? w.text(value) : wrongValue('a string', value);
    case 'boolean':
      return value === true ? w.raw('true') : value === false ? w.raw('false') : wrongValue('a boolean', value);
    case 'integer':
      return Number.isInteger(value) ? w.raw(String(value)) : wrongValue('an integer', value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? w.raw(formatDouble(value)) : wrongValue('a finite number', value);
    case 'enum':
      return typeof value === 'string' && type.members.includes(value) ? w.raw(value) : wrongValue(`a ${type.name} member`, value);
    case 'list':
      return writeList(w, value, type.item, ownerNs, candidates);
    case 'dictionary': {
      if (!isRecord(value)) return wrongValue('a map', value);
      if (!Object.isFrozen(value)) allFrozen = false;
      const entry = keyValueName(type.value, ownerNs);
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (item === undefined || item === null) continue;
        w.start(entry, XML_NS.arrays);
        w.start('Key', XML_NS.arrays);
        w.text(key);
        w.end();
        w.start('Value', XML_NS.arrays);
        try {
          writeContent(w, item, type.value, XML_NS.arrays, false);
        } catch (err) {
          atStep(err, keyStep(key));
        }
        w.end();
        w.end();
      }
      return;
    }
    case 'object':
      return writeMembers(w, value, type.type, false);
  }
}

/** Items `from` to `to` (exclusive) of a list: all of them unless a streamed document writes it in steps. */
function writeList(w: XmlOut, value: unknown, item: WireType, ownerNs: string, candidates: boolean, from = 0, to?: number): void {
  if (!Array.isArray(value)) return wrongValue('an array', value);
  if (!Object.isFrozen(value)) allFrozen = false;
  const name = cachedItemName(item, ownerNs);
  // Every item of one list is written in the same place, so they share one context.
  const context = candidates && item.kind === 'object' && item.type.xmlOrder.length > 0 && fragmentCache.enabled ? w.context() : undefined;
  const end = to ?? value.length;
  for (let i = from; i < end; i++) {
    // A hole in a sparse array is no item at all (as Array#forEach skips it).
    if (!(i in value)) continue;
    const entry: unknown = value[i];
    try {
      if (context !== undefined && isRecord(entry) && Object.isFrozen(entry)) writeCandidate(w, entry, (item as { type: WireObject }).type, name, context);
      else {
        w.start(name.local, name.ns);
        writeContent(w, entry, item, name.ns, false);
        w.end();
      }
    } catch (err) {
      atStep(err, itemStep(i));
    }
  }
}

/** One list item element, from the cache or written into a string of its own and offered to it. */
function writeCandidate(w: XmlOut, value: Record<string, unknown>, type: WireObject, name: XmlName, context: string): void {
  const hit = fragmentCache.get(value, type, 'xml', context);
  if (hit !== undefined) {
    w.fragment(hit);
    return;
  }
  const outer = allFrozen;
  allFrozen = true;
  const text = w.capture(() => {
    w.start(name.local, name.ns);
    writeMembers(w, value, type, false);
    w.end();
  });
  const frozen = allFrozen;
  allFrozen = outer && frozen;
  // Flat either way: a list of thousands of stored sessions then holds their text, not their ropes.
  w.fragment(frozen && text.length >= MIN_CACHED_FRAGMENT ? fragmentCache.offer(value, type, 'xml', context, text) : flatten(text));
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
    this.out += '<' + this.qnames[d];
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
    const prefix = this.lookupPrefix(XML_NS.instance) ?? 'i';
    this.out += prefix === 'i' ? I_NIL : ` ${prefix}:nil="true"`;
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
    if (this.open[d]) this.out += this.implied[d] + ' />';
    else this.out += '</' + this.qnames[d] + '>';
  }

  /**
   * What the bytes of an element started here depend on besides its value: the depth (dNpM prefixes
   * are numbered by it) and every namespace binding in scope (prefix lookups read them).
   */
  context(): string {
    return `${this.depth}${JSON.stringify(this.bindings.slice(0, this.depth))}`;
  }

  /**
   * The text of whole elements written by `write`, apart from what came before; the enclosing start
   * tag is closed first, as the first child's start() would.
   */
  capture(write: () => void): string {
    this.closeStartTag();
    const before = this.out;
    this.out = '';
    write();
    const text = this.out;
    this.out = before;
    return text;
  }

  /** Whole elements written before in this same context (see context()). */
  fragment(text: string): void {
    this.closeStartTag();
    this.out += text;
  }

  private closeStartTag(): void {
    const d = this.depth - 1;
    if (d >= 0 && this.open[d]) {
      this.out += this.implied[d] + '>';
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
