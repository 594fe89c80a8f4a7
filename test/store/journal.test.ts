import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeFileAtomic } from '../../src/store/atomic-file.js';
import { GroupCommitJournal } from '../../src/store/group-commit-journal.js';
import { readJournal, type JournalRecord } from '../../src/store/journal-reader.js';
import { stored, tempDir } from './helpers.js';

const recordId = (r: JournalRecord) => ('put' in r ? r.put.session.id : `-${r.deleted}`);
const line = (id: string) => `${JSON.stringify(stored({ id, accountId: 'a', dateCreated: '2026-11-20T10:00:00.000Z' }))}\n`;

describe('reading a journal', () => {
  it('reads nothing from a missing file', async (t) => {
    const dir = await tempDir(t);
    assert.deepEqual(await readJournal(path.join(dir, 'none')), { entries: [], validBytes: 0, tornBytes: 0, warnings: [], dropped: [] });
  });

  it('drops a torn last line (never acknowledged) and says where the good part ends', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    const good = line('s1') + line('s2');
    await writeFile(file, good + line('s3').slice(0, 40));
    const j = await readJournal(file);
    assert.deepEqual(j.entries.map(recordId), ['s1', 's2']);
    assert.equal(j.validBytes, Buffer.byteLength(good));
    assert.equal(j.tornBytes, 40);
    assert.deepEqual(j.warnings, []);
  });

  it('drops a tail of zeros, as a crash can leave after the size was extended', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    await writeFile(file, Buffer.concat([Buffer.from(line('s1')), Buffer.alloc(300), Buffer.from('\n')]));
    const j = await readJournal(file);
    assert.deepEqual(j.entries.map(recordId), ['s1']);
    assert.equal(j.tornBytes, 301);
  });

  it('skips a bad line in the middle with a warning and keeps the good lines after it', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    await writeFile(file, line('s1') + '{"session":{"id":"x"}}\n' + 'not json\n' + line('s4'));
    const j = await readJournal(file);
    assert.deepEqual(j.entries.map(recordId), ['s1', 's4']);
    assert.equal(j.tornBytes, 0);
    assert.equal(j.warnings.length, 2);
    assert.match(j.warnings[0] ?? '', /line 2 skipped .*accountId/);
  });
});

describe('group commit', () => {
  it('acknowledges every append, in far fewer write+fsync groups than appends', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    const committed: string[] = [];
    const journal = await GroupCommitJournal.open<string>(file, 0, (ids) => committed.push(...ids));
    const ids = Array.from({ length: 300 }, (_, i) => `s${i}`);
    await Promise.all(ids.map((id) => journal.append(line(id), id)));
    assert.deepEqual(committed, ids, 'committed in arrival order');
    assert.ok(journal.groups >= 1 && journal.groups <= 5, `300 concurrent appends took ${journal.groups} groups`);
    await journal.close();
    const j = await readJournal(file);
    assert.equal(j.entries.length, 300);
  });

  it('runs onCommitted before the append resolves', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    const committed = new Set<string>();
    const journal = await GroupCommitJournal.open<string>(file, 0, (ids) => ids.forEach((id) => committed.add(id)));
    await Promise.all(['a', 'b', 'c'].map((id) => journal.append(line(id), id).then(() => assert.ok(committed.has(id), `${id} resolved before it was committed`))));
    await journal.close();
  });

  it('cuts a torn tail before appending, so the next line does not fuse with it', async (t) => {
    const file = path.join(await tempDir(t), 'j');
    await writeFile(file, line('s1') + '{"session":{"id":"torn');
    const before = await readJournal(file);
    const journal = await GroupCommitJournal.open<string>(file, before.validBytes, () => undefined);
    await journal.append(line('s2'), 's2');
    await journal.close();
    const after = await readJournal(file);
    assert.deepEqual(after.entries.map(recordId), ['s1', 's2']);
    assert.equal(after.tornBytes, 0);
  });

  it('runs an exclusive task between groups, with appends waiting for it', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'j');
    const journal = await GroupCommitJournal.open<string>(file, 0, () => undefined);
    const first = Promise.all(['a', 'b'].map((id) => journal.append(line(id), id)));
    const rotated = journal.exclusive(async () => {
      await journal.rotate(path.join(dir, 'j.old'));
      return journal.bytes;
    });
    const later = journal.append(line('c'), 'c');
    await Promise.all([first, later]);
    assert.equal(await rotated, 0);
    await journal.close();
    const old = await readJournal(path.join(dir, 'j.old'));
    const fresh = await readJournal(file);
    assert.equal(old.entries.length + fresh.entries.length, 3);
    assert.ok(fresh.entries.some((e) => recordId(e) === 'c'));
  });

  it('refuses appends once closed', async (t) => {
    const journal = await GroupCommitJournal.open<string>(path.join(await tempDir(t), 'j'), 0, () => undefined);
    await journal.close();
    await assert.rejects(journal.append(line('x'), 'x'), /closed/);
  });
});

describe('atomic file writes', () => {
  it('replaces the target and leaves no temp file', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, ['{"a":', '1}']);
    assert.equal(await readFile(file, 'utf8'), '{"a":1}');
    assert.deepEqual(await readdir(dir), ['db.json']);
  });

  it('keeps the old content when writing fails halfway', async (t) => {
    const dir = await tempDir(t);
    const file = path.join(dir, 'db.json');
    await writeFile(file, 'old');
    function* failing() {
      yield 'x'.repeat(2 << 20); // past the 1 MiB batch, so bytes reach the temp file
      throw new Error('disk on fire');
    }
    await assert.rejects(writeFileAtomic(file, failing()), /disk on fire/);
    assert.equal(await readFile(file, 'utf8'), 'old');
    assert.deepEqual(await readdir(dir), ['db.json']);
  });
});

