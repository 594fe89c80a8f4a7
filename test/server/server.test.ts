import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADMIN_AUTH, spawnServe } from '../cli/helpers/evo-mock-process.js';

const ALL_XML = '/sessions?all=true&searchArchive=true&format=xml';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-shutdown-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** A GET read slowly (a pause after every chunk), so that its answer is still being sent for a while. */
function slowGet(url: string): { headers: Promise<void>; body: Promise<{ bytes: number; complete: boolean; text: string }> } {
  let gotHeaders!: () => void;
  const headers = new Promise<void>((r) => (gotHeaders = r));
  const body = new Promise<{ bytes: number; complete: boolean; text: string }>((resolve) => {
    const chunks: Buffer[] = [];
    const req = http.get(url, { headers: ADMIN_AUTH, agent: false }, (res) => {
      gotHeaders();
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        res.pause();
        setTimeout(() => res.resume(), 5);
      });
      const done = () => {
        const all = Buffer.concat(chunks);
        resolve({ bytes: all.length, complete: res.complete, text: all.toString('utf8') });
      };
      res.on('end', done);
      res.on('error', done);
      res.on('aborted', done);
    });
    req.on('error', () => resolve({ bytes: Buffer.concat(chunks).length, complete: false, text: '' }));
  });
  return { headers, body };
}

describe('SIGTERM', () => {
  it('lets large answers already being sent finish whole, then exits 0', async (t) => {
    const served = await spawnServe(['--db', join(dir, 'finish.json'), '--sessions', '3000', '--seed', '3']);
    t.after(() => served.child.kill('SIGKILL'));
    const whole = await (await fetch(served.url + ALL_XML, { headers: ADMIN_AUTH })).text();
    const reads = Array.from({ length: 6 }, () => slowGet(served.url + ALL_XML));
    await Promise.all(reads.map((r) => r.headers));
    served.child.kill('SIGTERM');
    const bodies = await Promise.all(reads.map((r) => r.body));
    for (const b of bodies) {
      assert.equal(b.complete, true, `an answer was cut after ${b.bytes} of ${Buffer.byteLength(whole)} bytes`);
      assert.equal(b.text, whole);
    }
    assert.equal(await served.exited, 0);
    assert.match(served.output(), /stopped/);
  });

  it('after the grace period, cuts what is left and says which answers were cut', async (t) => {
    const served = await spawnServe(['--db', join(dir, 'grace.json'), '--sessions', '3000', '--seed', '3', '--shutdown-grace', '500']);
    t.after(() => served.child.kill('SIGKILL'));
    // A client that takes its answer's headers and then reads nothing more.
    const stalled = await new Promise<http.ClientRequest>((resolve, reject) => {
      const req = http.get(served.url + ALL_XML, { headers: ADMIN_AUTH, agent: false }, (res) => {
        res.pause();
        resolve(req);
      });
      req.on('error', reject);
    });
    stalled.on('error', () => undefined);
    served.child.kill('SIGTERM');
    assert.equal(await served.exited, 0);
    assert.match(served.output(), /cut 1 answer[^\n]*GET \/sessions\?all=true&searchArchive=true&format=xml \(200, \d+ bytes sent\)/);
    stalled.destroy();
  });
});
