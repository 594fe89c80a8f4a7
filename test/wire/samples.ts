import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The literal sample bodies of the DTO pages, in the compact form a real server sends. */

const page = (operation: string) =>
  readFileSync(fileURLToPath(new URL(`../../spec/sources/${operation}.txt`, import.meta.url)), 'utf8');

/** The JSON response sample, as given (it is already compact). */
export function jsonSample(operation: string): string {
  const text = page(operation);
  const start = text.lastIndexOf('\n{"');
  return text.slice(start + 1).trim();
}

/** An XML sample with inter-element whitespace removed and the declaration XmlWriter adds. */
export function xmlSample(operation: string, root: string): string {
  const text = page(operation);
  const end = text.lastIndexOf(`</${root}>`) + root.length + 3;
  const start = text.lastIndexOf(`<${root} `, end);
  return `<?xml version="1.0" encoding="utf-8"?>${text.slice(start, end).replace(/>\s+</g, '><')}`;
}

/**
 * The JSV sample compacted: the pages show TypeSerializer's Dump() form (a line break and tabs
 * after `{ [ ,`, a space after each name's ':'), collapsed by HTML; the wire form has no whitespace
 * next to structural characters. The placeholders hold no spaces of their own.
 */
export function jsvSample(operation: string): string {
  const text = page(operation);
  const body = text.slice(text.lastIndexOf('Content-Length: length') + 'Content-Length: length'.length).trim();
  return body.replace(/\s*([{}[\],:])\s*/g, '$1');
}
