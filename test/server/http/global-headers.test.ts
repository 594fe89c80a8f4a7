import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mockPerFile } from '../helpers/mock-server.js';

const { mock } = mockPerFile({ sessions: 5 });

describe('every answer tells browsers not to sniff its type', () => {
  const rows: { name: string; path: string; init?: RequestInit & { user?: 'dev' } }[] = [
    { name: 'an answer', path: '/sessions?countPerPage=1', init: { user: 'dev' } },
    { name: 'an answer in XML', path: '/sessions?countPerPage=1&format=xml', init: { user: 'dev' } },
    { name: 'a JSONP answer', path: '/sessions?countPerPage=1&callback=cb', init: { user: 'dev' } },
    { name: 'a 401', path: '/sessions' },
    { name: 'a 404', path: '/nowhere' },
    { name: 'the health check', path: '/__admin/health' },
  ];
  for (const row of rows) {
    it(`${row.name}: X-Content-Type-Options: nosniff`, async () => {
      const res = await mock.request(row.path, row.init);
      await res.arrayBuffer();
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    });
  }
});
