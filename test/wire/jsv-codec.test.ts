import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createJsvCodec, jsvCodec } from '../../src/wire/jsv-codec.js';
import { WireParseError } from '../../src/wire/codec.js';
import type { WireObject } from '../../src/spec/wire-type.js';
import {
  ErrorResponse,
  GetMySessionsResponse,
  ListResponseOfSessionInfo,
  NewSession,
  SessionInfo,
  SessionLogInfo,
  SessionMemberInfo,
  operation,
} from './model.js';
import { Scalars } from './fixtures/scalars.js';
import { jsvSample } from './samples.js';

const DEFAULTS = 'dialState:None,callState:Disconnected,queueState:None,channel:Voice,ended:False,holdReason:None,direction:Incoming,wasMissed:False';

describe('JSV writer: TypeSerializer bytes', () => {
  const cases: Array<[string, WireObject, unknown, string]> = [
    ['an empty DTO without value types is {}', SessionLogInfo, {}, '{}'],
    ['value types always written; booleans True/False; enums bare', SessionInfo, {}, `{${DEFAULTS}}`],
    ['True capitalised', SessionMemberInfo, { muted: true, isOriginalMember: true }, '{isOriginalMember:True,callState:None,role:None,muted:True}'],
    ['nulls left out', SessionLogInfo, { date: null, message: 'm' }, '{message:m}'],
    ['own members before base members', SessionLogInfo, { message: 'b', date: 'a' }, '{date:a,message:b}'],
    ['empty list', ListResponseOfSessionInfo, { items: [], totalCount: 0, totalPages: 0, hasMorePages: false }, '{items:[],totalCount:0,totalPages:0,hasMorePages:False}'],
    ['negative integer', ListResponseOfSessionInfo, { totalCount: -5 }, '{totalCount:-5,totalPages:0,hasMorePages:False}'],
    ['list of strings, quoted only where needed', Scalars, { count: 0, ratio: 0, tags: ['a@b.c', 'x,y', ''] }, '{count:0,ratio:0,tags:[a@b.c,"x,y",""]}'],
    ['map keys quoted like values; null entries skipped', SessionMemberInfo, { applicationData: { 'k:1': 'v', plain: 'w', gone: null } }, '{isOriginalMember:False,applicationData:{"k:1":v,plain:w},callState:None,role:None,muted:False}'],
    ['nested objects in lists', GetMySessionsResponse, { sessions: [{ id: 'S1' }] }, `{sessions:[{${DEFAULTS},id:S1}]}`],
    ['ResponseStatus in its declared order', ErrorResponse, { responseStatus: { errorCode: 'NotFound', message: 'Session not found', errors: [] } }, '{responseStatus:{errorCode:NotFound,message:Session not found,errors:[]}}'],
    ['doubles in .NET shortest form', Scalars, { count: 1, ratio: 1e21 }, '{count:1,ratio:1E+21}'],
    ['booleans in lists', Scalars, { count: 0, ratio: 0.5, flags: [true, false] }, '{count:0,ratio:0.5,flags:[True,False]}'],
  ];
  for (const [name, type, value, expected] of cases) {
    it(name, () => assert.equal(jsvCodec.stringify(value, type), expected));
  }

  const strings: Array<[string, string, string]> = [
    ['spaces do not force quotes', 'BMW X6', 'BMW X6'],
    ['leading and trailing spaces kept bare', ' lead trail ', ' lead trail '],
    ['tabs kept bare', '\ttab\t', '\ttab\t'],
    ['empty string is ""', '', '""'],
    ['comma forces quotes', 'a,b', '"a,b"'],
    ['colon forces quotes', 'https://url.com', '"https://url.com"'],
    ['quotes are doubled', '2" x 1"', '"2"" x 1"""'],
    ['braces force quotes', '{x}', '"{x}"'],
    ['brackets force quotes', 'a]b', '"a]b"'],
    ['CR forces quotes', 'a\rb', '"a\rb"'],
    ['LF forces quotes', 'a\nb', '"a\nb"'],
    ['apostrophes and backslashes are plain', "it's C:\\", '"it\'s C:\\"'],
    ['backslash alone is plain', 'a\\b', 'a\\b'],
    ['unicode verbatim', 'é中😀', 'é中😀'],
  ];
  for (const [name, value, expected] of strings) {
    it(`strings: ${name}`, () => assert.equal(jsvCodec.stringify({ message: value }, SessionLogInfo), `{message:${expected}}`));
  }
});

