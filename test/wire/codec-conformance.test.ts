import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { WireParseError, type Codec } from '../../src/wire/codec.js';
import { createJsonCodec } from '../../src/wire/json-codec.js';
import { createJsvCodec } from '../../src/wire/jsv-codec.js';
import { createXmlCodec } from '../../src/wire/xml-codec.js';
import type { WireObject, WireType } from '../../src/spec/wire-type.js';
import { dtoArbitrary, hostileString, xmlSafeString } from './arbitraries.js';
import { ListResponseOfSessionInfo, SessionInfo, model } from './model.js';
import { Scalars } from './fixtures/scalars.js';

/**
 * One suite, every codec: for any DTO value the spec allows, parse(stringify(x)) is x.
 * The few values a format cannot carry are excluded by name, with the reason, below.
 */

const codecs = defaultCodecs.all;

/** Each codec made with a read limit of its own, for the limit tests; a codec added to the defaults is added here. */
const limited: Readonly<Record<string, (limits: { maxLength: number }) => Codec>> = { json: createJsonCodec, jsv: createJsvCodec, xml: createXmlCodec };

/** Every DTO of the spec, plus a hand-built one with the scalar kinds the spec lacks. */
const types: readonly WireObject[] = [...model.types.values(), model.errorResponse, Scalars].filter((t, i, all) => all.indexOf(t) === i);

/** .NET's char.IsWhiteSpace. */
const CLR_WHITESPACE = /^[\s\u0085]+$/u;
const isClrWhitespace = (s: string) => CLR_WHITESPACE.test(s.replaceAll('\ufeff', 'x'));

/**
 * JSV: TypeSerializer writes the list [" "] as `[ ]`, which its own parser (StripList) reads as an
 * empty list. We reproduce both sides faithfully, so a list holding one whitespace-only string is
 * the one JSV value that does not round-trip, in ServiceStack as here.
 */
function hasJsvWhitespaceSingleton(value: unknown, type: WireType): boolean {
  if (value === undefined || value === null) return false;
  switch (type.kind) {
    case 'list': {
      const items = value as unknown[];
      if (type.item.kind === 'string' && items.length === 1 && typeof items[0] === 'string' && items[0] !== '' && isClrWhitespace(items[0])) return true;
      return items.some((item) => hasJsvWhitespaceSingleton(item, type.item));
    }
    case 'dictionary':
      return Object.values(value as Record<string, unknown>).some((v) => hasJsvWhitespaceSingleton(v, type.value));
    case 'object':
      return type.type.properties.some((p) => hasJsvWhitespaceSingleton((value as Record<string, unknown>)[p.name], p.type));
    default:
      return false;
  }
}

function arbitraryFor(codec: Codec, type: WireObject) {
  // XML 1.0 cannot carry most control characters at all; the XML tests check what happens to them.
  const arb = dtoArbitrary(type, { string: codec.format === 'xml' ? xmlSafeString : hostileString });
  if (codec.format !== 'jsv') return arb;
  return arb.filter((x) => !hasJsvWhitespaceSingleton(x, { kind: 'object', type }));
}

for (const codec of codecs) {
  describe(`${codec.format} codec conformance`, () => {
    for (const type of types) {
      it(`round-trips any ${type.name}: parse(stringify(x)) equals x`, () => {
        fc.assert(
          fc.property(arbitraryFor(codec, type), (value) => {
            assert.deepStrictEqual(codec.parse(codec.stringify(value, type), type), value);
          }),
          { numRuns: type === ListResponseOfSessionInfo || type.name.endsWith('SessionsResponse') ? 40 : 100 },
        );
      });
    }

    it('keeps every hostile string verbatim in a string member', () => {
      const strings = codec.format === 'xml' ? xmlSafeString : hostileString;
      fc.assert(
        fc.property(strings, (s) => {
          const value = { ...emptySessionInfo(), displayName: s, members: [{ ...emptyMember(), applicationData: { [s]: s } }] };
          const back = codec.parse(codec.stringify(value, SessionInfo), SessionInfo);
          assert.equal(back['displayName'], s);
          assert.deepStrictEqual((back['members'] as Array<Record<string, unknown>>)[0]!['applicationData'], { [s]: s });
        }),
        { numRuns: 300 },
      );
    });

    it('writes missing value types at their default and reads them back', () => {
      const back = codec.parse(codec.stringify({}, SessionInfo), SessionInfo);
      assert.deepStrictEqual(back, emptySessionInfo());
    });

    it('treats explicit nulls like absent members', () => {
      const withNulls = { ...emptySessionInfo(), accountId: null, log: null, members: [{ ...emptyMember(), avatarUrl: null }] };
      const back = codec.parse(codec.stringify(withNulls, SessionInfo), SessionInfo);
      assert.deepStrictEqual(back, { ...emptySessionInfo(), members: [emptyMember()] });
    });

    it('reads an empty body as the empty DTO', () => {
      assert.deepStrictEqual(codec.parse('', SessionInfo), emptySessionInfo());
    });

    it('ignores a byte-order mark before the body', () => {
      const text = codec.stringify({ outcome: 'x' }, SessionInfo);
      assert.deepStrictEqual(codec.parse(`\ufeff${text}`, SessionInfo), codec.parse(text, SessionInfo));
    });

    it('refuses a body over its size limit with a WireParseError that says the limit', () => {
      const make = limited[codec.format];
      assert.ok(make, `no way to make the ${codec.format} codec with a size limit: add it to \`limited\``);
      const body = codec.stringify({ outcome: 'x'.repeat(200) }, SessionInfo);
      assert.throws(() => make({ maxLength: 100 }).parse(body, SessionInfo), (e: unknown) => e instanceof WireParseError && e.format === codec.format && /at most 100 are accepted/.test(e.message));
    });

    it('names its content type', () => {
      assert.equal(codec.contentType, { json: 'application/json; charset=utf-8', xml: 'application/xml', jsv: 'application/jsv' }[codec.format]);
    });
  });
}

function emptySessionInfo(): Record<string, unknown> {
  return {
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    channel: 'Voice',
    ended: false,
    holdReason: 'None',
    direction: 'Incoming',
    wasMissed: false,
  };
}

function emptyMember(): Record<string, unknown> {
  return { isOriginalMember: false, callState: 'None', role: 'None', muted: false };
}
