import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { xmlCodec } from '../../src/wire/xml-codec.js';
import { WireParseError } from '../../src/wire/codec.js';
import { XML_NS, type WireObject } from '../../src/spec/wire-type.js';
import {
  API_NS,
  CUSTOMERS_NS,
  ErrorResponse,
  GetMySessionsResponse,
  ListResponseOfSessionInfo,
  NewSession,
  SESSIONS_NS,
  SessionInfo,
  SessionLogInfo,
  SessionMemberInfo,
  operation,
} from './model.js';
import { xmlSample } from './samples.js';

const DECL = '<?xml version="1.0" encoding="utf-8"?>';
const I = `xmlns:i="${XML_NS.instance}"`;
const root = (name: string, ns: string, body: string) => `${DECL}<${name} ${I} xmlns="${ns}">${body}</${name}>`;
const log = (body: string) => root('SessionLogInfo', SESSIONS_NS, body);

/** SessionInfo's elements for the value {} up to (not including) AccountId... in xmlOrder, all nil/defaults. */
function emptySessionInfoBody(): string {
  const nil = (name: string) => `<${name} i:nil="true" />`;
  const base = ['CreatedBy', 'DateCreated', 'DateLastModified', 'Id', 'LastModifiedBy'].map((n) => `<${n} i:nil="true" xmlns="${API_NS}" />`).join('');
  return (
    base +
    ['AccountId', 'AccountName', 'AnsweredById', 'AnsweredByName', 'CallSid'].map(nil).join('') +
    '<CallState>Disconnected</CallState>' +
    nil('CallbackNumber') +
    '<Channel>Voice</Channel>' +
    nil('ConferenceSid') +
    nil('ConsoleData') +
    `<CustomerBreadcrumb xmlns:d2p1="${CUSTOMERS_NS}" i:nil="true" />` +
    ['CustomerId', 'CustomerName', 'DateCompleted', 'Destination'].map(nil).join('') +
    '<DialState>None</DialState><Direction>Incoming</Direction>' +
    nil('DisplayName') +
    '<Ended>false</Ended>' +
    ['EndpointId', 'EndpointName', 'FromAddress', 'FromName', 'FromPhoneNumber', 'HeldByUserId', 'HoldQueueName'].map(nil).join('') +
    '<HoldReason>None</HoldReason>' +
    ['Log', 'Members', 'MostRecentParticipantCallSid', 'Outcome', 'QueueMemberId'].map(nil).join('') +
    '<QueueState>None</QueueState>' +
    ['RingQueueId', 'ToAddress'].map(nil).join('') +
    '<WasMissed>false</WasMissed>'
  );
}

