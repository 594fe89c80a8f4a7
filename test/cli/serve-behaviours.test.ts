import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { adminClient } from '../../src/admin-client/admin-client.js';
import { runEvoMock, spawnServe } from './helpers/evo-mock-process.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-serve-behaviours-'));
});
after(() => rm(dir, { recursive: true, force: true }));

/** What `serve` says when it refuses `args` as a usage error (exit 2). */
async function usageError(args: readonly string[]): Promise<string> {
  const r = await runEvoMock(['serve', '--port', '0', ...args]);
  assert.equal(r.code, 2, r.stderr);
  return r.stderr;
}

describe('evo-mock serve: behaviours, latency, sign-ins and the admin token', () => {
  it('refuses to listen beyond loopback without --admin-token, before touching the store', async () => {
    const db = join(dir, 'exposed.json');
    const stderr = await usageError(['--host', '0.0.0.0', '--db', db, '--sessions', '5']);
    assert.match(stderr, /--admin-token/);
    assert.match(stderr, /0\.0\.0\.0/);
    assert.equal(existsSync(db), false);
  });

  it('refuses a latency or a session TTL it cannot read, saying the forms', async () => {
    assert.match(await usageError(['--latency', 'fast']), /50-300.*lognormal:80,0\.4|lognormal/);
    assert.match(await usageError(['--session-ttl', 'soon']), /--session-ttl/);
    assert.match(await usageError(['--journal-size', '-1']), /--journal-size/);
  });

  it('--latency and --journal-size reach the running mock (--session-ttl is read: its expiry is tested in session-expiry)', async () => {
    const served = await spawnServe(['--db', join(dir, 'settings.json'), '--sessions', '5', '--latency', '50-80', '--journal-size', '7', '--session-ttl', '1h']);
    try {
      assert.deepEqual(await adminClient(served.url).settings.get(), { latency: '50-80', journalSize: 7 });
      const started = performance.now();
      await (await fetch(`${served.url}/auth/status`)).arrayBuffer();
      assert.ok(performance.now() - started >= 45);
    } finally {
      await served.stop();
    }
  });

  it('--help explains the new options', async () => {
    const { code, stdout, stderr } = await runEvoMock(['serve', '--help']);
    assert.equal(code, 0, stderr);
    for (const option of ['--latency', '--session-ttl', '--journal-size', '--admin-token']) assert.match(stdout, new RegExp(`${option}\\b`), option);
  });
});
