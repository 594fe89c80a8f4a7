import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimClock } from '../../src/time/sim-clock.js';

function fakeWall(start = 1_000_000): { now: () => number; pass(ms: number): void } {
  let t = start;
  return { now: () => t, pass: (ms) => void (t += ms) };
}

describe('SimClock', () => {
  it('runs at its speed from where it was set', () => {
    const wall = fakeWall();
    const c = new SimClock({ start: 0, speed: 60, wall: wall.now });
    wall.pass(1_000);
    assert.equal(c.now(), 60_000);
    c.setSpeed(1);
    wall.pass(1_000);
    assert.equal(c.now(), 61_000);
  });

  it('stands still while paused, moves only when advanced or set, and runs on from there when resumed', () => {
    const wall = fakeWall();
    const c = new SimClock({ start: 5_000, paused: true, wall: wall.now });
    wall.pass(10_000);
    assert.equal(c.now(), 5_000);
    c.advance(300_000);
    assert.equal(c.now(), 305_000);
    c.set(1_000);
    assert.equal(c.now(), 1_000);
    c.resume();
    wall.pass(2_000);
    assert.equal(c.now(), 3_000);
    c.pause();
    wall.pass(2_000);
    assert.equal(c.now(), 3_000);
    assert.deepEqual(c.state(), { now: new Date(3_000).toISOString(), paused: true, speed: 1 });
  });

  it('refuses a speed that is not a positive number, and a negative advance', () => {
    const c = new SimClock({ start: 0 });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 1e9]) assert.throws(() => c.setSpeed(bad), RangeError);
    assert.throws(() => c.advance(-1), RangeError);
  });

  it('tells its listeners what changed', () => {
    const c = new SimClock({ start: 0, paused: true });
    const seen: string[] = [];
    const off = c.onChange((what) => seen.push(what));
    c.advance(1);
    c.resume();
    c.setSpeed(2);
    c.pause();
    c.set(0);
    off();
    c.advance(1);
    assert.deepEqual(seen, ['advance', 'resume', 'speed', 'pause', 'set']);
  });
});
