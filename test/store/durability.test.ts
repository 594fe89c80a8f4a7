import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { seedStoreFile } from '../../src/seed/open-or-seed.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { onCleanup, tempDir } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDED = 50;

/** Starts the writer, collects the ids it reports as acknowledged, and SIGKILLs it after `killAfter` of them. */
function createAndKill(file: string, compactAfterBytes: number, killAfter: number): Promise<{ acked: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'create-under-load.ts'), file, String(compactAfterBytes)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line !== 'ready') acked.push(line);
      if (acked.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      else resolve({ acked, signal });
    });
  });
}

describe('durability under SIGKILL', () => {
  const runs = [
    { name: 'killed mid-load: every acknowledged session is there', compactAfterBytes: 64 << 20, killAfter: 600 },
    { name: 'killed while compactions run: every acknowledged session is there', compactAfterBytes: 200_000, killAfter: 1500 },
  ];
  for (const run of runs) {
    it(run.name, async (t) => {
      const file = path.join(await tempDir(t), 'db.json');
      await seedStoreFile({ file, fixtures: await loadFixtures(), seed: 9, sessions: SEEDED, now: new Date('2026-11-20T12:00:00.000Z') });
      const { acked } = await createAndKill(file, run.compactAfterBytes, run.killAfter);
      assert.ok(acked.length >= run.killAfter, `only ${acked.length} creates were acknowledged before the kill`);

      JSON.parse(await readFile(file, 'utf8')); // the snapshot is whole, whatever moment the kill hit
      const store = await JsonFileStore.open({ file, sortFields: new Map() });
      assert.ok(store);
      onCleanup(t, () => store.close());
      const missing = acked.filter((id) => !store.exists(id, 'all'));
      assert.deepEqual(missing, [], `${missing.length} of ${acked.length} acknowledged sessions were lost`);
      assert.ok(store.stats.sessions >= SEEDED + acked.length);
    });
  }
});
