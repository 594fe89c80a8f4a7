import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonCodec } from '../../src/wire/json-codec.js';
import { WireParseError } from '../../src/wire/codec.js';
import type { WireObject } from '../../src/spec/wire-type.js';
import { ErrorResponse, ListResponseOfSessionInfo, SessionInfo, SessionLogInfo, SessionMemberInfo, operation } from './model.js';
import { jsonSample } from './samples.js';

const DEFAULTS =
  '"dialState":"None","callState":"Disconnected","queueState":"None","channel":"Voice","ended":false,"holdReason":"None","direction":"Incoming","wasMissed":false';

describe('JSON writer: ServiceStack.Text bytes', () => {
  const cases: Array<[string, WireObject, unknown, string]> = [
    ['an empty DTO without value types is {}', SessionLogInfo, {}, '{}'],
    ['value types are always written, at their default when missing', SessionInfo, {}, `{${DEFAULTS}}`],
    ['nulls are left out', SessionLogInfo, { date: null, message: 'm' }, '{"message":"m"}'],
    ['own members come before base members', SessionInfo, { id: 'S1', accountId: 'A1' }, `{"dialState":"None","callState":"Disconnected","queueState":"None","accountId":"A1","channel":"Voice","ended":false,"holdReason":"None","direction":"Incoming","wasMissed":false,"id":"S1"}`],
    ['empty lists are written', ErrorResponse, { responseStatus: { errorCode: 'NotFound', message: 'Session not found', errors: [] } }, '{"responseStatus":{"errorCode":"NotFound","message":"Session not found","errors":[]}}'],
    ['null dictionary entries are skipped', SessionMemberInfo, { applicationData: { a: null, b: 'x' } }, '{"isOriginalMember":false,"applicationData":{"b":"x"},"callState":"None","role":"None","muted":false}'],
    ['integers and booleans unquoted', ListResponseOfSessionInfo, { items: [], totalCount: 25, totalPages: -1, hasMorePages: true }, '{"items":[],"totalCount":25,"totalPages":-1,"hasMorePages":true}'],
  ];
  for (const [name, type, value, expected] of cases) {
    it(name, () => assert.equal(jsonCodec.stringify(value, type), expected));
  }

  const strings: Array<[string, string, string]> = [
    ['plain text verbatim', 'Hello, world: {x} [y]', '"Hello, world: {x} [y]"'],
    ['quote and backslash escaped', 'a"b\\c', '"a\\"b\\\\c"'],
    ['short escapes for line breaks and tabs', '\n\r\t\f\b', '"\\n\\r\\t\\f\\b"'],
    ['other C0 controls as upper-case \\u', '\u0001\u001f', '"\\u0001\\u001F"'],
    ['DEL and C1 controls as \\u (char.IsControl)', '\u007f\u0085', '"\\u007F\\u0085"'],
    ['non-ASCII verbatim', 'é中😀\u2028', '"é中😀\u2028"'],
    ['HTML characters verbatim (EscapeHtmlChars is off)', '</script>&\'=', '"</script>&\'="'],
    ['empty string', '', '""'],
  ];
  for (const [name, value, expected] of strings) {
    it(`strings: ${name}`, () => assert.equal(jsonCodec.stringify({ message: value }, SessionLogInfo), `{"message":${expected}}`));
  }

  it('refuses to write a value that does not fit its type, naming the member', () => {
    assert.throws(() => jsonCodec.stringify({ ended: 'yes' }, SessionInfo), /Cannot write 'ended': expected a boolean/);
    assert.throws(() => jsonCodec.stringify({ role: 'Boss' }, SessionMemberInfo), /expected a SessionMemberRoles member/);
  });
});

describe('JSON reader: as lenient as ServiceStack.Text', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['names in any case', '{"DisplayName":"x","ENDED":true}', { displayName: 'x', ended: true }],
    ['unknown members ignored', '{"nope":{"deep":[1,2]},"outcome":"ok"}', { outcome: 'ok' }],
    ['null is absent', '{"accountId":null,"log":null}', {}],
    ['bool from a string or a number', '{"ended":"True","wasMissed":1}', { ended: true, wasMissed: true }],
    ['enum in any case or by position', '{"direction":"outgoing","channel":2}', { direction: 'Outgoing', channel: 'Fax' }],
    ['a number for a string member', '{"outcome":42}', { outcome: '42' }],
    ['null list items dropped', '{"log":[null,{"message":"m"}]}', { log: [{ message: 'm' }] }],
    ['whitespace around the body', '  {"outcome":" x "}\n', { outcome: ' x ' }],
    ['a JSON null body is the empty DTO', 'null', {}],
  ];
  const base = JSON.parse(`{${DEFAULTS}}`) as Record<string, unknown>;
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepStrictEqual(jsonCodec.parse(text, SessionInfo), { ...base, ...expected }));
  }

  it('reads Int32 from a string and refuses a fraction', () => {
    assert.equal(jsonCodec.parse('{"totalCount":"25"}', ListResponseOfSessionInfo)['totalCount'], 25);
    assert.throws(() => jsonCodec.parse('{"totalCount":1.5}', ListResponseOfSessionInfo), /'1\.5' is not a valid Int32 for 'totalCount'/);
  });

  const refused: Array<[string, string, RegExp, string | undefined]> = [
    ['malformed JSON', '{"outcome":', /not valid JSON/, undefined],
    ['a body that is not an object', '[1,2]', /expected a SessionInfo object, got an array/, undefined],
    ['a bad boolean, naming the field', '{"ended":"maybe"}', /'maybe' is not a valid Boolean for 'ended'/, 'Ended'],
    ['an object where a list belongs', '{"members":{}}', /'members': expected an array/, 'Members'],
    ['a bad enum deep inside, with its path', '{"members":[{"role":"Boss"}]}', /'Boss' is not a valid SessionMemberRoles for 'members\[0\]\.role'/, 'Members'],
    ['an object where a string belongs', '{"outcome":{"a":1}}', /'outcome': expected a string, got an object/, 'Outcome'],
  ];
  for (const [name, text, message, field] of refused) {
    it(`refuses ${name} with a WireParseError`, () => {
      assert.throws(
        () => jsonCodec.parse(text, SessionInfo),
        (e: unknown) => e instanceof WireParseError && e.format === 'json' && message.test(e.message) && e.fieldName === field,
      );
    });
  }

  it('refuses nesting deeper than the limit without recursing into it', () => {
    const deep = `{"nope":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    assert.throws(() => jsonCodec.parse(deep, SessionInfo), (e: unknown) => e instanceof WireParseError && /nested deeper than 64/.test(e.message));
  });

  it('keeps a "__proto__" dictionary key as an ordinary entry', () => {
    const member = jsonCodec.parse('{"applicationData":{"__proto__":"x"}}', SessionMemberInfo);
    const data = member['applicationData'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(data), ['__proto__']);
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
  });
});

describe('JSON: the ListSessions page sample', () => {
  it('parses, and writes back exactly the same bytes', () => {
    const sample = jsonSample('ListSessions');
    assert.ok(sample.startsWith('{"items":[{"dialState":"None"'));
    const type = operation('ListSessions').responseType;
    assert.equal(jsonCodec.stringify(jsonCodec.parse(sample, type), type), sample);
  });
});
