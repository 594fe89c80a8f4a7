import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { LiveWorld, type MovableSessions } from '../../src/live/live-world.js';
import { LONGEST_CALL_MS } from '../../src/live/call-progress.js';
import { buildSeedData, seedWorld } from '../../src/seed/seed-data.js';
import type { AccountWorld } from '../../src/seed/seed-world.js';
import { loadFixtures } from '../../src/store/fixtures.js';
import type { StoredSession } from '../../src/store/session-store.js';
import { SimClock } from '../../src/time/sim-clock.js';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const MIN = 60_000;
const fixtures = await loadFixtures();
const SEED = 7;
const seeded = buildSeedData(fixtures, { seed: SEED, sessions: 400, now: new Date(NOW), nowFixed: true });
const { world } = seedWorld(fixtures, SEED);
const worlds = new Map<string, AccountWorld>(world.accounts.map((w) => [w.account.id, w]));
const seededAccounts = world.accounts.filter((w) => w.account.seedShare > 0).map((w) => w.account.id);

/** Sessions in a Map with change events: the seam's put, get and live, nothing more, and a count of puts. */
class Sessions implements MovableSessions {
  readonly byId = new Map<string, StoredSession>();
  private readonly listeners = new Set<Parameters<MovableSessions['onChange']>[0]>();
  puts = 0;
  /** `durableLater`: a write lands a turn of the event loop after it is made, as a journalled one does after its fsync. */
  constructor(
    initial: readonly StoredSession[],
    private readonly durableLater = false,
  ) {
    for (const e of initial) this.byId.set(e.session.id as string, e);
  }
  private landing(): Promise<void> {
    return this.durableLater ? new Promise((r) => setImmediate(r)) : Promise.resolve();
  }
  get(id: string) {
    return this.byId.get(id);
  }
  live() {
    return [...this.byId.values()].filter((e) => e.session.ended !== true);
  }
  async put(entry: StoredSession) {
    await this.landing();
    this.puts++;
    const id = entry.session.id as string;
    const previous = this.byId.get(id);
    this.byId.set(id, entry);
    for (const l of this.listeners) l(previous ? { kind: 'put', id, entry, previous } : { kind: 'put', id, entry });
    return previous ? { entry, previous } : { entry };
  }
  async delete(id: string) {
    await this.landing();
    const previous = this.byId.get(id);
    if (!previous) return undefined;
    this.byId.delete(id);
    for (const l of this.listeners) l({ kind: 'delete', id, previous });
    return previous;
  }
  onChange(l: Parameters<MovableSessions['onChange']>[0]) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  snapshot(): string {
    return JSON.stringify([...this.byId.values()].sort((a, b) => ((a.session.id as string) < (b.session.id as string) ? -1 : 1)));
  }
}

/**
 * The seeded sessions in a world started on a paused clock at NOW (stopped after the test): live, with `rate` new
 * calls per account and hour, or with `rate: 'not live'` only scripted steps. `advance` moves the clock on and
 * runs every step that falls due.
 */
function startWorld(t: { after(fn: () => void): void }, rate: number | 'not live' = 30) {
  const sessions = new Sessions(seeded.sessions);
  const clock = new SimClock({ start: NOW, paused: true });
  const lw = new LiveWorld({ sessions, clock, seed: SEED, worlds, ...(rate === 'not live' ? {} : { live: { rate, accounts: seededAccounts } }) });
  t.after(() => lw.stop());
  lw.start();
  return { sessions, clock, advance: (ms: number) => lw.moveClockTo(clock.now() + ms, () => clock.advance(ms)) };
}

