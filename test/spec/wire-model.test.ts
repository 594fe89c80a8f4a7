import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { apiModelFromDocument, loadApiModel, SpecError } from '../../src/spec/wire-model.js';
import type { WireObject } from '../../src/spec/wire-type.js';
import { generated } from './helpers.js';

const SESSIONS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Sessions';
const API = 'http://schemas.datacontract.org/2004/07/Voice.Api';
const model = loadApiModel();
const type = (name: string): WireObject => {
  const t = model.types.get(name);
  assert.ok(t, name);
  return t;
};

describe('the wire model built from spec/openapi.json', () => {
  it('has the five operations with Express paths, DTOs and auth', () => {
    assert.deepEqual(
      model.operations.map((o) => [o.operationId, o.method, o.expressPath, o.pathParams.join(','), o.requestType.name, o.responseType.name, o.requiresAuth, o.requiredRoles.join(',')]),
      [
        ['GetActiveSessions', 'get', '/sessions/active', '', 'GetActiveSessions', 'GetActiveSessionsResponse', true, 'User'],
        ['GetMySessions', 'get', '/sessions/my', '', 'GetMySessions', 'GetMySessionsResponse', true, 'User'],
        ['GetSession', 'get', '/sessions/:sessionId', 'sessionId', 'GetSession', 'SessionInfo', true, ''],
        ['ListSessions', 'get', '/sessions', '', 'ListSessions', 'ListResponse_SessionInfo', true, ''],
        ['NewSession', 'post', '/sessions', '', 'NewSession', 'SessionInfo', true, 'User'],
      ],
    );
    assert.equal(model.operations[0]!.summary, undefined);
    assert.equal(model.operations[4]!.summary, 'Create a new session');
  });

  it('orders SessionInfo own members first for JSON and base members first for XML, each with its namespace', () => {
    const info = type('SessionInfo');
    assert.deepEqual([info.xmlName, info.xmlNamespace], ['SessionInfo', SESSIONS]);
    assert.equal(info.properties.length, 41);
    assert.deepEqual(info.properties.slice(0, 2).map((p) => p.name), ['dialState', 'callState']);
    assert.deepEqual(info.properties.slice(-5).map((p) => [p.name, p.xmlNamespace]), [
      ['id', API], ['dateCreated', API], ['dateLastModified', API], ['createdBy', API], ['lastModifiedBy', API],
    ]);
    assert.deepEqual(info.xmlOrder.slice(0, 6).map((p) => p.clrName), ['CreatedBy', 'DateCreated', 'DateLastModified', 'Id', 'LastModifiedBy', 'AccountId']);
    assert.equal(info.xmlOrder[5]!.xmlNamespace, SESSIONS);
  });

  it('types members: value types, enums with members, lists of shared objects, dictionaries', () => {
    const info = type('SessionInfo');
    const p = (name: string) => info.properties.find((x) => x.name === name)!;
    assert.deepEqual([p('ended').type, p('ended').valueType], [{ kind: 'boolean' }, true]);
    assert.deepEqual(p('dialState').type, { kind: 'enum', name: 'SessionDialState', members: ['None', 'Active'] });
    assert.equal(p('accountId').valueType, false);
    const crumbs = p('customerBreadcrumb').type;
    assert.ok(crumbs.kind === 'list' && crumbs.item.kind === 'object');
    assert.equal(crumbs.item.type, type('CustomerBreadcrumb'));
    assert.equal(type('CustomerBreadcrumb').xmlNamespace, 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers');
    const members = p('members').type;
    assert.ok(members.kind === 'list' && members.item.kind === 'object');
    assert.deepEqual(members.item.type.properties.find((x) => x.name === 'applicationData')!.type, { kind: 'dictionary', value: { kind: 'string' } });
  });

  it('gives ListSessions its own and ListRequest members, and the list response its DCS name', () => {
    const list = type('ListSessions');
    assert.equal(list.properties.length, 17);
    assert.deepEqual(list.properties.find((p) => p.name === 'page')!.type, { kind: 'integer' });
    assert.equal(list.properties.find((p) => p.name === 'page')!.xmlNamespace, API);
    assert.deepEqual(type('ListResponse_SessionInfo').xmlOrder.map((p) => p.clrName), ['HasMorePages', 'Items', 'TotalCount', 'TotalPages']);
    assert.equal(type('ListResponse_SessionInfo').xmlName, 'ListResponseOfSessionInfoBWxtuWQa');
  });

  it("has ServiceStack's ErrorResponse in its own namespace, members in DataMember order", () => {
    assert.equal(model.errorResponse.xmlNamespace, 'http://schemas.servicestack.net/types');
    const status = model.errorResponse.properties[0]!.type;
    assert.ok(status.kind === 'object');
    assert.deepEqual(status.type.xmlOrder.map((p) => p.clrName), ['ErrorCode', 'Message', 'StackTrace', 'Errors', 'Meta']);
  });

  it('equals the model built from the generated document in memory', () => {
    const fresh = apiModelFromDocument(generated().document);
    assert.deepEqual([...fresh.types.keys()], [...model.types.keys()]);
  });

  it('says what is wrong with a broken spec and what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'evo-mock-spec-'));
    try {
      await writeFile(join(dir, 'bad.json'), '{ not json');
      assert.throws(() => loadApiModel(join(dir, 'bad.json')), (err: unknown) => err instanceof SpecError && /is not JSON.*npm run generate/s.test(err.message));
      assert.throws(() => loadApiModel(join(dir, 'missing.json')), /cannot read/);
      const doc = structuredClone(generated().document) as any;
      delete doc.components.schemas.CustomerBreadcrumb;
      assert.throws(() => apiModelFromDocument(doc), /missing component CustomerBreadcrumb/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('finding the package folder', () => {
  it('climbs from a built module (dist/src/spec) to the folder whose package.json is evo-mock', async () => {
    const { packageRoot } = await import('../../src/spec/package-root.js');
    const { mkdir } = await import('node:fs/promises');
    const dir = await mkdtemp(join(tmpdir(), 'evo-mock-root-'));
    try {
      await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'evo-mock' }));
      await mkdir(join(dir, 'dist', 'src', 'spec'), { recursive: true });
      await writeFile(join(dir, 'dist', 'package.json'), JSON.stringify({ name: 'something-else' }));
      assert.equal(packageRoot(join(dir, 'dist', 'src', 'spec')), dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
