import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataPool } from '../../src/contract/data-pool.js';
import { standardChecks } from '../../src/contract/exchange.js';
import type { RunContext } from '../../src/contract/run-context.js';
import { SchemaValidator } from '../../src/contract/schema-validator.js';
import { loadApiModel } from '../../src/spec/wire-model.js';
import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { observe } from './fixtures/observe.js';

/** The checks on the Evo Voice spec itself, with bodies taken from the examples in docs/servicestack-wire.md. */
const model = loadApiModel();
const ctx = { model, codecs: defaultCodecs, validator: new SchemaValidator(model.document), pool: new DataPool() } as unknown as RunContext;
const op = (id: string) => model.operations.find((o) => o.operationId === id)!;
const failed = (results: ReturnType<typeof standardChecks>) => results.filter((r) => !r.ok);

describe('checks on Evo Voice answers', () => {
  it("accepts ServiceStack's exact JSON error body (docs/servicestack-wire.md section 5) for a 404", () => {
    const obs = observe(model, op('GetSession'), 'json', {
      status: 404,
      text: '{"responseStatus":{"errorCode":"CustomException","message":"User Defined Error","errors":[]}}',
    });
    assert.deepEqual(failed(standardChecks(ctx, op('GetSession'), obs, [404])), []);
  });

  it('accepts an XML error with the .NET Core xmlns order, and says so', () => {
    const text = defaultCodecs.get('xml')
      .stringify({ responseStatus: { errorCode: 'NotFound', message: 'gone', errors: [] } }, model.errorResponse)
      .replace('xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.servicestack.net/types"', 'xmlns="http://schemas.servicestack.net/types" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"');
    const results = standardChecks(ctx, op('GetSession'), observe(model, op('GetSession'), 'xml', { status: 404, text }), [404]);
    assert.deepEqual(failed(results), []);
    assert.ok(results.some((r) => r.check === 'round-trip' && r.note !== undefined));
  });

  it('accepts the compact JSV of a wrapper response and refuses the pretty form the metadata pages show', () => {
    const compact = defaultCodecs.get('jsv').stringify({ sessions: [{ id: 'f830c3fde66447fab09a7d06a9db4afd', ended: false }] }, op('GetMySessions').responseType);
    assert.match(compact, /^\{sessions:\[\{dialState:None,.*ended:False/);
    assert.deepEqual(failed(standardChecks(ctx, op('GetMySessions'), observe(model, op('GetMySessions'), 'jsv', { text: compact }), [200])), []);
    const pretty = compact.replace('{sessions:[{', '{ sessions: [ { ');
    const results = standardChecks(ctx, op('GetMySessions'), observe(model, op('GetMySessions'), 'jsv', { text: pretty }), [200]);
    assert.ok(failed(results).some((r) => r.check === 'round-trip' || r.check === 'parse'));
  });

  it('points at the spec when an XML body of a type whose namespace the generator inferred does not read', () => {
    const list = op('ListSessions');
    const text = defaultCodecs.get('xml')
      .stringify({ items: [], totalCount: 0, totalPages: 0, hasMorePages: false }, list.responseType)
      .replace('xmlns="http://schemas.datacontract.org/2004/07/Voice.Api"', 'xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Sessions"');
    const parse = failed(standardChecks(ctx, list, observe(model, list, 'xml', { text }), [200])).find((r) => r.check === 'parse');
    assert.ok(parse, 'the wrong root namespace does not read');
    assert.match(parse.message, /the spec infers ListResponse_SessionInfo's namespace http:\/\/schemas\.datacontract\.org\/2004\/07\/Voice\.Api, no sample shows it/);
  });
});
