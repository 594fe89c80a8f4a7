import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJson } from '../../../src/server/admin/admin-guard.js';
import { bodyKind, parseMediaType } from '../../../src/server/wire/media-type.js';
import { defaultCodecs } from '../../../src/wire/codec-registry.js';
import { startMock } from '../helpers/mock-server.js';

describe('parseMediaType', () => {
  const rows: { header: string; essence?: string; params?: Record<string, string> }[] = [
    { header: 'application/json', essence: 'application/json', params: {} },
    { header: 'Application/JSON; Charset=UTF-8', essence: 'application/json', params: { charset: 'UTF-8' } },
    { header: 'text/plain;charset=json', essence: 'text/plain', params: { charset: 'json' } },
    { header: 'multipart/form-data; boundary="a;b=c"', essence: 'multipart/form-data', params: { boundary: 'a;b=c' } },
    { header: 'application/json;', essence: 'application/json', params: {} },
    { header: 'application/vnd.api+json', essence: 'application/vnd.api+json', params: {} },
    { header: 'json' },
    { header: 'application/json garbage' },
    { header: 'application/json; charset' },
    { header: 'application/' },
    { header: '/json' },
    { header: '' },
  ];
  for (const row of rows) {
    it(`${JSON.stringify(row.header)} -> ${row.essence ?? 'not a media type'}`, () => {
      const parsed = parseMediaType(row.header);
      assert.equal(parsed?.essence, row.essence);
      if (row.params) assert.deepEqual(Object.fromEntries(parsed!.parameters), row.params);
    });
  }

  it('only type and subtype decide what a body is', () => {
    assert.equal(isJson('text/plain;charset=json'), false);
    assert.equal(isJson('application/jsonp'), false);
    assert.equal(isJson('application/x-json-ish'), false);
    assert.equal(isJson('application/json; charset="utf-8"'), true);
    assert.equal(isJson('application/merge-patch+json'), true);
    assert.equal(bodyKind('text/plain; format=application/json', defaultCodecs).kind, 'ignored');
    assert.equal(bodyKind('application/xml; charset=utf-8', defaultCodecs).kind, 'codec');
  });
});

describe('a browser-"simple" request to the admin API', () => {
  it('Content-Type: text/plain;charset=json is not JSON: 415, nothing inserted', async (t) => {
    const mock = await startMock({ sessions: 5 });
    t.after(() => mock.stop());
    const res = await mock.request('/__admin/sessions', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=json' },
      body: JSON.stringify({ accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d', callState: 'Hold' }),
    });
    assert.equal(res.status, 415);
    const health = (await (await mock.request('/__admin/health')).json()) as { sessions: number };
    assert.equal(health.sessions, 5);
  });
});
