import type { Codec } from '../../wire/codec.js';
import { fail, pass, type CheckResult } from '../check-result.js';
import type { Observation } from '../observation.js';

/**
 * The answer must be labelled with the negotiated format's type (ServiceStack appends a charset to JSON
 * only), and the label must describe the bytes: a body that looks like another format is named as such.
 */
export function checkContentType(obs: Observation, codec: Codec): CheckResult | undefined {
  const { contentType, text } = obs.response;
  if (text.trim() === '' && obs.response.status !== 200) return undefined;
  const expected = mediaType(codec.contentType);
  const actual = mediaType(contentType);
  const looks = sniff(text);
  if (actual !== expected) {
    const body = looks && looks !== codec.format ? ` (the body looks like ${looks.toUpperCase()})` : '';
    return fail('content-type', `asked for ${codec.format.toUpperCase()}, got Content-Type '${contentType || '(none)'}', expected ${expected}${body}`);
  }
  const charset = /;\s*charset=([^;]+)/i.exec(contentType)?.[1]?.trim().replace(/"/g, '');
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') return fail('content-type', `charset is ${charset}, ServiceStack writes utf-8`);
  if (looks !== undefined && looks !== codec.format) {
    return fail('content-type', `Content-Type says ${actual} but the body looks like ${looks.toUpperCase()}`);
  }
  return pass('content-type', contentType);
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * A guess good enough to tell the three formats apart: XML starts with '<'; JSON objects have quoted
 * keys; JSV objects have bare keys. Anything else is left undecided.
 */
export function sniff(text: string): 'json' | 'xml' | 'jsv' | undefined {
  const t = text.trimStart();
  if (t.startsWith('<')) return 'xml';
  if (/^\{\s*"/.test(t)) return 'json';
  if (/^\{[A-Za-z_]/.test(t)) return 'jsv';
  return undefined;
}
