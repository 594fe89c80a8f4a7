import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultCodecs } from '../../src/wire/codec-registry.js';
import { generateFromFolder } from '../../src/spec/generate.js';
import { validateSpec } from '../../src/spec/validate-spec.js';
import { SOURCES } from '../pages/helpers.js';
import { generated, type Json } from './helpers.js';

const doc = generated().document as unknown as Json;
const schemas = doc['components']['schemas'] as Record<string, Json>;
const op = (path: string, verb: string): Json => doc['paths'][path][verb];

describe('spec/openapi.json', () => {
  it('is valid OpenAPI 3.1 per @readme/openapi-parser', async () => {
    assert.equal(doc['openapi'], '3.1.0');
    assert.deepEqual(await validateSpec(generated().document), { valid: true });
  });

  it('generating twice gives byte-identical output', () => {
    const again = generateFromFolder(SOURCES, defaultCodecs.documentFormats());
    assert.equal(again.specText, generated().specText);
    assert.equal(again.dtosText, generated().dtosText);
    assert.ok(generated().specText.endsWith('}\n'));
    assert.ok(generated().specText.startsWith('{\n  "openapi": "3.1.0",'));
  });

  it('names the operations after their request DTOs', () => {
    const ids = Object.values(doc['paths'] as Record<string, Json>).flatMap((item) => Object.values(item).map((o: Json) => o['operationId']));
    assert.deepEqual(ids.sort(), ['GetActiveSessions', 'GetMySessions', 'GetSession', 'ListSessions', 'NewSession']);
  });

  it('has components for every DTO, the closed generics, the enums and ServiceStack error types', () => {
    assert.deepEqual(Object.keys(schemas).sort(), [
      'CustomerBreadcrumb', 'EntityInfo', 'ErrorResponse', 'FlowChannels', 'GetActiveSessions', 'GetActiveSessionsResponse', 'GetMySessions',
      'GetMySessionsResponse', 'GetSession', 'ListRequest_SessionInfo', 'ListResponse_SessionInfo', 'ListSessions', 'NewSession', 'ResponseError',
      'ResponseStatus', 'SessionCallState', 'SessionDialState', 'SessionDirections', 'SessionHoldReasons', 'SessionInfo', 'SessionLogInfo',
      'SessionMemberCallState', 'SessionMemberInfo', 'SessionMemberRoles', 'SessionQueueStates', 'SortOrders',
    ]);
    assert.deepEqual(schemas['SessionHoldReasons'], { type: 'string', enum: ['None', 'Transferring'], 'x-clr-name': 'SessionHoldReasons' });
  });

  it('keeps every property description and carries the CLR and XML facts as extensions', () => {
    const info = schemas['SessionInfo']!;
    assert.equal(Object.keys(info['properties']).length, 41);
    for (const name of ['SessionInfo', 'NewSession', 'ListSessions', 'EntityInfo']) {
      for (const [prop, s] of Object.entries(schemas[name]!['properties'] as Record<string, Json>)) assert.ok(s['description'], `${name}.${prop}`);
    }
    assert.deepEqual(info['properties']['customerBreadcrumb'], {
      type: 'array',
      items: { $ref: '#/components/schemas/CustomerBreadcrumb' },
      description: 'The customer breadcrumb this session is associated with',
      'x-clr-member': 'CustomerBreadcrumb',
      'x-clr-type': 'List<CustomerBreadcrumb>',
      'x-value-type': false,
      'x-xml-member-namespace': 'http://schemas.datacontract.org/2004/07/Voice.Api.Sessions',
    });
    assert.equal(info['properties']['id']['x-xml-member-namespace'], 'http://schemas.datacontract.org/2004/07/Voice.Api');
    assert.equal(info['x-xml-namespace'], 'http://schemas.datacontract.org/2004/07/Voice.Api.Sessions');
    assert.equal(info['x-base'], 'EntityInfo');
    assert.deepEqual(info['required'], ['dialState', 'callState', 'queueState', 'channel', 'ended', 'holdReason', 'direction', 'wasMissed']);
    assert.equal(schemas['CustomerBreadcrumb']!['x-xml-namespace'], 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers');
    assert.equal(schemas['SessionMemberInfo']!['properties']['applicationData']['additionalProperties']['type'], 'string');
  });

  it('names the generic list response as DataContractSerializer does, with the namespaces digest', () => {
    const list = schemas['ListResponse_SessionInfo']!;
    assert.equal(list['x-clr-name'], 'ListResponse<SessionInfo>');
    assert.equal(list['x-xml-name'], 'ListResponseOfSessionInfoBWxtuWQa');
    assert.equal(list['x-xml-namespace-inferred'], true);
    assert.deepEqual(list['required'], ['totalCount', 'totalPages', 'hasMorePages']);
    assert.deepEqual(list['x-xml-order'], ['hasMorePages', 'items', 'totalCount', 'totalPages']);
    assert.equal(list['properties']['items']['items']['$ref'], '#/components/schemas/SessionInfo');
  });

  it('lists the request DTOs as components without required members', () => {
    for (const name of ['ListSessions', 'NewSession', 'GetSession', 'GetMySessions', 'GetActiveSessions']) {
      assert.equal(schemas[name]!['x-dto-role'], 'request', name);
      assert.equal(schemas[name]!['required'], undefined, name);
    }
    assert.equal(schemas['ListSessions']!['x-base'], 'ListRequest_SessionInfo');
  });

  it('gives ListSessions its 17 query parameters with real types', () => {
    const params = op('/sessions', 'get')['parameters'] as Json[];
    assert.equal(params.length, 17);
    const p = (name: string) => params.find((x) => x['name'] === name)!;
    assert.deepEqual([p('accountIds')['style'], p('accountIds')['explode'], p('accountIds')['schema']['type'], p('accountIds')['schema']['items']], ['form', false, 'array', { type: 'string' }]);
    assert.deepEqual([p('page')['schema']['type'], p('page')['schema']['format']], ['integer', 'int32']);
    assert.equal(p('all')['schema']['type'], 'boolean');
    assert.deepEqual([p('startDate')['schema']['type'], p('startDate')['schema']['format']], ['string', 'date']);
    assert.equal(p('endDate')['schema']['format'], 'date');
    assert.equal(p('sortOrder')['schema']['$ref'], '#/components/schemas/SortOrders');
    assert.ok(params.every((x) => x['in'] === 'query' && x['description']));
  });

  it('gives GetSession its path parameter and a 404', () => {
    const get = op('/sessions/{sessionId}', 'get');
    assert.deepEqual(get['parameters'][0]['name'], 'sessionId');
    assert.equal(get['parameters'][0]['required'], true);
    assert.ok(get['responses']['404']);
    assert.equal(get['responses']['403'], undefined);
  });

  it('answers in JSON, XML and JSV, errors as ErrorResponse, and takes NewSession in four media types', () => {
    for (const [path, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
      for (const o of Object.values(item) as Json[]) {
        assert.deepEqual(Object.keys(o['responses']['200']['content']), ['application/json', 'application/xml', 'application/jsv'], path);
        for (const code of ['400', '401']) {
          assert.equal(o['responses'][code]['content']['application/xml']['schema']['$ref'], '#/components/schemas/ErrorResponse', `${path} ${code}`);
        }
      }
    }
    const post = op('/sessions', 'post');
    assert.deepEqual(Object.keys(post['requestBody']['content']), ['application/json', 'application/xml', 'application/jsv', 'application/x-www-form-urlencoded']);
    assert.ok(post['responses']['403']);
  });

  it('puts the pages samples in as examples (JSV in its compact form)', () => {
    const jsv = op('/sessions/my', 'get')['responses']['200']['content']['application/jsv']['examples']['GetMySessions']['value'];
    assert.ok(jsv.startsWith('{sessions:[{dialState:None,'));
    const json = op('/sessions', 'get')['responses']['200']['content']['application/json']['examples']['ListSessions']['value'];
    assert.equal(json['totalCount'], 0);
    const xml = op('/sessions', 'post')['requestBody']['content']['application/xml']['examples']['NewSession']['value'];
    assert.ok(xml.includes('<NewSession xmlns:i='));
  });

  it('keeps the success samples off the error responses, whose schema is ErrorResponse', () => {
    for (const item of Object.values(doc['paths'] as Record<string, Json>)) {
      for (const operation of Object.values(item) as Json[]) {
        for (const [status, response] of Object.entries(operation['responses'] as Record<string, Json>)) {
          if (status === '200') continue;
          for (const [mediaType, content] of Object.entries(response['content'] as Record<string, Json>)) {
            assert.equal(content['examples'], undefined, `${operation['operationId']} ${status} ${mediaType}`);
          }
        }
      }
    }
  });

  it('states authentication in security and in extensions', () => {
    const my = op('/sessions/my', 'get');
    assert.deepEqual(my['x-required-roles'], ['User']);
    assert.equal(my['x-requires-authentication'], true);
    assert.deepEqual(my['security'], [{ basicAuth: [] }, { bearerAuth: [] }, { ssId: [] }, { ssPid: [] }]);
    assert.deepEqual(op('/sessions', 'get')['x-required-roles'], []);
    assert.deepEqual(Object.keys(doc['components']['securitySchemes']), ['basicAuth', 'bearerAuth', 'ssId', 'ssPid']);
  });

  it('lists the disagreements at the top level', () => {
    const list = doc['x-disagreements'] as Json[];
    assert.equal(list.length, generated().model.disagreements.length);
    assert.ok(list.some((d) => /ListResponse<AccountInfo>/.test(d['subject'])));
    assert.ok(list.every((d) => typeof d['resolution'] === 'string' && Array.isArray(d['evidence'])));
  });

  it("gives ServiceStack's error types their DataMember order and namespace", () => {
    const status = schemas['ResponseStatus']!;
    assert.deepEqual(status['x-xml-order'], ['errorCode', 'message', 'stackTrace', 'errors', 'meta']);
    assert.equal(status['x-xml-namespace'], 'http://schemas.servicestack.net/types');
    assert.deepEqual(schemas['ResponseError']!['x-xml-order'], ['errorCode', 'fieldName', 'message', 'meta']);
    assert.equal(status['properties']['errors']['x-data-member-order'], 4);
  });
});
