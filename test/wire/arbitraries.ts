import fc from 'fast-check';
import type { WireObject, WireType } from '../../src/spec/wire-type.js';

/**
 * fast-check arbitraries derived from a WireObject, so generated DTOs follow the spec: every
 * value-type member present (as ServiceStack always writes them), reference members present or
 * absent (absent is how a null travels), enums from their members, Int32 in range.
 */

export interface DtoArbitraryOptions {
  /** Strings for string members, list items, dictionary keys and values. */
  readonly string?: fc.Arbitrary<string>;
  /** Longest generated list or dictionary. */
  readonly maxItems?: number;
}

/** Characters every format must carry verbatim, plus the ones each format treats specially. */
const HOSTILE_PIECES = [
  '"', '""', ',', ':', '{', '}', '[', ']', '\r', '\n', '\r\n', ' ', '  ', '\t', '<', '>', '&', '&amp;', ']]>',
  "'", '\\', '/', '=', '_', 'é', 'ß', '中文', '😀', '𝄞', '👩‍👩‍👧', '\u00a0', '\u0085', '\u2028', '\u2029', '\ufeff',
  'True', 'null', '{a:1}', '[x]', '"quoted"', ' leading', 'trailing ', 'https://url.com', '0', '-1',
];

/** Any Unicode text (no lone surrogates: they are not text and no format can send them). */
const anyText = fc
  .oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary-ascii', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }))
  .map((s) => s.replace(/[\uD800-\uDFFF]/gu, ''));

/** Hostile strings: structural characters of every format, line breaks, edge spaces, tabs, emoji, empty. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), anyText), { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: anyText },
);

/** XML 1.0 cannot carry most C0 controls, U+FFFE or U+FFFF at all (.NET's XmlWriter throws on them). */
const NOT_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export const xmlSafeString: fc.Arbitrary<string> = hostileString.map((s) => s.replace(NOT_XML_CHARS, ''));

export function dtoArbitrary(type: WireObject, options: DtoArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const string = options.string ?? hostileString;
  const maxItems = options.maxItems ?? 3;

  const valueOf = (t: WireType): fc.Arbitrary<unknown> => {
    switch (t.kind) {
      case 'string':
        return string;
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: -2147483648, max: 2147483647 });
      case 'number':
        // -0 and 0 are one value on every wire.
        return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
      case 'enum':
        return fc.constantFrom(...t.members);
      case 'list':
        return fc.array(valueOf(t.item), { maxLength: maxItems });
      case 'dictionary':
        return fc.array(fc.tuple(string, valueOf(t.value)), { maxLength: maxItems }).map((entries) => {
          const out: Record<string, unknown> = {};
          // defineProperty, so that a generated "__proto__" key is an ordinary entry.
          for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
          return out;
        });
      case 'object':
        return objectOf(t.type);
    }
  };

  const objectOf = (o: WireObject): fc.Arbitrary<Record<string, unknown>> => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of o.properties) model[p.name] = valueOf(p.type);
    const requiredKeys = o.properties.filter((p) => p.valueType).map((p) => p.name);
    return fc.record(model, { requiredKeys, noNullPrototype: true }) as fc.Arbitrary<Record<string, unknown>>;
  };

  return objectOf(type);
}
