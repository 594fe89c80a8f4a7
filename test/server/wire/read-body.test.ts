import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { basic, startMock, type MockServer } from '../helpers/mock-server.js';
import { DEV_AUTH, spawnServe, type ServeProcess } from '../../cli/helpers/evo-mock-process.js';

const lines: string[] = [];
let mock: MockServer;
before(async () => {
  mock = await startMock({
    sessions: 5,
    settings: { quiet: false },
    parts: {
      logger: { info: (l: string) => lines.push(l), error: (l: string) => lines.push(l) },
      bodyTimeouts: { anonymousMs: 300, signedInMs: 60_000 },
    },
  });
});
after(() => mock.stop());

const EIGHT_MIB = Buffer.alloc(8 * 1024 * 1024, 'x');

describe('an upload over the body limit', () => {
  // A server in a process of its own: in the test's own process the client's writes and the server's
  // close never race, and the reset this is about does not happen.
  let served: ServeProcess;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evo-mock-413-'));
    served = await spawnServe(['--db', join(dir, 'db.json'), '--sessions', '5']);
  });
  after(async () => {
    served.child.kill('SIGKILL');
    await served.exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('gets its 413 every time, not a reset (8 MiB fetch uploads, one after another)', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 10; i++) {
      try {
        const res = await fetch(`${served.url}/sessions`, { method: 'POST', headers: { ...DEV_AUTH, 'Content-Type': 'application/json' }, body: EIGHT_MIB });
        const body = (await res.json()) as { responseStatus: { errorCode: string } };
        outcomes.push(`${res.status} ${body.responseStatus.errorCode}`);
      } catch (err) {
        outcomes.push(String((err as { cause?: { code?: string } }).cause?.code ?? err));
      }
    }
    assert.deepEqual(outcomes, Array.from({ length: 10 }, () => '413 RequestEntityTooLarge'));
  });

  it('sent chunked (no Content-Length), gets its 413 too', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 8; i++) c.enqueue(EIGHT_MIB.subarray(0, 1024 * 1024));
        c.close();
      },
    });
    const res = await fetch(`${served.url}/sessions`, { method: 'POST', headers: { ...DEV_AUTH, 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
  });

  it('with Expect: 100-continue is refused before the body is sent', { timeout: 30_000 }, async () => {
    const { hostname, port } = new URL(served.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ hostname, port, path: '/sessions', method: 'POST', headers: { ...DEV_AUTH, 'Content-Type': 'application/json', 'Content-Length': EIGHT_MIB.length, Expect: '100-continue' } });
      req.on('continue', () => reject(new Error('the server asked for the body')));
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', () => undefined);
      req.flushHeaders();
    });
    assert.equal(status, 413);
  });
});

describe('a client that drops its upload', () => {
  it('is one quiet log line, not a 500 with a stack', { timeout: 30_000 }, async () => {
    const before = lines.length;
    const { hostname, port } = new URL(mock.url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${basic('dev').Authorization}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"displayName":"`);
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 100);
      });
    });
    // The line is written once the server has noticed the close.
    for (let i = 0; i < 100 && lines.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    const logged = lines.slice(before);
    assert.equal(logged.length, 1, logged.join('\n'));
    assert.match(logged[0]!, /^POST \/sessions .*closed/);
    assert.doesNotMatch(logged[0]!, /500|failed unexpectedly|\n\s+at /);
  });
});

describe('an upload that stalls', () => {
  it('from a caller who has not signed in: 408 after the short timeout, connection closed', { timeout: 30_000 }, async () => {
    const { hostname, port } = new URL(mock.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(`POST /auth/credentials HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"userName":`);
      });
      let data = '';
      socket.setEncoding('utf8').on('data', (d: string) => (data += d));
      socket.on('close', () => resolve(data));
    });
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.match(answer, /RequestTimeout/);
  });

  it('from a signed-in caller: not held to the short timeout', async () => {
    const { hostname, port } = new URL(mock.url);
    const body = JSON.stringify({ displayName: 'slow upload' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ hostname, port, path: '/sessions', method: 'POST', headers: { ...basic('dev'), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 5));
      // Three times the anonymous timeout.
      setTimeout(() => req.end(body.slice(5)), 900);
    });
    assert.equal(status, 200, 'answered as any NewSession, not cut off with a 408');
  });
});
