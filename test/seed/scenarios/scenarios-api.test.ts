import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { scenarioId } from '../../../src/seed/scenarios/scenario-ids.js';
import { DEV_ACCOUNT, EMPTY_ACCOUNT, startScenarioMock, type ScenarioMock } from '../../server/helpers/scenario-mock.js';
import type { ListBody } from '../../server/helpers/mock-server.js';

/** The scenarios as QA meets them: through the real API of a mock started on a store seeded with them. */

const DEV_ID = '0d5e6f7a8b9c4d0e8f1a2b3c4d5e6f70';
const HOLD = scenarioId('hold-transferring', 1);
const LEG = scenarioId('hold-transferring', 2);
const MISSED = scenarioId('missed-call', 1);
const QUEUED = scenarioId('ringing-queue', 1);
const RINGING = scenarioId('ringing-queue', 2);
const HUGE = 12_345;

/** GetActiveSessions and GetMySessions wrap their list. */
interface Wrapped {
  sessions: SessionInfo[];
}

let mock: ScenarioMock;
let huge: ScenarioMock;
let empty: ScenarioMock;

before(async () => {
  [mock, huge, empty] = await Promise.all([
    startScenarioMock({ scenarios: 'hold-transferring,missed-call,ringing-queue,empty-account' }),
    startScenarioMock({ scenarios: `empty,huge-list:${HUGE}` }),
    startScenarioMock({ scenarios: 'empty' }),
  ]);
});
after(() => Promise.all([mock.stop(), huge.stop(), empty.stop()]));

function find(list: readonly SessionInfo[], id: string): SessionInfo {
  const s = list.find((x) => x.id === id);
  assert.ok(s, `${id} is not in the answer`);
  return s;
}

describe('hold-transferring through the API', () => {
  it('GET /sessions/active as dev shows the held call; the transfer leg rings a colleague, so it is not dev\'s', async () => {
    const { status, body } = await mock.json<Wrapped>('/sessions/active', { user: 'dev' });
    assert.equal(status, 200);
    assert.ok(!body.sessions.some((s) => s.id === LEG));
    const legs = (await mock.json<ListBody>(`/sessions?parentSessionId=${HOLD}`, { user: 'dev' })).body.items;
    const held = find(body.sessions, HOLD);
    assert.deepEqual([held.callState, held.queueState, held.holdReason, held.heldByUserId, held.ended], ['Hold', 'Hold', 'Transferring', DEV_ID, false]);
    assert.ok(held.holdQueueName);
    assert.deepEqual(held.members!.map((m) => `${m.role}:${m.callState}`), ['Caller:Hold', 'Agent:Connected', 'Transfer:Ringing']);
    const leg = find(legs, LEG);
    assert.deepEqual([leg.callState, leg.dialState], ['Ringing', 'Active']);
  });

  it('GET /sessions/my as dev has it too (dev is the agent on it)', async () => {
    const { body } = await mock.json<Wrapped>('/sessions/my', { user: 'dev' });
    find(body.sessions, HOLD);
  });

  it('ListSessions?specificIds= carries its log, ending in the transfer', async () => {
    const { body } = await mock.json<ListBody>(`/sessions?specificIds=${HOLD}`, { user: 'dev' });
    assert.equal(body.totalCount, 1);
    const log = body.items[0]!.log!.map((l) => l.message);
    assert.match(log[0] ?? '', /^Incoming call from \+\d+ /);
    assert.match(log.at(-2) ?? '', /^Put on hold by Dana Developer in /);
    assert.match(log.at(-1) ?? '', /^Transferring to /);
  });

  it('ListSessions?parentSessionId= finds the transfer leg as its child', async () => {
    const { body } = await mock.json<ListBody>(`/sessions?parentSessionId=${HOLD}`, { user: 'dev' });
    assert.deepEqual(body.items.map((s) => s.id), [LEG]);
  });

  it('GET /sessions/{id} answers it by its fixed id; another account cannot see it', async () => {
    assert.equal((await mock.json<SessionInfo>(`/sessions/${HOLD}`, { user: 'dev' })).body.id, HOLD);
    assert.equal((await mock.json(`/sessions/${HOLD}`, { user: 'other' })).status, 404);
  });
});

