import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeLanes } from '../../../src/server/admin/admin-json.js';

/** A task that records when it starts and ends, and ends when told. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { task: async () => { log.push(`${name}+`); await opened; log.push(`${name}-`); return name; }, open };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the admin write lanes', () => {
  it('run tasks on one id in order, tasks on other ids side by side, and a whole-data task alone', async () => {
    const lanes = writeLanes();
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    const all = gate(log, 'all');
    const c1 = gate(log, 'c1');
    const runs = [lanes.forId('a', a1.task), lanes.forId('a', a2.task), lanes.forId('b', b1.task), lanes.whole(all.task), lanes.forId('c', c1.task)];
    await tick();
    assert.deepEqual(log, ['a1+', 'b1+'], 'a2 waits for a1; b1 runs beside it; the rest wait');
    a1.open();
    await tick();
    assert.deepEqual(log.slice(2), ['a1-', 'a2+']);
    a2.open();
    b1.open();
    await tick();
    await tick();
    assert.deepEqual(log.slice(4).sort(), ['a2-', 'all+', 'b1-'].sort(), 'the whole-data task starts once every earlier task is done');
    all.open();
    await tick();
    await tick();
    assert.deepEqual(log.slice(7), ['all-', 'c1+'], 'a later task waits for it');
    c1.open();
    assert.deepEqual(await Promise.all(runs), ['a1', 'a2', 'b1', 'all', 'c1']);
  });

  it('goes on after a task fails', async () => {
    const lanes = writeLanes();
    await assert.rejects(lanes.forId('x', async () => { throw new Error('boom'); }), /boom/);
    await assert.rejects(lanes.whole(async () => { throw new Error('bang'); }), /bang/);
    assert.equal(await lanes.forId('x', async () => 'fine'), 'fine');
    assert.equal(await lanes.whole(async () => 'fine too'), 'fine too');
  });
});