describe('XML writer: DataContractSerializer bytes', () => {
  const cases: Array<[string, WireObject, unknown, string]> = [
    ['declaration, root with xmlns:i first, nulls as i:nil', SessionLogInfo, {}, log('<Date i:nil="true" /><Message i:nil="true" />')],
    ['members in data-member order (alphabetical)', SessionLogInfo, { message: 'm', date: 'd' }, log('<Date>d</Date><Message>m</Message>')],
    ['an empty string as <X />', SessionLogInfo, { date: '', message: 'm' }, log('<Date /><Message>m</Message>')],
    [
      'every member of an empty SessionInfo: base members first in their own namespace, value types at their defaults',
      SessionInfo,
      {},
      root('SessionInfo', SESSIONS_NS, emptySessionInfoBody()),
    ],
    [
      'a string list declares the Arrays namespace as d2p1 on a root member',
      NewSession,
      { memberEmailAddresses: ['a@b.c', ''], startSession: true, callState: 'Ringing', channel: 'Chat', direction: 'Outgoing' },
      root(
        'NewSession',
        SESSIONS_NS,
        '<CallState>Ringing</CallState><Channel>Chat</Channel><CustomerId i:nil="true" /><Destination i:nil="true" /><Direction>Outgoing</Direction><DisplayName i:nil="true" /><FromAddress i:nil="true" /><FromName i:nil="true" /><FromPhoneNumber i:nil="true" />' +
          `<MemberEmailAddresses xmlns:d2p1="${XML_NS.arrays}"><d2p1:string>a@b.c</d2p1:string><d2p1:string /></MemberEmailAddresses>` +
          '<ParentSessionId i:nil="true" /><StartSession>true</StartSession><ToAddress i:nil="true" /><WithAddress i:nil="true" />',
      ),
    ],
    [
      'an empty list keeps its namespace declaration and closes as <X />',
      NewSession,
      { memberEmailAddresses: [], startSession: false, callState: 'Disconnected', channel: 'Voice', direction: 'Incoming' },
      root(
        'NewSession',
        SESSIONS_NS,
        '<CallState>Disconnected</CallState><Channel>Voice</Channel><CustomerId i:nil="true" /><Destination i:nil="true" /><Direction>Incoming</Direction><DisplayName i:nil="true" /><FromAddress i:nil="true" /><FromName i:nil="true" /><FromPhoneNumber i:nil="true" />' +
          `<MemberEmailAddresses xmlns:d2p1="${XML_NS.arrays}" />` +
          '<ParentSessionId i:nil="true" /><StartSession>false</StartSession><ToAddress i:nil="true" /><WithAddress i:nil="true" />',
      ),
    ],
    [
      'ServiceStack types: ResponseStatus in declared order, Meta declares d3p1, an empty Errors list',
      ErrorResponse,
      { responseStatus: { errorCode: 'NotFound', message: 'Session not found', errors: [] } },
      root(
        'ErrorResponse',
        XML_NS.servicestack,
        `<ResponseStatus><ErrorCode>NotFound</ErrorCode><Message>Session not found</Message><StackTrace i:nil="true" /><Errors /><Meta xmlns:d3p1="${XML_NS.arrays}" i:nil="true" /></ResponseStatus>`,
      ),
    ],
    [
      'the prefix number is the depth: ResponseStatus/Errors/ResponseError/Meta declares d5p1',
      ErrorResponse,
      { responseStatus: { errors: [{ fieldName: 'Page', meta: { k: 'v' } }] } },
      root(
        'ErrorResponse',
        XML_NS.servicestack,
        '<ResponseStatus><ErrorCode i:nil="true" /><Message i:nil="true" /><StackTrace i:nil="true" /><Errors><ResponseError><ErrorCode i:nil="true" /><FieldName>Page</FieldName><Message i:nil="true" />' +
          `<Meta xmlns:d5p1="${XML_NS.arrays}"><d5p1:KeyValueOfstringstring><d5p1:Key>k</d5p1:Key><d5p1:Value>v</d5p1:Value></d5p1:KeyValueOfstringstring></Meta>` +
          `</ResponseError></Errors><Meta xmlns:d3p1="${XML_NS.arrays}" i:nil="true" /></ResponseStatus>`,
      ),
    ],
  ];
  for (const [name, type, value, expected] of cases) {
    it(name, () => assert.equal(xmlCodec.stringify(value, type), expected));
  }

  it('items of another namespace are prefixed; their base members find the default namespace in scope', () => {
    const xml = xmlCodec.stringify({ items: [{ id: 'S1' }], totalCount: 1, totalPages: 1, hasMorePages: false }, ListResponseOfSessionInfo);
    const rootName = ListResponseOfSessionInfo.xmlName;
    assert.ok(xml.startsWith(`${DECL}<${rootName} ${I} xmlns="${API_NS}"><HasMorePages>false</HasMorePages><Items xmlns:d2p1="${SESSIONS_NS}"><d2p1:SessionInfo><CreatedBy i:nil="true" />`), xml);
    assert.ok(xml.includes(`<Id>S1</Id><LastModifiedBy i:nil="true" /><d2p1:AccountId i:nil="true" />`), xml);
    // Inside an item at depth 3, the breadcrumb list member (depth 4) declares d4p1.
    assert.ok(xml.includes(`<d2p1:CustomerBreadcrumb xmlns:d4p1="${CUSTOMERS_NS}" i:nil="true" />`), xml);
    assert.ok(xml.endsWith(`</d2p1:SessionInfo></Items><TotalCount>1</TotalCount><TotalPages>1</TotalPages></${rootName}>`), xml);
  });

  it('items in the default namespace are not prefixed', () => {
    const xml = xmlCodec.stringify({ sessions: [{}] }, GetMySessionsResponse);
    assert.ok(xml.startsWith(`${DECL}<GetMySessionsResponse ${I} xmlns="${SESSIONS_NS}"><Sessions><SessionInfo><CreatedBy i:nil="true" xmlns="${API_NS}" />`), xml);
  });

  const strings: Array<[string, string, string]> = [
    ['markup characters as entities', 'a<b>&c', 'a&lt;b&gt;&amp;c'],
    ['quotes and apostrophes verbatim', `"q" 'a'`, `"q" 'a'`],
    ['CR as &#xD;, so it survives line-end normalisation', 'a\r\nb\rc', 'a&#xD;\nb&#xD;c'],
    ['LF and tabs verbatim', '\ta\nb\t', '\ta\nb\t'],
    ['surrounding spaces verbatim', '  x  ', '  x  '],
    ['unicode verbatim', 'é中😀\u2028', 'é中😀\u2028'],
    ['characters XML 1.0 cannot carry become U+FFFD', 'a\u0001b\u001fc\uffff', 'a\uFFFDb\uFFFDc\uFFFD'],
  ];
  for (const [name, value, expected] of strings) {
    it(`text: ${name}`, () => assert.equal(xmlCodec.stringify({ date: 'd', message: value }, SessionLogInfo), log(`<Date>d</Date><Message>${expected}</Message>`)));
  }
});

