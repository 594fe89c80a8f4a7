import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { ARCHIVED_SESSIONS } from '../../../src/seed/scenarios/archived-account.js';
import { HOSTILE } from '../../../src/seed/scenarios/hostile-strings.js';
import { LONG_LOG_ENTRIES } from '../../../src/seed/scenarios/long-log.js';
import { scenarioId } from '../../../src/seed/scenarios/scenario-ids.js';
import { startScenarioMock, type ScenarioMock } from '../../server/helpers/scenario-mock.js';
import { basic, type ListBody } from '../../server/helpers/mock-server.js';

const CONFERENCE = scenarioId('conference', 1);
const LONG = scenarioId('long-log', 1);
const HOSTILE_ID = scenarioId('hostile-strings', 1);
const OTHER_ACCOUNT = 'c3d2e4f6a8b04d2c9e3b4c5d6e7f8a9b';

let mock: ScenarioMock;
before(async () => {
  mock = await startScenarioMock({ scenarios: 'conference,long-log,hostile-strings,archived-account' });
});
after(() => mock.stop());

async function listed(id: string, archive = false): Promise<SessionInfo> {
  const { body } = await mock.json<ListBody>(`/sessions?specificIds=${id}${archive ? '&searchArchive=true' : ''}`, { user: 'dev' });
  assert.equal(body.items.length, 1, `${id} is not listed`);
  return body.items[0]!;
}

describe('the QA scenarios', () => {
  it('conference: a live call with exactly 6 members, all Connected, in dev\'s active sessions', async () => {
    const s = await listed(CONFERENCE);
    assert.equal(s.members!.length, 6);
    assert.deepEqual(new Set(s.members!.map((m) => m.callState)), new Set(['Connected']));
    assert.deepEqual(s.members!.map((m) => m.role), ['Caller', 'Agent', 'Agent', 'Agent', 'Agent', 'Agent']);
    assert.equal(new Set(s.members!.map((m) => m.identity)).size, 6, 'six different people');
    assert.ok(s.conferenceSid);
    assert.equal(s.log!.filter((l) => l.message!.endsWith('joined the call (conference)')).length, 4);
    const active = (await mock.json<{ sessions: SessionInfo[] }>('/sessions/active', { user: 'dev' })).body.sessions;
    assert.ok(active.some((x) => x.id === CONFERENCE));
  });

  it('long-log: exactly 500 log entries in order through ListSessions; GET by id keeps the empty-log quirk', async () => {
    const s = await listed(LONG);
    assert.equal(s.log!.length, LONG_LOG_ENTRIES);
    const dates = s.log!.map((l) => l.date!);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(s.ended, true);
    const byId = await mock.json<SessionInfo>(`/sessions/${LONG}`, { user: 'dev' });
    assert.deepEqual(byId.body.log, []);
  });

  it('hostile-strings: quotes, commas, emoji, line breaks and markup come back exactly in JSON, XML and JSV', async () => {
    const s = await listed(HOSTILE_ID);
    assert.equal(s.displayName, HOSTILE.all);
    assert.equal(s.fromName, HOSTILE.quotes);
    assert.deepEqual(JSON.parse(s.consoleData!), { note: HOSTILE.lines, customer: HOSTILE.commas, mood: HOSTILE.emoji });
    for (const text of [HOSTILE.quotes, HOSTILE.commas, HOSTILE.emoji, HOSTILE.lines, HOSTILE.markup]) assert.ok(s.log!.some((l) => l.message === `Note: ${text}`), text);
    assert.equal(s.members![0]!.displayName, HOSTILE.emoji);
    assert.deepEqual(s.members![1]!.applicationData, { note: HOSTILE.all, 'key, with "quotes"': HOSTILE.emoji });
    for (const format of ['xml', 'jsv']) {
      const res = await fetch(`${mock.url}/sessions?specificIds=${HOSTILE_ID}&format=${format}`, { headers: basic('dev') });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(text.includes('📞'), `${format} lost the emoji`);
    }
  });

  it(`archived-account: other@example.com's account holds only ${ARCHIVED_SESSIONS} archived sessions`, async () => {
    const live = await mock.json<ListBody>('/sessions', { user: 'other' });
    assert.equal(live.body.totalCount, 0);
    const archived = await mock.json<ListBody>('/sessions?searchArchive=true&all=true', { user: 'other' });
    assert.equal(archived.body.totalCount, ARCHIVED_SESSIONS);
    assert.ok(archived.body.items.every((s) => s.accountId === OTHER_ACCOUNT && s.ended));
    const first = scenarioId('archived-account', 1);
    assert.equal((await mock.json(`/sessions/${first}`, { user: 'other' })).status, 404);
  });
});
