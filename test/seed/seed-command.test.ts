import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs, UsageError } from '../../src/cli/command.js';
import { openOrSeedStore, parseNow, readStoreOptions, seedCommand } from '../../src/cli/seed-command.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { onCleanup, sessionSortFields, stored, tempDir } from '../store/helpers.js';

async function seed(args: string[]): Promise<{ code: number; out: string }> {
  const { values, positionals } = parseCommandArgs(seedCommand, args);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    return { code: await seedCommand.run(values, positionals), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

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
    { args: ['--now', '2026-02-30T00:00:00Z'], message: /--now takes an ISO 8601/ },
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

  it('runs from the command line and exits 2 on a bad value', () => {
    const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'seed', '--sessions', 'many'], { encoding: 'utf8', cwd: path.dirname(main) });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /evo-mock seed: --sessions takes a whole number, not 'many'\.\nRun 'evo-mock seed --help'/);
  });
});

describe('reading --now', () => {
  const cases: [string, string][] = [
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T14:03:07Z', '2026-11-20T14:03:07.000Z'],
    ['2026-11-20T14:03:07.123Z', '2026-11-20T14:03:07.123Z'],
    ['2026-11-20T14:03:07+01:00', '2026-11-20T13:03:07.000Z'],
  ];
  for (const [text, iso] of cases) it(`reads ${text}`, () => assert.equal(parseNow(text).toISOString(), iso));

  it('lists the seeding options given explicitly', () => {
    assert.deepEqual(readStoreOptions({ seed: '2', now: '2026-11-20' }).seedingOptionsGiven, ['--seed', '--now']);
  });
});

describe('opening or seeding the store (what serve calls)', () => {
  it('seeds on first start, keeps created sessions on the next, and starts again on reset', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    const fixtures = await loadFixtures();
    const opts = { file, fixtures, seed: 2, sessions: 30, now: new Date('2026-11-20T12:00:00.000Z'), sortFields: sessionSortFields() };

    const first = await openOrSeedStore(opts);
    assert.equal(first.seeded?.meta.sessionCount, 30);
    const created = await first.store.create(stored({ id: 'f'.repeat(32), accountId: fixtures.accounts[0]!.id, dateCreated: first.store.now().toISOString() }));
    await first.store.close();

    const second = await openOrSeedStore({ ...opts, seed: 99 });
    assert.equal(second.seeded, undefined, 'an existing store is kept');
    assert.ok(second.store.exists(created.id!, 'all'));
    assert.equal(second.store.stats.sessions, 31);
    await second.store.close();

    const third = await openOrSeedStore({ ...opts, reset: true });
    onCleanup(t, () => third.store.close());
    assert.ok(third.seeded);
    assert.equal(third.store.exists(created.id!, 'all'), false);
    assert.equal(third.store.stats.sessions, 30);
  });

  it('refuses to reset a store another process has open', async (t) => {
    const file = path.join(await tempDir(t), 'db.json');
    const opts = { file, fixtures: await loadFixtures(), sessions: 5, sortFields: sessionSortFields() };
    const open = await openOrSeedStore(opts);
    onCleanup(t, () => open.store.close());
    await assert.rejects(openOrSeedStore({ ...opts, reset: true }), /in use by process/);
  });
});