describe('XML reader: namespaces resolved, text verbatim, order tolerated', () => {
  const base = xmlCodec.parse('', SessionInfo);
  const session = (body: string, attrs = `xmlns:i="${XML_NS.instance}" xmlns="${SESSIONS_NS}"`) => `<SessionInfo ${attrs}>${body}</SessionInfo>`;
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['members in any order', session('<Outcome>o</Outcome><AccountId>a</AccountId>'), { accountId: 'a', outcome: 'o' }],
    ['other prefixes for the same namespaces', `<s:SessionInfo xmlns:s="${SESSIONS_NS}" xmlns:x="${XML_NS.instance}"><s:Outcome>o</s:Outcome><a:Id xmlns:a="${API_NS}">S1</a:Id><s:DisplayName x:nil="true"/></s:SessionInfo>`, { outcome: 'o', id: 'S1' }],
    ['i:nil reads as absent', session('<Outcome i:nil="true" />'), {}],
    ['an empty element is the empty string', session('<Outcome/><DisplayName></DisplayName>'), { outcome: '', displayName: '' }],
    ['whitespace in text kept verbatim', session('<Outcome>  a \n\tb  </Outcome>'), { outcome: '  a \n\tb  ' }],
    ['&#xD; kept, a raw CRLF normalised to LF', session('<Outcome>a&#xD;\r\nb</Outcome>'), { outcome: 'a\r\nb' }],
    ['entities and CDATA', session('<Outcome>&lt;&amp;&gt;&quot;&apos;&#x1F600;<![CDATA[<x>]]></Outcome>'), { outcome: '<&>"\'😀<x>' }],
    ['element names are case-sensitive: <outcome> is no member', session('<outcome>o</outcome>'), {}],
    ['a member in the wrong namespace is skipped, as DCS does', session('<Id>S1</Id>'), { id: undefined }],
    ['unknown elements skipped', session('<Nope><Deep>1</Deep></Nope><Outcome>o</Outcome>'), { outcome: 'o' }],
    ['indentation between elements ignored', session('\n  <Log>\n    <SessionLogInfo>\n      <Message>m</Message>\n    </SessionLogInfo>\n  </Log>\n'), { log: [{ message: 'm' }] }],
    ['lenient scalars', session('<Ended> true </Ended><Direction>outgoing</Direction>'), { ended: true, direction: 'Outgoing' }],
    ['comments dropped', session('<Outcome>a<!-- c -->b</Outcome>'), { outcome: 'ab' }],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const want = { ...base, ...expected };
      for (const [k, v] of Object.entries(want)) if (v === undefined) delete want[k];
      assert.deepStrictEqual(xmlCodec.parse(text, SessionInfo), want);
    });
  }

  it('reads a dictionary', () => {
    const text = `<SessionMemberInfo xmlns="${SESSIONS_NS}"><ApplicationData xmlns:a="${XML_NS.arrays}"><a:KeyValueOfstringstring><a:Key> k </a:Key><a:Value>v</a:Value></a:KeyValueOfstringstring><a:KeyValueOfstringstring><a:Key>n</a:Key><a:Value xmlns:i="${XML_NS.instance}" i:nil="true"/></a:KeyValueOfstringstring></ApplicationData></SessionMemberInfo>`;
    assert.deepStrictEqual(xmlCodec.parse(text, SessionMemberInfo)['applicationData'], { ' k ': 'v' });
  });

  const hostile: Array<[string, string, RegExp]> = [
    ['a DOCTYPE', `<!DOCTYPE SessionInfo><SessionInfo xmlns="${SESSIONS_NS}"/>`, /DOCTYPE: DTDs and entity declarations are not accepted/],
    ['an entity-expansion bomb', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><SessionInfo xmlns="${SESSIONS_NS}"><Outcome>&lol2;</Outcome></SessionInfo>`, /DOCTYPE/],
    ['an external entity (XXE)', `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><SessionInfo xmlns="${SESSIONS_NS}"><Outcome>&xxe;</Outcome></SessionInfo>`, /DOCTYPE/],
    ['an undeclared entity', session('<Outcome>&nope;</Outcome>'), /not well-formed XML/],
    ['an unclosed element', session('<Outcome>o'), /not well-formed XML/],
    ['mismatched tags', session('<Outcome>o</Outcom>'), /not well-formed XML/],
    ['two roots', `${session('')}${session('')}`, /not well-formed XML/],
    ['plain text', 'hello', /not well-formed XML|no root element/],
    ['the wrong root element', `<SessionLogInfo xmlns="${SESSIONS_NS}"/>`, /Expected the root element <SessionInfo>.*found <SessionLogInfo>/],
    ['the right root in the wrong namespace', '<SessionInfo xmlns="urn:other"/>', /Expected the root element <SessionInfo> in namespace .*Voice\.Api\.Sessions.*found <SessionInfo> in 'urn:other'/],
    ['a bad boolean', session('<Ended>maybe</Ended>'), /'maybe' is not a valid Boolean for 'ended'/],
    ['a wrongly named list item', session('<Log><Entry/></Log>'), /expected <SessionLogInfo> items in namespace/],
    ['elements inside a string member', session('<Outcome><b>x</b></Outcome>'), /expected text, found child elements/],
    ['an unbound prefix', session('<x:Outcome>o</x:Outcome>'), /not well-formed XML/],
  ];
  for (const [name, text, message] of hostile) {
    it(`refuses ${name} with a WireParseError`, () => {
      assert.throws(() => xmlCodec.parse(text, SessionInfo), (e: unknown) => e instanceof WireParseError && e.format === 'xml' && message.test(e.message));
    });
  }

  it('names the top-level member in fieldName', () => {
    assert.throws(() => xmlCodec.parse(session('<Members><SessionMemberInfo><Role>Boss</Role></SessionMemberInfo></Members>'), SessionInfo), (e: unknown) => e instanceof WireParseError && e.fieldName === 'Members' && /members\[0\]\.role/.test(e.message));
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = session(`${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`);
    assert.throws(() => xmlCodec.parse(deep, SessionInfo), (e: unknown) => e instanceof WireParseError && /deeper than 64/.test(e.message));
  });
});

describe('XML: the pages samples, compacted, with the declaration', () => {
  const samples: Array<[string, 'request' | 'response']> = [
    ['GetSession', 'response'],
    ['NewSession', 'response'],
    ['NewSession', 'request'],
  ];
  for (const [name, which] of samples) {
    const op = operation(name);
    const type = which === 'request' ? op.requestType : op.responseType;
    const rootName = type.xmlName;
    it(`${name} ${which} (${rootName}): parses, and writes back exactly the compact bytes`, () => {
      const sample = xmlSample(name, rootName);
      assert.ok(sample.startsWith(`${DECL}<${rootName} ${I}`));
      assert.equal(xmlCodec.stringify(xmlCodec.parse(sample, type), type), sample);
    });
  }

  it('the GetSession sample reads the values the page shows', () => {
    const value = xmlCodec.parse(xmlSample('GetSession', 'SessionInfo'), SessionInfo);
    assert.equal(value['createdBy'], 'String');
    assert.deepEqual(value['customerBreadcrumb'], [{ id: 'String', name: 'String' }]);
    assert.deepEqual((value['members'] as Array<Record<string, unknown>>)[0]!['applicationData'], { String: 'String' });
  });
});
