import assert from 'node:assert/strict';
import type { Request } from 'express';
import { describe, it } from 'node:test';
import { bindPredefinedRoute } from '../../../src/server/binding/predefined-route-binding.js';
import { QueryMap } from '../../../src/server/binding/query-string.js';
import { ServiceError } from '../../../src/server/errors/service-error.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { readJsvValue } from '../../../src/wire/jsv-value.js';

const LIST = loadApiModel().types.get('ListSessions')!;
const deps = { codecs: defaultCodecs, readJsvValue, bodyLimit: 1 << 20 };
const bind = (method: string, contentType: string | undefined, query: string, body: string | undefined) =>
  bindPredefinedRoute({ method, headers: contentType ? { 'content-type': contentType } : {} } as unknown as Request, LIST, QueryMap.parse(query), body, 'json', deps);

describe('GenericHandler binding on predefined routes', () => {
  const rows: { name: string; method: string; contentType?: string; query: string; body?: string; expected: Record<string, unknown> }[] = [
    { name: 'no body: the query alone', method: 'GET', query: 'page=2&countPerPage=5', expected: { page: 2, countPerPage: 5 } },
    { name: 'a POST with no body: the query alone', method: 'POST', contentType: 'application/json', query: 'all=true', expected: { all: true } },
    {
      name: 'a body: query values fill nulls and value types at their default (0, false, first enum member), nothing else',
      method: 'POST',
      contentType: 'application/json',
      query: 'page=5&countPerPage=10&sortOrder=Descend&all=true&sortField=id&accountIds=a,b',
      body: '{"page":2,"countPerPage":0,"sortOrder":"Ascend","sortField":"dateCreated"}',
      expected: { page: 2, countPerPage: 10, sortOrder: 'Descend', sortField: 'dateCreated', all: true, accountIds: ['a', 'b'] },
    },
    { name: 'a body on a GET with a Content-Type: the body alone', method: 'GET', contentType: 'application/json', query: 'all=true', body: '{"page":3}', expected: { page: 3, all: false } },
    { name: 'a body on a GET without a Content-Type: the query alone', method: 'GET', query: 'page=4', body: '{"page":3}', expected: { page: 4 } },
    { name: 'a body labelled XML is still read as the route\'s JSON', method: 'PUT', contentType: 'application/xml', query: '', body: '{"page":1}', expected: { page: 1 } },
    { name: 'form fields over the query', method: 'POST', contentType: 'application/x-www-form-urlencoded', query: 'page=1&countPerPage=9', body: 'page=7', expected: { page: 7, countPerPage: 9 } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const dto = bind(row.method, row.contentType, row.query, row.body);
      for (const [key, value] of Object.entries(row.expected)) assert.deepEqual(dto[key], value, key);
    });
  }

  it('a query value that does not bind is a 400 naming the field', () => {
    assert.throws(
      () => bind('GET', undefined, 'page=lots', undefined),
      (e: unknown) => e instanceof ServiceError && e.status === 400 && e.fieldErrors[0]?.fieldName === 'Page',
    );
  });
});