describe('live mode moves calls on the clock', () => {
  it('ends every call that was live at the start, each Disconnected with an outcome and dated in order', async (t) => {
    const liveAtStart = new Sessions(seeded.sessions).live().map((e) => e.session.id as string);
    assert.ok(liveAtStart.length > 10);
    const { sessions, advance } = startWorld(t);
    await advance(LONGEST_CALL_MS + 10 * MIN);
    for (const id of liveAtStart) {
      const s = sessions.get(id)!.session;
      assert.equal(s.ended, true, `${id} is still ${s.callState}`);
      assert.equal(s.callState, 'Disconnected');
      assert.ok(s.outcome, `${id} ended without an outcome`);
      assert.ok(s.dateCompleted! >= s.dateCreated!);
      assert.ok(Date.parse(s.dateLastModified!) > NOW - 60 * MIN, 'dateLastModified did not move');
      const dates = (s.log ?? []).map((l) => l.date!);
      assert.deepEqual(dates, [...dates].sort(), `${id}'s log is out of order`);
    }
  });

  it('takes the calls live at the start over from the start: none ends at once or before it, and they move on from there', async (t) => {
    const { sessions, advance } = startWorld(t, 0);
    const liveAtStart = sessions.live().map((e) => e.session.id as string);
    await advance(0);
    assert.equal(sessions.puts, 0, 'a step of a call taken over at the start fell before the start');
    await advance(2 * MIN);
    assert.ok(sessions.puts > 0, 'nothing moved in two minutes');
    for (const id of liveAtStart) {
      const s = sessions.get(id)!.session;
      if (s.ended) assert.ok(Date.parse(s.dateCompleted!) > NOW, `${id} ended at ${s.dateCompleted}, before the start`);
    }
  });

  it("lets another writer's edit or delete stand when it lands while a step of the same session is being written", async (t) => {
    const sessions = new Sessions(seeded.sessions, true);
    const clock = new SimClock({ start: NOW, paused: true });
    const lw = new LiveWorld({ sessions, clock, seed: SEED, worlds, live: { rate: 0, accounts: seededAccounts } });
    t.after(() => lw.stop());
    lw.start();
    const calls = sessions.live().filter((e) => e.parentSessionId === undefined);
    const [deleted, ...edited] = calls;
    // Written (not yet durable) just before the clock moves: the steps of that advance read what was there before.
    const writes = [sessions.delete(deleted!.session.id as string), ...edited.map((e) => sessions.put({ ...e, session: { ...e.session, displayName: 'QA edit' } }))];
    await lw.moveClockTo(NOW + 2 * MIN, () => clock.advance(2 * MIN));
    await Promise.all(writes);
    assert.equal(sessions.get(deleted!.session.id as string), undefined, 'a deleted call came back');
    const lost = edited.filter((e) => sessions.get(e.session.id as string)!.session.displayName !== 'QA edit').map((e) => e.session.id);
    assert.deepEqual(lost, [], 'a step planned from before the edit overwrote it');
    assert.ok(edited.some((e) => (sessions.get(e.session.id as string)!.session.log?.length ?? 0) > (e.session.log?.length ?? 0)), 'the edited calls moved on');
  });

  it('brings new calls into every seeded account, and they move on too', async (t) => {
    const { sessions, advance } = startWorld(t);
    const before = new Set(sessions.byId.keys());
    await advance(2 * 60 * MIN);
    const arrived = [...sessions.byId.values()].filter((e) => !before.has(e.session.id as string) && e.parentSessionId === undefined);
    const perAccount = new Map<string, number>();
    for (const e of arrived) perAccount.set(e.session.accountId as string, (perAccount.get(e.session.accountId as string) ?? 0) + 1);
    for (const a of seededAccounts) assert.ok((perAccount.get(a) ?? 0) >= 20, `account ${a}: ${perAccount.get(a) ?? 0} calls in 2 hours at 30/h`);
    const ended = arrived.filter((e) => e.session.ended);
    assert.ok(ended.length > arrived.length / 2, 'most calls that arrived in the first hour and a half should have ended');
    const messages = new Set(arrived.flatMap((e) => (e.session.log ?? []).map((l) => l.message!.replace(/ by .*| to .*|\d+.*/, ''))));
    for (const m of ['Answered', 'Put on hold', 'Call ended', 'Transferring']) assert.ok([...messages].some((x) => x.startsWith(m)), `no call went through "${m}"`);
    const legs = [...sessions.byId.values()].filter((e) => !before.has(e.session.id as string) && e.parentSessionId !== undefined);
    assert.ok(legs.length > 0, 'no transfer made a child leg');
    for (const leg of legs) assert.ok(sessions.get(leg.parentSessionId!), 'a leg names a parent that does not exist');
  });

  it('gives byte-identical data for one jump and for many small advances', async (t) => {
    const runs: string[] = [];
    for (const stepMs of [6 * 60 * MIN, 7 * MIN + 13_000]) {
      const { sessions, clock, advance } = startWorld(t);
      const end = NOW + 6 * 60 * MIN;
      while (clock.now() < end) await advance(Math.min(stepMs, end - clock.now()));
      runs.push(sessions.snapshot());
    }
    assert.equal(runs[0], runs[1]);
  });

  it('moves nothing while paused and not advanced, and only scripted steps when not live', async (t) => {
    const { sessions, advance } = startWorld(t, 'not live');
    const before = sessions.snapshot();
    await advance(60 * MIN);
    assert.equal(sessions.snapshot(), before);
    assert.equal(sessions.puts, 0);
  });

  it('picks up a session another writer changes, and moves it from where it is', async (t) => {
    const { sessions, advance } = startWorld(t, 0);
    const ringing = sessions.live().find((e) => e.session.callState === 'Ringing' && e.parentSessionId === undefined)!;
    const edited: SessionInfo = { ...ringing.session, dateLastModified: new Date(NOW).toISOString(), callState: 'Connected', queueState: 'Queued' };
    await sessions.put({ session: edited });
    await advance(2 * 60 * MIN);
    const after = sessions.get(ringing.session.id as string)!.session;
    assert.equal(after.ended, true);
    assert.ok(after.log!.some((l) => l.date! > edited.dateLastModified! && /^Ringing|Caller hung up/.test(l.message!)), 'it did not move on from Queued');
  });
});