describe('JSV reader: as lenient as ServiceStack', () => {
  const base = jsvCodec.parse('{}', SessionInfo);
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['names trimmed, values not', '{ displayName: x ,outcome:y}', { displayName: ' x ', outcome: 'y' }],
    ['names in any case', '{DISPLAYNAME:x,Ended:True}', { displayName: 'x', ended: true }],
    ['lenient booleans', '{ended:true,wasMissed:1}', { ended: true, wasMissed: true }],
    ['enums in any case or by position', '{direction:OUTGOING,channel:1}', { direction: 'Outgoing', channel: 'Chat' }],
    ['unknown members skipped, however nested', '{nope:{a:[1,{b:"}"}]},outcome:ok}', { outcome: 'ok' }],
    ['an empty value is null', '{displayName:,outcome:x}', { outcome: 'x' }],
    ['quoted values with doubled quotes', '{displayName:"say ""hi"", {ok}"}', { displayName: 'say "hi", {ok}' }],
    ['a quote inside a bare value is kept', '{displayName:5" tall}', { displayName: '5" tall' }],
    ['a list item in braces honours quoted braces', '{log:[{message:"}{"},{message:b}]}', { log: [{ message: '}{' }, { message: 'b' }] }],
    ['a trailing comma is tolerated', '{outcome:x,}', { outcome: 'x' }],
    ['whitespace around the body', '\n{outcome:x}\n', { outcome: 'x' }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepStrictEqual(jsvCodec.parse(text, SessionInfo), { ...base, ...expected }));
  }

  it('reads a list given without brackets', () => {
    assert.deepEqual(jsvCodec.parse('{memberEmailAddresses:a@b.c}', NewSession)['memberEmailAddresses'], ['a@b.c']);
  });

  it('reads dictionary keys untrimmed and unquoted', () => {
    const member = jsvCodec.parse('{applicationData:{ a:1,"b:c":"x,y","":e}}', SessionMemberInfo);
    assert.deepStrictEqual(member['applicationData'], { ' a': '1', 'b:c': 'x,y', '': 'e' });
  });

  it('reads the list [" "] as empty, as ServiceStack does (StripList)', () => {
    assert.equal(jsvCodec.stringify({ count: 0, ratio: 0, tags: [' '] }, Scalars), '{count:0,ratio:0,tags:[ ]}');
    assert.deepEqual(jsvCodec.parse('{tags:[ ]}', Scalars)['tags'], []);
  });

  const refused: Array<[string, string, RegExp]> = [
    ['an unterminated quote', '{displayName:"abc}', /unterminated quoted string/],
    ['an unbalanced brace', '{members:[{role:None]}', /unbalanced '\{'|must end with '\]'/],
    ['a missing closing brace', '{displayName:x', /expected a SessionInfo map/],
    ['junk after a quoted value', '{displayName:"a"b}', /expected ',' or '}' after a value/],
    ['a name without a value', '{displayName}', /expected 'name:value'/],
    ['text that is no map', 'hello', /expected a SessionInfo map/],
    ['text after the closing brace', '{outcome:x}junk', /expected a SessionInfo map/],
    ['a stray closing brace inside', '{outcome:x}y}', /expected ',' or '}' after a value/],
    ['a bad boolean', '{ended:maybe}', /'maybe' is not a valid Boolean for 'ended'/],
    ['a bad enum deep inside', '{members:[{role:Boss}]}', /'Boss' is not a valid SessionMemberRoles for 'members\[0\]\.role'/],
    ['a list item that is no map', '{log:[a,b]}', /expected '\{' to start an item of type SessionLogInfo/],
  ];
  for (const [name, text, message] of refused) {
    it(`refuses ${name} with a WireParseError`, () => {
      assert.throws(() => jsvCodec.parse(text, SessionInfo), (e: unknown) => e instanceof WireParseError && e.format === 'jsv' && message.test(e.message));
    });
  }

  it('names the top-level member in fieldName', () => {
    assert.throws(() => jsvCodec.parse('{members:[{role:Boss}]}', SessionInfo), (e: unknown) => e instanceof WireParseError && e.fieldName === 'Members');
  });

  it('skips a hugely nested unknown member without recursing', () => {
    const deep = `{nope:${'['.repeat(100_000)}${']'.repeat(100_000)},outcome:x}`;
    assert.equal(jsvCodec.parse(deep, SessionInfo)['outcome'], 'x');
  });

  it('refuses typed nesting deeper than the limit', () => {
    const shallow = createJsvCodec({ maxDepth: 2 });
    assert.throws(() => shallow.parse('{members:[{applicationData:{a:b}}]}', SessionInfo), (e: unknown) => e instanceof WireParseError && /deeper than 2/.test(e.message));
  });
});

describe('JSV: the GetMySessions and GetActiveSessions page samples, compacted', () => {
  for (const name of ['GetMySessions', 'GetActiveSessions']) {
    it(`${name}: parses its response type, and writes back exactly the compact bytes`, () => {
      const sample = jsvSample(name);
      assert.ok(sample.startsWith('{sessions:[{dialState:None,callState:Disconnected,'));
      assert.ok(sample.includes('applicationData:{String:String}'));
      const type = operation(name).responseType;
      assert.equal(jsvCodec.stringify(jsvCodec.parse(sample, type), type), sample);
    });
  }
});
