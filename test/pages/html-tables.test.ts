import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHtmlTables, readSegments } from '../../src/pages/html-tables.js';
import type { PageClass } from '../../src/pages/page-model.js';
import { parsePage } from '../../src/pages/parse-page.js';
import { formatType } from '../../src/pages/type-expr.js';
import { assertSessionEnums, classNamed, enumNamed, loadPage } from './helpers.js';

describe('HTML parameter tables', () => {
  const page = loadPage('GetSession');

  it('finds a request with no DTO name: the first table, with its path parameter', () => {
    assert.equal(page.dialect, 'html-tables');
    assert.equal(page.requestDto, undefined);
    const request = page.types.find((t): t is PageClass => t.kind === 'class' && t.role === 'request')!;
    assert.equal(request.name, undefined);
    assert.deepEqual(request.properties.map((p) => [p.name, p.location, formatType(p.type), p.description]), [
      ['SessionId', 'path', 'string', 'The ID of the session to retrieve'],
    ]);
  });

  it('names the response from the XML sample and its unnamed base from the members the sample shows', () => {
    const info = classNamed(page.types, 'SessionInfo');
    assert.equal(info.role, 'response');
    assert.equal(info.properties.length, 36);
    const base = page.types.find((t): t is PageClass => t.kind === 'class' && t.baseOf === 'SessionInfo')!;
    assert.deepEqual(base.properties.map((p) => p.name), ['Id', 'DateCreated', 'DateLastModified', 'CreatedBy', 'LastModifiedBy']);
  });

  it('names the nested tables and the nameless enum lists from the Data Type column, in depth-first order', () => {
    assert.deepEqual(classNamed(page.types, 'CustomerBreadcrumb').properties.map((p) => p.name), ['Id', 'Name']);
    assert.deepEqual(classNamed(page.types, 'SessionLogInfo').properties.map((p) => p.name), ['Date', 'Message']);
    const member = classNamed(page.types, 'SessionMemberInfo');
    assert.equal(formatType(member.properties.find((p) => p.name === 'ApplicationData')!.type), 'Dictionary<string,string>');
    assertSessionEnums(page.types);
    assert.equal(page.types.filter((t) => t.name === undefined && !(t.kind === 'class' && (t.role || t.baseOf))).length, 0);
  });

  it('splits tables and enum lists by their closing rows', () => {
    const segments = readSegments(
      [
        'Name | Parameter | Data Type | Required | Description |',
        '---|---|---|---|---|',
        'A | form | string | No | Says "a, b" (c) |',
        'B | form | Mode | No |',
        'On | |',
        'Off |',
        'Up |',
      ].join('\n'),
    );
    assert.deepEqual(segments, [
      {
        kind: 'table',
        rows: [
          { name: 'A', location: 'form', dataType: 'string', required: 'No', description: 'Says "a, b" (c)' },
          { name: 'B', location: 'form', dataType: 'Mode', required: 'No', description: '' },
        ],
      },
      { kind: 'enum', members: ['On', 'Off'] },
      { kind: 'enum', members: ['Up'] },
    ]);
  });

  it('reads a tables page with no sample: the request table is named after the file', () => {
    const text = [
      'DELETE | /things/{thingId} |',
      '---|',
      'Name | Parameter | Data Type | Required | Description |',
      '---|---|---|---|---|',
      'ThingId | path | string | No | The thing, e.g. "t1" |',
      'Mode | query | Mode | No |',
      'Soft | |',
      'Hard |',
    ].join('\n');
    const parsed = parsePage(text, 'DeleteThing.txt', 'DeleteThing');
    const types = parseHtmlTables(text, []);
    assert.equal(parsed.requestDto, undefined);
    assert.deepEqual(enumNamed(types, 'Mode').members.map((m) => m.name), ['Soft', 'Hard']);
    assert.equal((types[0] as PageClass).role, 'request');
  });
});
