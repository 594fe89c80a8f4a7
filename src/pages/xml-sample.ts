import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PageParseError, type XmlNode } from './page-model.js';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
});

/**
 * Reads a sample XML body into elements with resolved namespaces, which is what the samples are
 * evidence of: root names, the namespace of each type and of each member, list item names, and the
 * dNp1 prefixes.
 */
export function parseXmlSample(text: string): XmlNode {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new PageParseError(`the XML sample does not parse: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  }
  let doc: OrderedNode[];
  try {
    doc = parser.parse(text) as OrderedNode[];
  } catch (err) {
    throw new PageParseError(`the XML sample does not parse: ${err instanceof Error ? err.message : String(err)}`);
  }
  const roots = doc.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new PageParseError(`the XML sample has ${roots.length} root elements, expected 1`);
  return toNode(roots[0]!, {});
}

function elementName(n: OrderedNode): string | undefined {
  return Object.keys(n).find((k) => k !== ':@' && k !== '#text' && !k.startsWith('?'));
}

function toNode(n: OrderedNode, scope: Readonly<Record<string, string>>): XmlNode {
  const qname = elementName(n)!;
  const attrs = n[':@'] ?? {};
  const declarations: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns') declarations[''] = v;
    else if (k.startsWith('xmlns:')) declarations[k.slice(6)] = v;
  }
  const inScope = { ...scope, ...declarations };
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : undefined;
  const name = colon >= 0 ? qname.slice(colon + 1) : qname;
  const namespace = inScope[prefix ?? ''];
  if (namespace === undefined && prefix !== undefined) {
    throw new PageParseError(`the XML sample uses the undeclared prefix '${prefix}' on <${qname}>`);
  }
  const content = (n[qname] ?? []) as OrderedNode[];
  const children = content.filter((c) => elementName(c) !== undefined).map((c) => toNode(c, inScope));
  const texts = content.filter((c) => '#text' in c).map((c) => String(c['#text']));
  return {
    name,
    ...(prefix !== undefined ? { prefix } : {}),
    namespace: namespace ?? '',
    declarations,
    children,
    ...(texts.length ? { text: texts.join('') } : {}),
  };
}
