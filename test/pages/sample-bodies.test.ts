import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactJsv, parseJsvSample } from '../../src/pages/jsv-sample.js';
import { parseSampleBodies } from '../../src/pages/sample-bodies.js';
import { loadPage } from './helpers.js';

const SESSIONS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Sessions';
const API = 'http://schemas.datacontract.org/2004/07/Voice.Api';
const CUSTOMERS = 'http://schemas.datacontract.org/2004/07/Voice.Api.Customers';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';

describe('sample bodies', () => {
  it('turns the JSV "Dump" form into the compact wire form', () => {
    const [sample] = loadPage('GetMySessions').samples;
    assert.equal(sample!.format, 'jsv');
    assert.equal(sample!.role, 'response');
    assert.ok(sample!.wire.startsWith('{sessions:[{dialState:None,callState:Disconnected,queueState:None,accountId:String,'), sample!.wire.slice(0, 80));
    assert.ok(sample!.wire.includes('customerBreadcrumb:[{id:String,name:String}]'));
    assert.ok(sample!.wire.includes('applicationData:{String:String}'));
    assert.ok(sample!.wire.endsWith('createdBy:String,lastModifiedBy:String}]}'));
    assert.ok(!/\s/.test(sample!.wire));
  });

  const jsvCases = [
    { name: 'whitespace after separators and before closers goes', pretty: '{ a: 1, b: [ x, y ] }', compact: '{a:1,b:[x,y]}' },
    { name: 'inner spaces of a value stay', pretty: '{ name: BMW X6, age: 3 }', compact: '{name:BMW X6,age:3}' },
    { name: 'quoted strings stay verbatim', pretty: '{ url: "https://a, b: {c}", q: "say ""hi""" }', compact: '{url:"https://a, b: {c}",q:"say ""hi"""}' },
    { name: 'empty containers', pretty: '{ a: [ ], b: { } }', compact: '{a:[],b:{}}' },
  ];
  for (const c of jsvCases) it(`JSV: ${c.name}`, () => assert.equal(compactJsv(c.pretty), c.compact));

  it('parses compact JSV into strings, lists and maps', () => {
    assert.deepEqual(parseJsvSample('{a:1,b:[x,"y,z"],c:{d:"say ""hi"""},e:""}'), { a: '1', b: ['x', 'y,z'], c: { d: 'say "hi"' }, e: '' });
  });

  it('reads the XML request and response with namespaces per type and per member', () => {
    const samples = loadPage('NewSession').samples;
    assert.deepEqual(samples.map((s) => [s.role, s.format, s.verb, s.path]), [
      ['request', 'xml', 'POST', '/sessions'],
      ['response', 'xml', undefined, undefined],
    ]);
    const request = samples[0]!.xml!;
    assert.equal(request.name, 'NewSession');
    assert.equal(request.namespace, SESSIONS);
    const emails = request.children.find((c) => c.name === 'MemberEmailAddresses')!;
    assert.deepEqual(emails.declarations, { d2p1: ARRAYS });
    assert.deepEqual([emails.children[0]!.name, emails.children[0]!.prefix, emails.children[0]!.namespace], ['string', 'd2p1', ARRAYS]);

    const response = samples[1]!.xml!;
    assert.equal(response.name, 'SessionInfo');
    assert.deepEqual(response.children.slice(0, 6).map((c) => [c.name, c.namespace]), [
      ['CreatedBy', API],
      ['DateCreated', API],
      ['DateLastModified', API],
      ['Id', API],
      ['LastModifiedBy', API],
      ['AccountId', SESSIONS],
    ]);
    const crumb = response.children.find((c) => c.name === 'CustomerBreadcrumb')!;
    assert.equal(crumb.namespace, SESSIONS);
    assert.deepEqual([crumb.children[0]!.name, crumb.children[0]!.namespace, crumb.children[0]!.children[0]!.namespace], ['CustomerBreadcrumb', CUSTOMERS, CUSTOMERS]);
    const members = response.children.find((c) => c.name === 'Members')!;
    const appData = members.children[0]!.children.find((c) => c.name === 'ApplicationData')!;
    assert.deepEqual(appData.declarations, { d4p1: ARRAYS });
    assert.equal(appData.children[0]!.name, 'KeyValueOfstringstring');
  });

  it('reads the run-together XML rendering and gives the wire form without indentation', () => {
    const [sample] = loadPage('GetSession').samples;
    assert.equal(sample!.xml!.name, 'SessionInfo');
    assert.ok(sample!.wire.startsWith('<?xml version="1.0" encoding="utf-8"?><SessionInfo xmlns:i='));
    assert.ok(!sample!.wire.includes('> <'));
  });

  it('reads the JSON sample in member order', () => {
    const [sample] = loadPage('ListSessions').samples;
    const value = sample!.value as { items: Array<Record<string, unknown>>; totalCount: number };
    assert.deepEqual(Object.keys(value), ['items', 'totalCount', 'totalPages', 'hasMorePages']);
    assert.deepEqual(Object.keys(value.items[0]!).slice(-7), ['wasMissed', 'ringQueueId', 'id', 'dateCreated', 'dateLastModified', 'createdBy', 'lastModifiedBy']);
    assert.equal(value.totalCount, 0);
  });

  it('finds no body in a request without Content-Length, and says when an XML body is broken', () => {
    assert.deepEqual(parseSampleBodies('The following are sample HTTP requests\nGET /x HTTP/1.1 Host: h Accept: text/jsv'), []);
    assert.throws(() => parseSampleBodies('HTTP/1.1 200 OK\nContent-Type: application/xml\nContent-Length: length\n\n<A><B></A>'), /XML sample does not parse/);
  });
});
