import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { ADMIN_AUTH, MAIN, spawnServe, type ServeProcess } from '../cli/helpers/evo-mock-process.js';
import { tempDir } from '../store/helpers.js';

const MIN = 60_000;
const DAY = 86_400_000;
const hasFaketime = spawnSync('faketime', ['-f', '+0d', 'true']).status === 0;

describe('a world that stays current without --now', () => {
  it('a store seeded three weeks ago (under faketime) serves the last 15 days and minutes-old live calls today', { skip: hasFaketime ? false : 'Debian faketime is not installed (.ci/run installs it)' }, async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const seeded = spawnSync('faketime', ['-f', '-21d', process.execPath, '--import', 'tsx', MAIN, 'seed', '--db', db, '--sessions', '300'], { encoding: 'utf8', cwd: path.dirname(MAIN) });
    assert.equal(seeded.status, 0, seeded.stderr);
    const p = await spawnServe(['--db', db]);
    try {
      assert.match(p.output(), /moved the store's 300 sessions 2\dd .*forward so its world is current/);
      const now = Date.now();
      const res = await fetch(`${p.url}/sessions?all=true`, { headers: ADMIN_AUTH });
      const { items } = (await res.json()) as { items: SessionInfo[] };
      assert.ok(items.length > 50, `the default call log (last 15 days) holds only ${items.length} sessions`);
      const newest = Math.max(...items.map((s) => Date.parse(s.dateLastModified ?? s.dateCreated!)));
      assert.ok(Math.abs(now - newest) < 10 * MIN, `the newest session is ${Math.round((now - newest) / MIN)} minutes from now`);
      const live = items.filter((s) => s.ended === false);
      assert.ok(live.length > 0);
      for (const s of live) assert.ok(now - Date.parse(s.dateCreated!) < 2 * 60 * MIN, `live call ${s.id} started ${Math.round((now - Date.parse(s.dateCreated!)) / MIN)} minutes ago`);
      const archived = await fetch(`${p.url}/sessions?searchArchive=true&countPerPage=1`, { headers: ADMIN_AUTH });
      const total = ((await archived.json()) as { totalCount: number }).totalCount;
      assert.ok(total > 0 && total < 300, 'the archive still holds what is older than 15 days');
      assert.ok(items.every((s) => Date.parse(s.dateCreated!) > now - 15 * DAY - MIN));
    } finally {
      assert.equal(await p.stop(), 0, p.output());
    }
  });

  it('--now still pins the clock exactly: nothing moves', async (t) => {
    const db = path.join(await tempDir(t), 'db.json');
    const p = await spawnServe(['--db', db, '--sessions', '50', '--now', '2026-01-10T08:00:00Z', '--paused']);
    try {
      assert.doesNotMatch(p.output(), /moved the store/);
      const clock = (await (await fetch(`${p.url}/__admin/clock`)).json()) as { now: string };
      assert.equal(clock.now, '2026-01-10T08:00:00.000Z');
    } finally {
      assert.equal(await p.stop(), 0, p.output());
    }
  });
});
