import { compactJsv, parseJsvSample } from './jsv-sample.js';
import { PageParseError, type PageSample, type SampleFormat } from './page-model.js';
import { parseXmlSample } from './xml-sample.js';

const REQUEST_START = /(?:^|\s)((GET|POST|PUT|PATCH|DELETE) (\/\S*) HTTP\/1\.1)/g;
const RESPONSE_START = /HTTP\/1\.1 (\d{3})\b/g;

/**
 * Finds the sample HTTP messages at the foot of a page (both the multi-line rendering and the one
 * where each message is run together on one line) and reads their bodies.
 */
export function parseSampleBodies(text: string): PageSample[] {
  const marker = text.indexOf('The following are sample HTTP requests');
  const from = marker >= 0 ? marker : 0;
  const starts: Array<{ at: number; role: 'request' | 'response'; verb?: string; path?: string }> = [];
  for (const m of text.slice(from).matchAll(REQUEST_START)) {
    starts.push({ at: from + m.index + m[0].indexOf(m[1]!), role: 'request', verb: m[2]!, path: m[3]! });
  }
  for (const m of text.slice(from).matchAll(RESPONSE_START)) {
    // A request line ("GET /x HTTP/1.1 Host: ...") never has a status code after HTTP/1.1.
    starts.push({ at: from + m.index, role: 'response' });
  }
  starts.sort((a, b) => a.at - b.at);
  const samples: PageSample[] = [];
  starts.forEach((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.at : text.length;
    const message = text.slice(start.at, end);
    const sample = readMessage(message, start.role, start.verb, start.path);
    if (sample) samples.push(sample);
  });
  return samples;
}

function readMessage(message: string, role: 'request' | 'response', verb?: string, path?: string): PageSample | undefined {
  const length = /Content-Length:\s*\S+/.exec(message);
  if (!length) return undefined;
  const raw = message.slice(length.index + length[0].length).trim();
  if (raw === '') return undefined;
  const contentType = /Content-Type:\s*([^\s;]+)/.exec(message)?.[1] ?? '';
  const format = formatOf(contentType, raw);
  const base = { role, ...(verb ? { verb } : {}), ...(path ? { path } : {}), contentType, raw };
  switch (format) {
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (err) {
        throw new PageParseError(`the JSON sample does not parse: ${err instanceof Error ? err.message : String(err)}`);
      }
      return { ...base, format, wire: JSON.stringify(value), value };
    }
    case 'jsv': {
      const wire = compactJsv(raw);
      return { ...base, format, wire, value: parseJsvSample(wire) };
    }
    case 'xml': {
      const xml = parseXmlSample(raw);
      const compact = raw.replace(/>\s+</g, '><');
      return { ...base, format, wire: `<?xml version="1.0" encoding="utf-8"?>${compact}`, xml };
    }
  }
}

function formatOf(contentType: string, body: string): SampleFormat {
  if (/xml/i.test(contentType)) return 'xml';
  if (/jsv/i.test(contentType)) return 'jsv';
  if (/json/i.test(contentType)) return 'json';
  if (body.startsWith('<')) return 'xml';
  try {
    JSON.parse(body);
    return 'json';
  } catch {
    return 'jsv';
  }
}