describe('missed-call and ringing-queue through the API', () => {
  it('the missed call is ended, Disconnected, missed, Abandoned, with no answeredBy', async () => {
    const { body } = await mock.json<ListBody>(`/sessions?specificIds=${MISSED}`, { user: 'dev' });
    const s = body.items[0]!;
    assert.deepEqual([s.ended, s.callState, s.wasMissed, s.outcome, s.answeredById, s.answeredByName], [true, 'Disconnected', true, 'Abandoned', undefined, undefined]);
    const active = (await mock.json<Wrapped>('/sessions/active', { user: 'dev' })).body.sessions;
    assert.ok(!active.some((x) => x.id === MISSED), 'an ended call is not active');
  });

  it('the queue holds one Queued and one Ringing call with the same ringQueueId', async () => {
    const { body } = await mock.json<ListBody>(`/sessions?specificIds=${QUEUED},${RINGING}`, { user: 'dev' });
    const queued = find(body.items, QUEUED);
    const ringing = find(body.items, RINGING);
    assert.deepEqual([queued.queueState, ringing.queueState, ringing.callState], ['Queued', 'Ringing', 'Ringing']);
    assert.equal(queued.ringQueueId, ringing.ringQueueId);
    const mine = (await mock.json<Wrapped>('/sessions/my', { user: 'dev' })).body.sessions;
    find(mine, RINGING);
    const active = (await mock.json<Wrapped>('/sessions/active', { user: 'dev' })).body.sessions;
    find(active, RINGING);
    assert.ok(!active.some((s) => s.id === QUEUED), "the call waiting in the queue rings no one yet, so it is on no endpoint of dev's");
  });
});

describe('empty-account and empty through the API', () => {
  for (const path of ['/sessions', '/sessions?searchArchive=true']) {
    it(`empty@example.com lists zero sessions with totals 0 (${path})`, async () => {
      const { status, body } = await mock.json<ListBody>(path, { user: 'empty' });
      assert.equal(status, 200);
      assert.deepEqual([body.items.length, body.totalCount, body.totalPages, body.hasMorePages], [0, 0, 0, false]);
    });
  }

  it('empty@example.com has nothing active or of their own; an administrator sees nothing in that account either', async () => {
    assert.deepEqual((await mock.json('/sessions/active', { user: 'empty' })).body, { sessions: [] });
    assert.deepEqual((await mock.json('/sessions/my', { user: 'empty' })).body, { sessions: [] });
    const { body } = await mock.json<ListBody>(`/sessions?accountIds=${EMPTY_ACCOUNT}&searchArchive=true`, { user: 'admin' });
    assert.equal(body.totalCount, 0);
  });

  it('with empty, even an administrator lists nothing, live or archived', async () => {
    for (const path of ['/sessions', '/sessions?searchArchive=true']) {
      const { body } = await empty.json<ListBody>(path, { user: 'admin' });
      assert.equal(body.totalCount, 0, path);
    }
    assert.deepEqual((await empty.json('/sessions/active', { user: 'admin' })).body, { sessions: [] });
  });
});

describe('huge-list through the API', () => {
  it('totals are exact, and the last page holds the remainder, oldest last', async () => {
    const per = 100;
    const first = await huge.json<ListBody>(`/sessions?accountIds=${DEV_ACCOUNT}&countPerPage=${per}`, { user: 'dev' });
    assert.deepEqual([first.body.totalCount, first.body.totalPages, first.body.hasMorePages], [HUGE, Math.ceil(HUGE / per), true]);
    assert.equal(first.body.items[0]!.id, scenarioId('huge-list', HUGE), 'newest first');
    const lastPage = Math.ceil(HUGE / per) - 1; // pages count from 0
    const last = await huge.json<ListBody>(`/sessions?accountIds=${DEV_ACCOUNT}&countPerPage=${per}&page=${lastPage}`, { user: 'dev' });
    assert.equal(last.body.items.length, HUGE % per);
    assert.equal(last.body.hasMorePages, false);
    assert.equal(last.body.items.at(-1)!.id, scenarioId('huge-list', 1));
  });

  it('is all in the default call log: nothing in the archive', async () => {
    const { body } = await huge.json<ListBody>('/sessions?searchArchive=true', { user: 'dev' });
    assert.equal(body.totalCount, 0);
  });
});
