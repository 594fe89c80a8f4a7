import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../../src/options/usage-error.js';
import { tempDir } from '../store/helpers.js';
import { runCommand } from './helpers/run-command.js';
import { runEvoMock } from './helpers/evo-mock-process.js';

const seed = (args: string[]) => runCommand('seed', args);

describe('evo-mock seed', () => {
  it('writes a store, then keeps it unless --reset', async (t) => {
    const db = path.join(await tempDir(t), 'nested', 'db.json');
    const first = await seed(['--db', db, '--seed', '3', '--sessions', '25', '--now', '2026-11-20T12:00:00Z']);
    assert.equal(first.code, 0);
    assert.match(first.out, /Seeded .*db\.json: 25 sessions, seed 3, now 2026-11-20T12:00:00\.000Z/);
    const bytes = await readFile(db);

    const kept = await seed(['--db', db, '--seed', '4']);
    assert.equal(kept.code, 0);
    assert.match(kept.out, /already exists; kept it as it is \(--seed not applied\)\. Pass --reset/);
    assert.ok(bytes.equals(await readFile(db)));

    const reset = await seed(['--db', db, '--reset', '--sessions', '10', '--now', '2026-11-20']);
    assert.match(reset.out, /Reset .*: 10 sessions, seed 1, now 2026-11-20T00:00:00\.000Z/);
    assert.equal(JSON.parse(await readFile(db, 'utf8')).sessions.length, 10);
  });

  it('records whether --now was given', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const out = await seed(['--db', db, '--sessions', '3']);
    assert.match(out.out, /\(the current time\)/);
    assert.equal(JSON.parse(await readFile(db, 'utf8')).meta.nowFixed, false);
  });

  const bad: { args: string[]; message: RegExp }[] = [
    { args: ['--seed', 'abc'], message: /--seed takes a whole number, not 'abc'/ },
    { args: ['--seed=-1'], message: /--seed must be between 0 and/ },
    { args: ['--sessions', '1.5'], message: /--sessions takes a whole number/ },
    { args: ['--sessions', '9999999'], message: /--sessions must be between 0 and 200000/ },
    { args: ['--now', 'yesterday'], message: /--now takes an ISO 8601 date-time/ },
    { args: ['--now', '2026-02-30T00:00:00Z'], message: /--now takes an ISO 8601.*'2026-02-30T00:00:00Z' is not a day and time of the calendar/ },
    { args: ['--db', ''], message: /--db needs a file path/ },
    { args: ['--colour', 'red'], message: /Unknown option '--colour'/ },
    { args: ['extra'], message: /seed takes no arguments/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.args.join(' ')} with a usage error`, async (t) => {
      const db = path.join(await tempDir(t), 'db.json');
      await assert.rejects(seed(['--db', db, ...c.args]), (err: unknown) => err instanceof UsageError && c.message.test(err.message));
      await assert.rejects(stat(db), 'nothing written');
    });
  }

  it('runs from the command line and exits 2 on a bad value', async () => {
    const r = await runEvoMock(['seed', '--sessions', 'many']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /evo-mock seed: --sessions takes a whole number, not 'many'\.\nRun 'evo-mock seed --help'/);
  });

  it('writes the same bytes whatever time zone the machine is in, reading --now without a zone as UTC', async (t) => {
    const dir = await tempDir(t);
    const files: string[] = [];
    for (const zone of ['UTC', 'America/New_York']) {
      const db = path.join(dir, `${zone.replace('/', '-')}.json`);
      const r = await runEvoMock(['seed', '--db', db, '--sessions', '40', '--now', '2026-11-20T12:00:00'], { env: { TZ: zone } });
      assert.equal(r.code, 0, r.stderr);
      files.push(db);
    }
    const [utc, newYork] = await Promise.all(files.map((f) => readFile(f)));
    assert.ok(utc!.equals(newYork!), 'the store files differ between TZ=UTC and TZ=America/New_York');
    assert.equal(JSON.parse(utc!.toString()).meta.now, '2026-11-20T12:00:00.000Z');
  });
});
