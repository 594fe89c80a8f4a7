import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { allowedHostsFor, hostAllowed } from '../../../src/server/http/host-check.js';
import { basic, startMock, type MockServer } from '../helpers/mock-server.js';
import { rawRequest } from '../helpers/raw-http.js';
import { spawnServe } from '../../cli/helpers/evo-mock-process.js';

describe('which Host headers a mock answers', () => {
  const rows: { host: string | undefined; allowed: readonly string[]; ok: boolean }[] = [
    { host: 'localhost:4010', allowed: [], ok: true },
    { host: 'LOCALHOST.', allowed: [], ok: true },
    { host: 'app.localhost:5173', allowed: [], ok: true },
    { host: '127.0.0.1:4010', allowed: [], ok: true },
    { host: '127.3.4.5', allowed: [], ok: true },
    { host: '[::1]:4010', allowed: [], ok: true },
    { host: '192.168.1.20:4010', allowed: [], ok: true },
    { host: undefined, allowed: [], ok: true },
    { host: 'evil.example', allowed: [], ok: false },
    { host: 'evil.example:4010', allowed: [], ok: false },
    { host: 'localhost.evil.example', allowed: [], ok: false },
    { host: '127.0.0.1.nip.io', allowed: [], ok: false },
    { host: 'mock.internal:80', allowed: allowedHostsFor('0.0.0.0', ['mock.internal']), ok: true },
    { host: 'api.mock.internal', allowed: allowedHostsFor('0.0.0.0', ['.mock.internal']), ok: true },
    { host: 'mock.internal.evil', allowed: allowedHostsFor('0.0.0.0', ['.mock.internal']), ok: false },
    { host: 'mybox.lan:4010', allowed: allowedHostsFor('mybox.lan'), ok: true },
    { host: 'otherbox.lan', allowed: allowedHostsFor('mybox.lan'), ok: false },
    { host: 'anything.example', allowed: allowedHostsFor('0.0.0.0', ['*']), ok: true },
  ];
  for (const row of rows) {
    it(`${row.host ?? '(no Host)'} with [${row.allowed.join(', ')}]: ${row.ok ? 'answered' : 'refused'}`, () => {
      assert.equal(hostAllowed(row.host, row.allowed), row.ok);
    });
  }
});

describe('a page whose name was pointed at 127.0.0.1 (DNS rebinding)', () => {
  let mock: MockServer;
  let allowing: MockServer;
  before(async () => {
    [mock, allowing] = await Promise.all([startMock({ sessions: 5 }), startMock({ sessions: 5, settings: { allowedHosts: ['mock.internal'] } })]);
  });
  after(() => Promise.all([mock.stop(), allowing.stop()]));

  const get = (path: string, host: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n${extra}\r\n`;
  const auth = `Authorization: ${basic('dev').Authorization}\r\n`;

  it('cannot read the API, even with the fixture passwords: 403 as a ResponseStatus naming the option', async () => {
    const res = await rawRequest(mock.url, get('/sessions?countPerPage=1', 'attacker.example:4010', auth));
    assert.equal(res.status, 403);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    const body = JSON.parse(res.body) as { responseStatus: { errorCode: string; message: string } };
    assert.equal(body.responseStatus.errorCode, 'Forbidden');
    assert.match(body.responseStatus.message, /attacker\.example.*--allowed-hosts/);
    assert.doesNotMatch(res.body, /items/);
  });

  it('cannot write through the admin API', async () => {
    const res = await rawRequest(mock.url, `POST /__admin/scenarios/huge-list?count=10 HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    assert.equal(res.status, 403);
  });

  it('nor by naming itself in an absolute-form target', async () => {
    const res = await rawRequest(mock.url, get('http://attacker.example/sessions?countPerPage=1', '127.0.0.1', auth));
    assert.equal(res.status, 403);
  });

  it('localhost and 127.0.0.1 are answered', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const res = await rawRequest(mock.url, get('/sessions?countPerPage=1', host, auth));
      assert.equal(res.status, 200, host);
    }
  });

  it('a name given in allowedHosts is answered', async () => {
    const res = await rawRequest(allowing.url, get('/sessions?countPerPage=1', 'mock.internal:8080', auth));
    assert.equal(res.status, 200);
  });
});

describe('evo-mock serve --allowed-hosts', () => {
  it('answers the names it lists and refuses others', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'evo-mock-hosts-'));
    const served = await spawnServe(['--db', join(dir, 'db.json'), '--sessions', '5', '--allowed-hosts', 'mock.internal, .corp.example']);
    t.after(async () => {
      served.child.kill('SIGKILL');
      await served.exited;
      await rm(dir, { recursive: true, force: true });
    });
    const status = async (host: string) => (await rawRequest(served.url, `GET /__admin/health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).status;
    assert.deepEqual(await Promise.all(['mock.internal', 'api.corp.example:8080', 'localhost', 'evil.example'].map(status)), [200, 200, 200, 403]);
  });
});
