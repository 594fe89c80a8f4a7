import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckName } from '../../../src/contract/check-result.js';
import { DataPool } from '../../../src/contract/data-pool.js';
import { standardChecks } from '../../../src/contract/exchange.js';
import type { RunContext } from '../../../src/contract/run-context.js';
import { SchemaValidator } from '../../../src/contract/schema-validator.js';
import type { WireFormat } from '../../../src/wire/codec.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { toyModel } from '../fixtures/toy-api.js';
import { observe } from '../fixtures/observe.js';

const model = toyModel();
const getWidget = model.operations.find((o) => o.operationId === 'GetWidget')!;
const widget = model.types.get('Widget')!;
const ctx = {
  model,
  codecs: defaultCodecs,
  validator: new SchemaValidator(model.document),
  pool: new DataPool(),
} as unknown as RunContext;

const good = { id: 'w1', name: 'a, "b": {c}', kind: 'Small', active: true, tags: ['x'] };
const text = (format: WireFormat, value: unknown = good) => defaultCodecs.get(format).stringify(value, widget);
const xml = text('xml');
const jsv = text('jsv');
const errorBody = (format: WireFormat) =>
  defaultCodecs.get(format).stringify({ responseStatus: { errorCode: 'NotFound', message: 'no widget w9', errors: [] } }, model.errorResponse);

interface Row {
  readonly name: string;
  readonly format: WireFormat;
  readonly answer: { status?: number; contentType?: string; text: string; headers?: Record<string, string> };
  readonly expect?: readonly number[];
  /** The checks that must fail; every other check must pass. */
  readonly fails: readonly CheckName[];
  readonly note?: boolean;
}

const rows: Row[] = [
  { name: 'a correct JSON answer passes', format: 'json', answer: { text: text('json') }, fails: [] },
  { name: 'a correct XML answer passes', format: 'xml', answer: { text: xml }, fails: [] },
  { name: 'a correct JSV answer passes', format: 'jsv', answer: { text: jsv }, fails: [] },
  { name: 'a wrong type (a string for a bool) fails the schema', format: 'json', answer: { text: text('json').replace('"active":true', '"active":"yes"') }, fails: ['schema'] },
  {
    name: 'a missing value-type member fails the schema and the JSON wire rules',
    format: 'json',
    answer: { text: text('json').replace(',"active":true', '') },
    fails: ['schema', 'json-wire'],
  },
  { name: 'an enum member the spec lacks fails the schema', format: 'json', answer: { text: text('json').replace('"Small"', '"Medium"') }, fails: ['schema'] },
  { name: 'a null member fails the JSON wire rules (ServiceStack omits nulls)', format: 'json', answer: { text: text('json').replace('"id":"w1"', '"id":null') }, fails: ['json-wire', 'schema'] },
  {
    name: 'a PascalCase member in JSON fails the wire rules and the closed schema',
    format: 'json',
    answer: { text: text('json').replace('"name"', '"Name"') },
    fails: ['schema', 'json-wire'],
  },
  {
    name: 'xmlns declarations in the other .NET order pass, with a note',
    format: 'xml',
    answer: { text: xml.replace(/xmlns:i="([^"]+)" xmlns="([^"]+)"/, 'xmlns="$2" xmlns:i="$1"') },
    fails: [],
    note: true,
  },
  { name: 'XML elements out of DataContract order fail the round trip', format: 'xml', answer: { text: xml.replace('<Active>true</Active><Id>w1</Id>', '<Id>w1</Id><Active>true</Active>') }, fails: ['round-trip'] },
  { name: 'a wrong XML namespace fails', format: 'xml', answer: { text: xml.replace('Toy.Widgets', 'Toy.Gadgets') }, fails: ['parse'] },
  { name: 'an indented XML body fails the round trip (DataContractSerializer writes none)', format: 'xml', answer: { text: xml.replace('<Id>', '\n  <Id>') }, fails: ['round-trip'] },
  { name: 'JSV with JSON-style booleans fails the round trip', format: 'jsv', answer: { text: jsv.replace('active:True', 'active:true') }, fails: ['round-trip'] },
  { name: 'JSV with a space after a colon fails the round trip', format: 'jsv', answer: { text: jsv.replace('kind:Small', 'kind: Small') }, fails: ['round-trip'] },
  { name: 'JSV quoting a string that needs no quotes fails the round trip', format: 'jsv', answer: { text: jsv.replace('id:w1', 'id:"w1"') }, fails: ['round-trip'] },
  { name: 'a JSON body labelled as XML fails the content type', format: 'json', answer: { text: text('json'), contentType: 'application/xml' }, fails: ['content-type'] },
  { name: 'a JSON body sent for an XML request fails the content type and the parse', format: 'xml', answer: { text: text('json'), contentType: 'application/json; charset=utf-8' }, fails: ['content-type', 'parse'] },
  { name: 'a JSV body labelled JSON fails', format: 'json', answer: { text: jsv }, fails: ['content-type', 'parse'] },
  { name: 'a 500 on a valid request fails the status', format: 'json', answer: { status: 500, text: errorBody('json') }, fails: ['status'] },
  { name: 'a 404 in ResponseStatus shape passes where 404 is expected', format: 'xml', answer: { status: 404, text: errorBody('xml') }, expect: [404], fails: [] },
  { name: 'a 404 not in ResponseStatus shape fails the error shape', format: 'json', answer: { status: 404, text: '{"error":"not found"}' }, expect: [404], fails: ['error-shape', 'json-wire'] },
  { name: 'a JSV error without errorCode fails the error shape', format: 'jsv', answer: { status: 404, text: '{responseStatus:{message:gone}}' }, expect: [404], fails: ['error-shape'] },
  {
    name: 'an empty 401 with WWW-Authenticate passes',
    format: 'json',
    answer: { status: 401, text: '', contentType: '', headers: { 'www-authenticate': 'basic realm="/auth/basic"' } },
    expect: [401],
    fails: [],
  },
  { name: 'a 401 without WWW-Authenticate fails', format: 'json', answer: { status: 401, text: '', contentType: '' }, expect: [401], fails: ['www-authenticate'] },
  { name: 'an empty 200 fails the parse', format: 'jsv', answer: { text: '' }, fails: ['parse'] },
];

describe('standard checks on canned answers', () => {
  for (const row of rows) {
    it(row.name, () => {
      const obs = observe(model, getWidget, row.format, row.answer);
      const results = standardChecks(ctx, getWidget, obs, row.expect ?? [200]);
      const failed = results.filter((r) => !r.ok).map((r) => r.check);
      assert.deepEqual([...new Set(failed)].sort(), [...row.fails].sort(), JSON.stringify(results.filter((r) => !r.ok), null, 1));
      if (row.note) assert.ok(results.some((r) => r.note?.includes('xmlns')), 'the xmlns allowance is noted');
    });
  }

  it('a failing round trip says where the bytes differ', () => {
    const obs = observe(model, getWidget, 'jsv', { text: jsv.replace('active:True', 'active:true') });
    const rt = standardChecks(ctx, getWidget, obs, [200]).find((r) => r.check === 'round-trip')!;
    assert.match(rt.message, /active:true/);
    assert.match(rt.message, /active:True/);
  });
});
