import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADMIN_AUTH, DEV_AUTH, runEvoMock, spawnServe } from './helpers/evo-mock-process.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evo-mock-serve-cli-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('evo-mock serve --help', () => {
  it('explains every option', async () => {
    const { code, stdout, stderr } = await runEvoMock(['serve', '--help']);
    assert.equal(code, 0, stderr);
    for (const option of ['--port', '--host', '--allowed-hosts', '--shutdown-grace', '--db', '--seed', '--sessions', '--now', '--reset', '--no-quirks', '--empty-401', '--cors-any-origin', '--cors-allow-headers', '--body-limit', '--quiet']) {
      assert.match(stdout, new RegExp(`${option}\\b`), option);
    }
    assert.match(stdout, /default: 4010/);
    assert.match(stdout, /default: 127\.0\.0\.1/);
    assert.match(stdout, /\.data\/db\.json/);
  });

  it('a wrong option is a usage error (exit 2)', async () => {
    const r = await runEvoMock(['serve', '--port', 'eighty']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--port takes a whole number/);
  });
});

describe('evo-mock serve on a port that is taken', () => {
  it('says which port and how to pick another, before seeding anything (no store file is written)', async () => {
    const taken = createNetServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const db = join(dir, 'port-in-use.json');
    try {
      const r = await runEvoMock(['serve', '--port', String(port), '--db', db, '--sessions', '2000']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use .*--port ${port + 1}, or --port 0 for any free one`));
      assert.doesNotMatch(r.stderr + r.stdout, /seeded/);
      assert.equal(existsSync(db), false, 'nothing was seeded');
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});

describe('evo-mock serve start-up and graceful shutdown', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: finishes, flushes the store, exits 0; the next start finds what was created`, async () => {
      const db = join(dir, `graceful-${signal}.json`);
      const first = await spawnServe(['--db', db, '--sessions', '50', '--now', '2026-11-20T12:00:00Z']);
      assert.match(first.output(), /dev@example\.com \/ dev/);
      assert.match(first.output(), /guest@example\.com \/ guest/);
      assert.match(first.output(), /other@example\.com \/ other/);
      assert.match(first.output(), /admin@example\.com \/ admin/);
      assert.match(first.output(), /Console: http:\/\/127\.0\.0\.1:\d+\/__console /, 'the banner prints the console URL');
      const health = await fetch(`${first.url}/__admin/health`);
      const body = (await health.json()) as { status: string; sessions: number };
      assert.deepEqual({ status: body.status, sessions: body.sessions }, { status: 'ok', sessions: 50 });
      // Creates still in flight when the signal lands must be answered and kept.
      const creates = Array.from({ length: 20 }, (_, i) =>
        fetch(`${first.url}/sessions`, { method: 'POST', headers: { ...DEV_AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify({ displayName: `graceful ${i}` }) }).then(
          async (r) => (r.status === 200 ? ((await r.json()) as { id: string }).id : undefined),
          () => undefined,
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
      first.child.kill(signal);
      const ids = (await Promise.all(creates)).filter((id): id is string => id !== undefined);
      assert.equal(await first.exited, 0, first.output());
      JSON.parse(await readFile(db, 'utf8'));

      const second = await spawnServe(['--db', db]);
      try {
        const res = await fetch(`${second.url}/__admin/health`);
        assert.equal(((await res.json()) as { sessions: number }).sessions, 50 + ids.length);
        for (const id of ids) assert.equal((await fetch(`${second.url}/sessions/${id}`, { headers: ADMIN_AUTH })).status, 200, id);
      } finally {
        second.child.kill('SIGTERM');
        assert.equal(await second.exited, 0);
      }
    });
  }

  it('--reset starts again from the seed', async () => {
    const db = join(dir, 'reset.json');
    const a = await spawnServe(['--db', db, '--sessions', '10']);
    await fetch(`${a.url}/sessions`, { method: 'POST', headers: { ...DEV_AUTH, 'Content-Type': 'application/json' }, body: '{}' });
    a.child.kill('SIGTERM');
    await a.exited;
    const b = await spawnServe(['--db', db, '--sessions', '10', '--reset']);
    try {
      const res = await fetch(`${b.url}/__admin/health`);
      assert.equal(((await res.json()) as { sessions: number }).sessions, 10);
    } finally {
      b.child.kill('SIGTERM');
      await b.exited;
    }
  });
});

describe('durability over HTTP', () => {
  it('SIGKILL mid-load loses no acknowledged session, and the file still loads', async () => {
    const db = join(dir, 'durable.json');
    const first = await spawnServe(['--db', db, '--sessions', '200']);
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${first.url}/sessions`, {
            method: 'POST',
            headers: { ...DEV_AUTH, 'Content-Type': 'application/json' },
            body: JSON.stringify({ displayName: `durable ${w}-${i}`, toAddress: '+15555550123' }),
          });
          if (res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = Array.from({ length: 32 }, (_, w) => worker(w));
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    assert.equal(await first.exited, 'SIGKILL');

    const second = await spawnServe(['--db', db]);
    try {
      const found = new Set<string>();
      // In chunks, so the URL stays well under Node's header limit however many were acknowledged.
      for (let i = 0; i < acknowledged.length; i += 100) {
        const ids = acknowledged.slice(i, i + 100).join(',');
        const res = await fetch(`${second.url}/sessions?all=true&specificIds=${ids}`, { headers: ADMIN_AUTH });
        assert.equal(res.status, 200);
        for (const s of ((await res.json()) as { items: { id: string }[] }).items) found.add(s.id);
      }
      const lost = acknowledged.filter((id) => !found.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged sessions were lost`);
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });
});
