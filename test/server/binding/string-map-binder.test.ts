import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryMap } from '../../../src/server/binding/query-string.js';
import { bindStringMap } from '../../../src/server/binding/string-map-binder.js';
import { readJsvValue } from '../../../src/wire/jsv-value.js';
import type { WireObject, WireProperty, WireType } from '../../../src/spec/wire-type.js';

const prop = (name: string, type: WireType): WireProperty => ({
  name,
  clrName: name[0]!.toUpperCase() + name.slice(1),
  type,
  xmlNamespace: 'urn:test',
  valueType: type.kind === 'boolean' || type.kind === 'integer' || type.kind === 'enum',
});
const props = [
  prop('page', { kind: 'integer' }),
  prop('all', { kind: 'boolean' }),
  prop('ids', { kind: 'list', item: { kind: 'string' } }),
  prop('sortOrder', { kind: 'enum', name: 'SortOrders', members: ['Ascend', 'Descend'] }),
  prop('from', { kind: 'string' }),
];
const Request: WireObject = { name: 'Request', xmlName: 'Request', xmlNamespace: 'urn:test', properties: props, xmlOrder: props };

const bind = (search: string) => bindStringMap(QueryMap.parse(search), Request, readJsvValue);

describe('binding a query string as ServiceStack does', () => {
  const cases: { name: string; search: string; values: Record<string, unknown> }[] = [
    { name: 'names are case-insensitive', search: 'PAGE=2&SortOrder=descend', values: { page: 2, sortOrder: 'Descend' } },
    { name: 'strings are taken raw, quotes and commas kept', search: 'from="a,b"', values: { from: '"a,b"' } },
    { name: 'lists arrive comma-joined', search: 'ids=a,b', values: { ids: ['a', 'b'] } },
    { name: 'lists arrive in brackets', search: 'ids=[a,b]', values: { ids: ['a', 'b'] } },
    { name: 'lists arrive as repeated keys', search: 'ids=a&ids=b', values: { ids: ['a', 'b'] } },
    { name: 'empty values are skipped', search: 'page=&ids=', values: {} },
    { name: 'reserved keywords are never bound', search: 'format=json&callback=f&debug=1&jsconfig=x&from=x', values: { from: 'x' } },
    { name: 'unknown names are ignored', search: 'nope=1', values: {} },
    { name: 'a bool reads the part left of a comma', search: 'all=true,false', values: { all: true } },
    { name: 'booleans are lenient', search: 'all=1', values: { all: true } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = bind(c.search);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.values, c.values);
    });
  }

  const bad: { search: string; field: string; allowed: RegExp }[] = [
    { search: 'page=abc', field: 'Page', allowed: /whole number/ },
    { search: 'page=99999999999', field: 'Page', allowed: /whole number/ },
    { search: 'all=maybe', field: 'All', allowed: /true or false/ },
    { search: 'sortOrder=Sideways', field: 'SortOrder', allowed: /Ascend, Descend/ },
  ];
  for (const c of bad) {
    it(`reports '${c.search}' against ${c.field}, saying what is allowed`, () => {
      const { errors } = bind(c.search);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.fieldName, c.field);
      assert.equal(errors[0]!.errorCode, 'SerializationException');
      assert.match(errors[0]!.message, c.allowed);
    });
  }

  it('reports every bad field, not just the first', () => {
    const { errors } = bind('page=x&all=maybe');
    assert.deepEqual(errors.map((e) => e.fieldName).sort(), ['All', 'Page']);
  });
});
