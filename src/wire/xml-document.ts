import { SaxesParser, type SaxesTagNS } from 'saxes';
import { WireParseError } from './codec.js';

/**
 * Reads XML text into a small element tree, safely: saxes checks well-formedness (XML 1.0) and
 * resolves namespaces; any DOCTYPE is refused, so there are no DTDs, no entity declarations, no
 * external entities (XXE) and no entity expansion; only the five predefined entities and character
 * references are understood. Size and depth are bounded. Text is kept verbatim (no trimming).
 */

export interface XmlElement {
  /** Local name, e.g. `string` for `<d2p1:string>`. */
  readonly local: string;
  /** Namespace URI the element resolves to ('' when none). */
  readonly ns: string;
  /** Attributes by `{namespace}local`, e.g. `{http://www.w3.org/2001/XMLSchema-instance}nil`. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Child elements and text (CDATA included), in document order; comments and PIs dropped. */
  readonly children: Array<XmlElement | string>;
}

export interface XmlReadOptions {
  /** Longest document read, in characters. ServiceStack's own reader stops at 1 MiB. */
  readonly maxLength?: number;
  /** Deepest element nesting accepted. */
  readonly maxDepth?: number;
}

export const DEFAULT_XML_MAX_LENGTH = 16 * 1024 * 1024;
export const DEFAULT_XML_MAX_DEPTH = 64;

export function parseXmlDocument(text: string, options: XmlReadOptions = {}): XmlElement {
  const maxLength = options.maxLength ?? DEFAULT_XML_MAX_LENGTH;
  const maxDepth = options.maxDepth ?? DEFAULT_XML_MAX_DEPTH;
  if (text.length > maxLength) {
    throw new WireParseError(`The XML body is ${text.length} characters long; at most ${maxLength} are accepted.`, 'xml');
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;

  parser.on('doctype', () => {
    throw new WireParseError(
      'The XML body has a DOCTYPE: DTDs and entity declarations are not accepted. Send the document without it.',
      'xml',
    );
  });
  parser.on('opentag', (tag) => {
    if (open.length >= maxDepth) {
      throw new WireParseError(`The XML body is nested deeper than ${maxDepth} elements.`, 'xml');
    }
    const element: XmlElement = {
      local: tag.local,
      ns: tag.uri,
      attributes: attributesOf(tag),
      children: [],
    };
    const parent = open[open.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    open.push(element);
  });
  parser.on('closetag', () => {
    open.pop();
  });
  const addText = (value: string) => {
    open[open.length - 1]?.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    throw new WireParseError(`The body is not well-formed XML: ${error.message}`, 'xml');
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof WireParseError) throw error;
    throw new WireParseError(`The body is not well-formed XML: ${(error as Error).message}`, 'xml');
  }
  if (!root) throw new WireParseError('The XML body has no root element.', 'xml');
  return root;
}

function attributesOf(tag: SaxesTagNS): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const attribute of Object.values(tag.attributes)) {
    out.set(`{${attribute.uri}}${attribute.local}`, attribute.value);
  }
  return out;
}

/** The text content of an element made only of text; undefined when it holds child elements. */
export function textOf(element: XmlElement): string | undefined {
  let text = '';
  for (const child of element.children) {
    if (typeof child !== 'string') return undefined;
    text += child;
  }
  return text;
}
