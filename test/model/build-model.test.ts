import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantiate, jsonOrder, xmlOrder } from '../../src/model/class-instances.js';
import { buildModel } from '../../src/model/build-model.js';
import type { ModelClass, ModelEnum } from '../../src/model/model-types.js';
import { formatType } from '../../src/pages/type-expr.js';
import { loadPage, OPERATIONS, SESSION_ENUMS } from '../pages/helpers.js';

const model = buildModel(OPERATIONS.map(loadPage));
const cls = (name: string): ModelClass => {
  const t = model.types.get(name);
  assert.ok(t?.kind === 'class', `${name} is a class`);
  return t;
};
const NS = 'http://schemas.datacontract.org/2004/07/';

describe('the merged model', () => {
  it('SessionInfo has 41 properties: 36 of its own and 5 from EntityInfo', () => {
    const info = instantiate(model.types, { kind: 'ref', name: 'SessionInfo', args: [] })!;
    assert.equal(info.properties.length, 36);
    assert.equal(formatType(cls('SessionInfo').base!), 'EntityInfo');
    assert.equal(cls('EntityInfo').properties.length, 5);
    const all = jsonOrder(model.types, info);
    assert.equal(all.length, 41);
    assert.deepEqual(all.slice(34).map((p) => p.prop.name), ['wasMissed', 'ringQueueId', 'id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy']);
  });

  it('ListSessions has its 10 own and 7 ListRequest query parameters', () => {
    const list = instantiate(model.types, { kind: 'ref', name: 'ListSessions', args: [] })!;
    assert.equal(list.properties.length, 10);
    assert.equal(formatType(list.base!), 'ListRequest<SessionInfo>');
    assert.deepEqual(cls('ListRequest').typeParams, ['T']);
    const names = jsonOrder(model.types, list).map((p) => p.prop.name);
    assert.deepEqual(names, [
      'accountIds', 'searchArchive', 'startDate', 'endDate', 'customerIds', 'endpointIds', 'from', 'to', 'log', 'parentSessionId',
      'page', 'all', 'countPerPage', 'specificIds', 'sortField', 'sortOrder', 'simplifiedPaging',
    ]);
  });

  it('NewSession has 14 properties, its enums and bools nullable', () => {
    const ns = cls('NewSession');
    assert.equal(ns.properties.length, 14);
    for (const name of ['channel', 'direction', 'callState', 'startSession']) {
      const p = ns.properties.find((q) => q.name === name)!;
      assert.equal(p.valueType, false, name);
      assert.ok(p.clrType.endsWith('?'), p.clrType);
    }
  });

  it('has the 9 enums with their members in order', () => {
    const enums = [...model.types.values()].filter((t): t is ModelEnum => t.kind === 'enum');
    assert.equal(enums.length, 9);
    assert.deepEqual(Object.fromEntries(enums.map((e) => [e.name, e.members])), { ...SESSION_ENUMS, SortOrders: ['Ascend', 'Descend'] });
  });

  it('takes the CLR truth for value types: F# over Python, for SessionInfo, SessionMemberInfo and ListRequest', () => {
    const valueTypes = (name: string) => cls(name).properties.filter((p) => p.valueType).map((p) => p.name);
    assert.deepEqual(valueTypes('SessionInfo'), ['dialState', 'callState', 'queueState', 'channel', 'ended', 'holdReason', 'direction', 'wasMissed']);
    assert.deepEqual(valueTypes('SessionMemberInfo'), ['isOriginalMember', 'callState', 'role', 'muted']);
    assert.deepEqual(valueTypes('ListRequest'), ['page', 'all', 'countPerPage', 'sortOrder', 'simplifiedPaging']);
    assert.deepEqual(valueTypes('ListResponse'), ['totalCount', 'totalPages', 'hasMorePages']);
    const ended = cls('SessionInfo').properties.find((p) => p.name === 'ended')!;
    assert.deepEqual(ended.evidence.map((e) => [e.source, e.declared]), [
      ['ListSessions.txt', 'Boolean = new Boolean()'],
      ['GetMySessions.txt', 'bool = False'],
      ['NewSession.txt', 'Optional[bool] = None'],
      ['GetActiveSessions.txt', 'boolean'],
      ['GetSession.txt', 'bool'],
    ]);
  });

  it('reads the XML namespaces off the samples: Voice.Api.Sessions, Voice.Api for EntityInfo, Voice.Api.Customers for CustomerBreadcrumb', () => {
    assert.equal(cls('SessionInfo').xmlNamespace.uri, `${NS}Voice.Api.Sessions`);
    assert.equal(cls('SessionInfo').xmlNamespace.inferred, false);
    assert.equal(cls('NewSession').xmlNamespace.uri, `${NS}Voice.Api.Sessions`);
    assert.equal(cls('SessionMemberInfo').xmlNamespace.uri, `${NS}Voice.Api.Sessions`);
    assert.equal(cls('SessionLogInfo').xmlNamespace.uri, `${NS}Voice.Api.Sessions`);
    assert.equal(cls('EntityInfo').xmlNamespace.uri, `${NS}Voice.Api`);
    assert.equal(cls('CustomerBreadcrumb').xmlNamespace.uri, `${NS}Voice.Api.Customers`);
    assert.equal(cls('CustomerBreadcrumb').xmlNamespace.inferred, false);
    const info = instantiate(model.types, { kind: 'ref', name: 'SessionInfo', args: [] })!;
    const xml = xmlOrder(model.types, info);
    assert.deepEqual(xml.slice(0, 6).map((p) => [p.prop.clrName, p.owner.cls.xmlNamespace.uri]), [
      ['CreatedBy', `${NS}Voice.Api`],
      ['DateCreated', `${NS}Voice.Api`],
      ['DateLastModified', `${NS}Voice.Api`],
      ['Id', `${NS}Voice.Api`],
      ['LastModifiedBy', `${NS}Voice.Api`],
      ['AccountId', `${NS}Voice.Api.Sessions`],
    ]);
    // Ordinal, not culture order: CallSid < CallState < CallbackNumber.
    const names = xml.map((p) => p.prop.clrName);
    assert.ok(names.indexOf('CallState') < names.indexOf('CallbackNumber'));
  });

  it('marks the namespaces no sample shows as inferred', () => {
    for (const name of ['GetMySessionsResponse', 'GetActiveSessionsResponse', 'ListSessions', 'GetSession']) {
      assert.deepEqual([cls(name).xmlNamespace.uri, cls(name).xmlNamespace.inferred], [`${NS}Voice.Api.Sessions`, true], name);
    }
    for (const name of ['ListRequest', 'ListResponse']) {
      assert.deepEqual([cls(name).xmlNamespace.uri, cls(name).xmlNamespace.inferred], [`${NS}Voice.Api`, true], name);
    }
  });

  it('has the five operations with request, verb, route, path parameters, response and auth', () => {
    assert.deepEqual(
      model.operations.map((o) => [o.name, o.verb, o.route, o.pathParams.join(','), formatType(o.response), o.requiresAuth, o.roles.join(',')]),
      [
        ['GetActiveSessions', 'get', '/sessions/active', '', 'GetActiveSessionsResponse', true, 'User'],
        ['GetMySessions', 'get', '/sessions/my', '', 'GetMySessionsResponse', true, 'User'],
        ['GetSession', 'get', '/sessions/{sessionId}', 'sessionId', 'SessionInfo', true, ''],
        ['ListSessions', 'get', '/sessions', '', 'ListResponse<SessionInfo>', true, ''],
        ['NewSession', 'post', '/sessions', '', 'SessionInfo', true, 'User'],
      ],
    );
    assert.deepEqual(cls('GetSession').properties.map((p) => [p.name, p.clrName, p.description]), [['sessionId', 'SessionId', 'The ID of the session to retrieve']]);
  });

  it('keeps the generic ListResponse<T> and drops the types only its page rendering dragged in', () => {
    assert.equal(formatType(cls('ListResponse').properties[0]!.type), 'List<T>');
    for (const gone of ['AccountInfo', 'BillingSettings', 'BillingItem']) assert.equal(model.types.has(gone), false, gone);
  });

  const expected: Array<[string, RegExp, RegExp]> = [
    ['bool = False versus Optional[bool]', /^SessionInfo\.ended nullability$/, /value type/],
    ['the member flags of SessionMemberInfo', /^SessionMemberInfo\.isOriginalMember nullability$/, /value type/],
    ['F# enums as value types', /^SessionInfo\.dialState nullability$/, /F# rendering/],
    ['the ListResponse<AccountInfo> quirk', /renders the response as ListResponse<AccountInfo>/, /^ListResponse<SessionInfo>/],
    ['the types then unreachable', /AccountInfo, BillingItem, BillingSettings/, /dropped/],
    ['the page naming no DTO', /^GetSession\.txt names no request DTO$/, /named GetSession after the file name/],
    ['the page silent on auth', /GetSession\.txt says nothing about authentication/, /requires authentication, no role: as its parent resource ListSessions/],
    ['NewSession nullable only by Optional', /^NewSession: channel, direction, callState, startSession/, /Optional\[\.\.\.\].*defaults to Outgoing/],
    ['an inferred namespace', /^XML namespace of ListSessions \(no sample shows it\)$/, /inferred/],
  ];
  for (const [what, subject, resolution] of expected) {
    it(`reports ${what}, with its resolution`, () => {
      const d = model.disagreements.find((x) => subject.test(x.subject));
      assert.ok(d, `no disagreement matching ${subject}`);
      assert.match(d.resolution, resolution);
      assert.ok(d.evidence.length > 0);
    });
  }

  it('finds the samples consistent with the model (no sample disagreements on these pages)', () => {
    assert.deepEqual(model.disagreements.filter((d) => / sample: /.test(d.subject)), []);
  });
});
