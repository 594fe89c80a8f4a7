import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, mockPerFile } from '../helpers/mock-server.js';
import { rawRequest } from '../helpers/raw-http.js';

const { mock } = mockPerFile({ sessions: 5 });

function get(target: string, extra = ''): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;
}

describe('the request target', () => {
  const bad = [
    { name: 'an absolute-form target that is no URL', target: 'http://[/sessions' },
    { name: 'an absolute-form target with a broken IPv6 authority', target: 'http://a:b@[::1/x' },
    { name: 'an authority-form target on GET', target: '127.0.0.1:80' },
    { name: 'an asterisk-form target on GET', target: '*' },
  ];
  for (const row of bad) {
    it(`${row.name}: 400 as a ResponseStatus, not Express's HTML`, async () => {
      const res = await rawRequest(mock.url, get(row.target));
      assert.equal(res.status, 400);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      const body = JSON.parse(res.body) as { responseStatus: { errorCode: string; message: string } };
      assert.equal(body.responseStatus.errorCode, 'BadRequest');
      assert.match(body.responseStatus.message, /request target/);
    });
  }

  it('answers in the format Accept asks for', async () => {
    const res = await rawRequest(mock.url, get('http://[/sessions', 'Accept: application/xml\r\n'));
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-type'], 'application/xml');
    assert.match(res.body, /<ErrorCode>BadRequest<\/ErrorCode>/);
  });

  it('a valid absolute-form target is served as its path and query', async () => {
    const auth = `Authorization: ${basic('dev').Authorization}\r\n`;
    const res = await rawRequest(mock.url, get('http://localhost/sessions?countPerPage=2', auth));
    assert.equal(res.status, 200);
    assert.equal((JSON.parse(res.body) as { items: unknown[] }).items.length, 2);
  });
});
