import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { mockPerFile } from '../helpers/mock-server.js';
import { decode, encode } from '../helpers/wire.js';

const api = loadApiModel();
const NEW_SESSION = api.types.get('NewSession')!;
const SESSION = api.types.get('SessionInfo')!;
const LIST = api.types.get('ListResponse_SessionInfo')!;

const { mock } = mockPerFile({ sessions: 20 });

/** Strings that break naive writers and parsers of one format or another. */
const HOSTILE: readonly string[] = [
  'He said "hi", then left',
  '""',
  'a,b,c',
  'key:value, other:thing',
  '{braces} and [brackets]',
  '{"looks":"like json"}',
  '[1,2]',
  '  leading spaces',
  'trailing spaces  ',
  ' ',
  'line\nbreak',
  'windows\r\nline break',
  'tab\there',
  'emoji 🎧📞 and ünïcödé 中文',
  '<Element attr="x">&amp;</Element>',
  'plus+sign %20 & ampersand = equals',
  'True',
  'null',
  '0',
  '\\back\\slash',
];

const STRING_FIELDS = ['displayName', 'fromName', 'toAddress', 'destination', 'fromPhoneNumber'] as const;

/** Each hostile string in displayName, and rotated through the other string fields, so every field meets every string. */
function dtoFor(index: number): Record<string, string> {
  const dto: Record<string, string> = {};
  STRING_FIELDS.forEach((field, offset) => {
    dto[field] = HOSTILE[(index + offset * 7) % HOSTILE.length]!;
  });
  return dto;
}

type BodyFormat = 'json' | 'xml' | 'jsv' | 'form';

const BODY_TYPES: Readonly<Record<BodyFormat, string>> = {
  json: 'application/json',
  xml: 'application/xml',
  jsv: 'application/jsv',
  form: 'application/x-www-form-urlencoded',
};

function body(format: BodyFormat, dto: Record<string, string>): string {
  return format === 'form' ? new URLSearchParams(dto).toString() : encode(format, dto, NEW_SESSION);
}

/** Creates through the given route and body format; returns the new session's id. */
async function create(route: string, format: BodyFormat, dto: Record<string, string>): Promise<string> {
  const res = await mock.request(route, { method: 'POST', user: 'dev', headers: { 'Content-Type': BODY_TYPES[format] }, body: body(format, dto) });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  // fetch sends Accept: */*, so the answer comes in the body's own format (JSON for a form, and on /api).
  const answered = format === 'form' || route.startsWith('/api/') || route.includes('format=json') ? 'json' : format;
  const created = decode(res.headers.get('content-type'), text, answered, SESSION);
  for (const field of STRING_FIELDS) assert.equal(created[field], dto[field], `${field} as answered to the create`);
  return created['id'] as string;
}

async function expectVerbatim(id: string, dto: Record<string, string>): Promise<void> {
  for (const format of ['json', 'xml', 'jsv'] as const) {
    const one = await mock.request(`/sessions/${id}?format=${format}`, { user: 'dev' });
    const session = decode(one.headers.get('content-type'), await one.text(), format, SESSION);
    for (const field of STRING_FIELDS) assert.equal(session[field], dto[field], `${field} read back in ${format}`);
    const list = await mock.request(`/sessions?specificIds=${id}&format=${format}`, { user: 'dev' });
    const items = decode(list.headers.get('content-type'), await list.text(), format, LIST)['items'] as Record<string, unknown>[];
    for (const field of STRING_FIELDS) assert.equal(items[0]![field], dto[field], `${field} listed in ${format}`);
  }
}

describe('request bodies in every format on POST /sessions: hostile strings stored and returned verbatim in JSON, XML and JSV', () => {
  for (const format of ['json', 'xml', 'jsv', 'form'] as const) {
    HOSTILE.forEach((s, i) => {
      it(`${format} body with ${JSON.stringify(s)}`, async () => {
        const dto = dtoFor(i);
        await expectVerbatim(await create('/sessions', format, dto), dto);
      });
    });
  }
});

describe('the same on the predefined routes, each reading its own format', () => {
  const routes: { route: string; format: BodyFormat }[] = [
    { route: '/api/NewSession', format: 'json' },
    { route: '/xml/reply/NewSession?format=json', format: 'xml' },
    { route: '/jsv/reply/NewSession?format=json', format: 'jsv' },
    { route: '/api/NewSession', format: 'form' },
  ];
  for (const { route, format } of routes) {
    it(`${route} with a ${format} body`, async () => {
      for (let i = 0; i < HOSTILE.length; i += 4) {
        const dto = dtoFor(i);
        await expectVerbatim(await create(route, format, dto), dto);
      }
    });
  }
});

describe('a request body of each kind on the REST route, named in any case', () => {
  const rows: { format: BodyFormat; text: string; name: string }[] = [
    { format: 'json', text: '{"DisplayName":"Pascal JSON","TOADDRESS":"+15555550100"}', name: 'Pascal JSON' },
    { format: 'jsv', text: '{DisplayName:Pascal JSV,toaddress:+15555550100}', name: 'Pascal JSV' },
    { format: 'form', text: 'DISPLAYNAME=Pascal+form&ToAddress=%2B15555550100', name: 'Pascal form' },
  ];
  for (const row of rows) {
    it(`${row.format}: ${row.text}`, async () => {
      const res = await mock.request('/sessions', { method: 'POST', user: 'dev', headers: { 'Content-Type': BODY_TYPES[row.format], Accept: 'application/json' }, body: row.text });
      const session = decode(res.headers.get('content-type'), await res.text(), 'json', SESSION);
      assert.deepEqual([session['displayName'], session['toAddress']], [row.name, '+15555550100']);
    });
  }
});
