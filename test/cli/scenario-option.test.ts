import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SCENARIO_NAMES } from '../../src/seed/scenarios/registry.js';
import { scenarioId } from '../../src/seed/scenarios/scenario-ids.js';
import { DEV_AUTH, runEvoMock, spawnServe, type ServeProcess } from './helpers/evo-mock-process.js';
import { tempDir } from '../store/helpers.js';

/** `evo-mock serve --scenario` and `seed --scenario`, run as the user runs them. */

const HOLD = scenarioId('hold-transferring', 1);
const NOW = '2026-11-20T12:00:00Z';

describe('evo-mock serve --scenario', () => {
  it('seeds a new store with the scenario, serves it, keeps it on the next start, and warns that --scenario then does nothing', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const first = await spawnServe(['--db', db, '--sessions', '30', '--now', NOW, '--scenario', 'hold-transferring']);
    try {
      const res = await fetch(`${first.url}/sessions/${HOLD}`, { headers: DEV_AUTH });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { holdReason?: string }).holdReason, 'Transferring');
      assert.match(first.output(), /hold-transferring \+2\. 32 sessions in all\./);
    } finally {
      assert.equal(await first.stop(), 0, first.output());
    }
    const second = await spawnServe(['--db', db, '--scenario', 'missed-call']);
    try {
      assert.match(second.output(), /--scenario only shape a new store|POST \/__admin\/scenarios\/NAME/);
      assert.equal((await fetch(`${second.url}/sessions/${HOLD}`, { headers: DEV_AUTH })).status, 200, 'kept');
      assert.equal((await fetch(`${second.url}/sessions/${scenarioId('missed-call', 1)}`, { headers: DEV_AUTH })).status, 404, 'not applied');
    } finally {
      assert.equal(await second.stop(), 0, second.output());
    }
  });

  it('--reset --scenario starts again with just what is asked for', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const p = await spawnServe(['--db', db, '--reset', '--now', NOW, '--scenario', 'empty,missed-call']);
    try {
      const health = (await (await fetch(`${p.url}/__admin/health`)).json()) as { sessions: number };
      assert.equal(health.sessions, 1);
    } finally {
      assert.equal(await p.stop(), 0, p.output());
    }
  });

  it('--scenario list prints the scenarios and exits 0 without serving', async () => {
    const r = await runEvoMock(['serve', '--port', '0', '--scenario', 'list']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /hold-transferring\n +A live call on hold/);
    assert.ok(r.stdout.includes(HOLD));
  });

  it('an unknown scenario is a usage error (exit 2) naming the valid ones', async () => {
    const r = await runEvoMock(['serve', '--port', '0', '--scenario', 'on-hold']);
    assert.equal(r.code, 2);
    assert.ok(r.stderr.includes(`evo-mock serve: --scenario: There is no scenario 'on-hold'. The scenarios are: ${SCENARIO_NAMES.join(', ')}.`), r.stderr);
  });
});

describe('evo-mock seed --scenario from the command line', () => {
  it('writes byte-identical files on every run', async (t) => {
    const dir = await tempDir(t);
    const files = ['a.json', 'b.json'].map((f) => path.join(dir, f));
    for (const db of files) {
      const r = await runEvoMock(['seed', '--db', db, '--sessions', '40', '--now', NOW, '--scenario', 'hold-transferring,ringing-queue,huge-list:300']);
      assert.equal(r.code, 0, r.stderr);
    }
    const [a, b] = await Promise.all(files.map((f) => readFile(f)));
    assert.ok(a!.equals(b!));
  });
});
