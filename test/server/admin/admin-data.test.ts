import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { DEV_ACCOUNT, EMPTY_ACCOUNT, startScenarioMock, type ScenarioMock } from '../helpers/scenario-mock.js';
import { basic, type ErrorBody, type ListBody } from '../helpers/mock-server.js';

/** The admin data API on a running mock: real HTTP over a real store file, restarts included. */
let mock: ScenarioMock;
before(async () => {
  mock = await startScenarioMock({ sessions: 120 });
});
after(() => mock.stop());

const OTHER_ACCOUNT = 'c3d2e4f6a8b04d2c9e3b4c5d6e7f8a9b';

/** A seeded session of dev's account that is still live. */
function liveDevSession(): SessionInfo {
  return mock.seeded.sessions.map((e) => e.session).filter((s) => s.accountId === DEV_ACCOUNT && s.ended === false).at(-1)!;
}

/** The public API's whole answer, byte for byte (admin sees every account). */
async function everything(m: ScenarioMock = mock): Promise<string> {
  const res = await fetch(`${m.url}/sessions?all=true&searchArchive=false`, { headers: { ...basic('admin'), Accept: 'application/xml' } });
  const archived = await fetch(`${m.url}/sessions?all=true&searchArchive=true`, { headers: basic('admin') });
  return `${await res.text()}\n${await archived.text()}`;
}

describe('GET /__admin/sessions/{id}', () => {
  it('answers any account\'s session as GET /sessions/{id} writes it in JSON, without credentials', async () => {
    const theirs = mock.seeded.sessions.find((e) => e.session.accountId === OTHER_ACCOUNT)!;
    const { status, body } = await mock.json<SessionInfo>(`/__admin/sessions/${theirs.session.id}`);
    assert.equal(status, 200);
    assert.deepEqual(body, theirs.session);
  });

  it('answers 404 in ResponseStatus shape for an unknown id', async () => {
    const { status, body } = await mock.json<ErrorBody>('/__admin/sessions/no-such-id');
    assert.equal(status, 404);
    assert.equal(body.responseStatus.errorCode, 'NotFound');
    assert.match(body.responseStatus.message, /No session 'no-such-id'.*PUT \/__admin\/sessions\/no-such-id creates it/);
  });
});

describe('PUT /__admin/sessions/{id}', () => {
  it('creates with 201 under the path\'s id, then replaces the whole session with 200', async () => {
    const created = await mock.json<SessionInfo>('/__admin/sessions/put-me', { method: 'PUT', body: { accountId: DEV_ACCOUNT, callState: 'Ringing', displayName: 'First' } });
    assert.equal(created.status, 201);
    assert.equal(created.body.id, 'put-me');
    assert.equal(created.headers.get('location'), '/sessions/put-me');
    const replaced = await mock.json<SessionInfo>('/__admin/sessions/put-me', { method: 'PUT', body: { AccountId: DEV_ACCOUNT, CallState: 'Connected' } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.body.callState, 'Connected');
    assert.equal(replaced.body.displayName, undefined, 'a PUT replaces the whole session: members left out are gone');
    assert.equal(replaced.body.dateCreated, created.body.dateCreated, 'a replacement keeps its place in time unless it says otherwise');
    const read = await mock.json<SessionInfo>('/sessions/put-me', { user: 'dev' });
    assert.equal(read.body.callState, 'Connected');
  });

  it('lists every bad member at once, unknown members and schema errors alike, and stores nothing', async () => {
    const id = liveDevSession().id!;
    const before = await mock.json<SessionInfo>(`/__admin/sessions/${id}`);
    const { status, body } = await mock.json<ErrorBody>(`/__admin/sessions/${id}`, {
      method: 'PUT',
      body: { id: 'another', accountId: 'nope', callState: 'OnHold', ended: 'yes', callStat: 'x', members: [{ roles: 'Agent' }] },
    });
    assert.equal(status, 400);
    assert.deepEqual(body.responseStatus.errors.map((e) => e.fieldName).sort(), ['AccountId', 'CallState', 'Ended', 'Id', 'Members', 'callStat'].sort());
    assert.deepEqual((await mock.json<SessionInfo>(`/__admin/sessions/${id}`)).body, before.body, 'unchanged');
  });
});

describe('PATCH /__admin/sessions/{id} (JSON merge patch)', () => {
  it('moves a call from Ringing to Connected to Disconnected, visible at once in every format and after a restart', async () => {
    const { body: call } = await mock.json<SessionInfo>('/__admin/sessions', { method: 'POST', body: { accountId: DEV_ACCOUNT, callState: 'Ringing', displayName: 'Moving call', log: [{ date: '2026-11-20T11:59:00.000Z', message: 'Ringing' }] } });
    const connected = await mock.json<SessionInfo>(`/__admin/sessions/${call.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/merge-patch+json' },
      body: { callState: 'Connected', log: [...(call.log ?? []), { date: '2026-11-20T11:59:20.000Z', message: 'Answered' }] },
    });
    assert.equal(connected.status, 200);
    assert.equal(connected.body.callState, 'Connected');
    assert.deepEqual(connected.body.log?.map((l) => l.message), ['Ringing', 'Answered']);
    assert.equal(connected.body.displayName, 'Moving call', 'members the patch leaves out are kept');
    const ended = await mock.json<SessionInfo>(`/__admin/sessions/${call.id}`, { method: 'PATCH', body: { CallState: 'Disconnected', ended: true, displayName: null } });
    assert.equal(ended.body.callState, 'Disconnected');
    assert.equal(ended.body.ended, true);
    assert.equal(ended.body.displayName, undefined, 'null removes a member');
    const xml = await fetch(`${mock.url}/sessions/${call.id}`, { headers: { Accept: 'application/xml', ...basic('dev') } });
    assert.match(await xml.text(), /<CallState>Disconnected<\/CallState>/);
    const active = await mock.json<SessionInfo[]>('/sessions/active', { user: 'dev' });
    assert.ok(!JSON.stringify(active.body).includes(call.id!), 'an ended call leaves /sessions/active');
    mock = await mock.restart();
    assert.equal((await mock.json<SessionInfo>(`/__admin/sessions/${call.id}`)).body.callState, 'Disconnected');
  });

  it('refuses a patch that breaks the session, listing every member, and leaves it as it was', async () => {
    const id = liveDevSession().id!;
    const before = (await mock.json<SessionInfo>(`/__admin/sessions/${id}`)).body;
    const { status, body } = await mock.json<ErrorBody>(`/__admin/sessions/${id}`, { method: 'PATCH', body: { callState: 'Gone', wasMissed: 3, accountId: null, id: 'x' } });
    assert.equal(status, 400);
    assert.deepEqual(body.responseStatus.errors.map((e) => e.fieldName).sort(), ['AccountId', 'CallState', 'Id', 'WasMissed']);
    assert.deepEqual((await mock.json<SessionInfo>(`/__admin/sessions/${id}`)).body, before);
  });

  it('answers 404 for an unknown id and 415 for a body that is not JSON', async () => {
    assert.equal((await mock.json('/__admin/sessions/nope', { method: 'PATCH', body: { callState: 'Hold' } })).status, 404);
    const { status, body } = await mock.json<ErrorBody>(`/__admin/sessions/${liveDevSession().id}`, { method: 'PATCH', body: 'callState=Hold', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' } });
    assert.equal(status, 415);
    assert.equal(body.responseStatus.errorCode, 'UnsupportedMediaType');
  });
});

describe('DELETE /__admin/sessions', () => {
  it('deletes one session: gone from GET and every list, durably', async () => {
    const id = liveDevSession().id!;
    const { status, body } = await mock.json<{ deleted: number; ids: string[] }>(`/__admin/sessions/${id}`, { method: 'DELETE' });
    assert.deepEqual([status, body.deleted, body.ids], [200, 1, [id]]);
    assert.equal((await mock.json(`/sessions/${id}`, { user: 'dev' })).status, 404);
    assert.equal((await mock.json<ListBody>(`/sessions?specificIds=${id}`, { user: 'dev' })).body.totalCount, 0);
    assert.equal((await mock.json(`/__admin/sessions/${id}`, { method: 'DELETE' })).status, 404, 'a second delete finds nothing');
    mock = await mock.restart();
    assert.equal((await mock.json(`/__admin/sessions/${id}`)).status, 404, 'still deleted after a restart');
  });

  it('deletes every session of an account (bulk), and refuses without an account or with an unknown one', async () => {
    const before = (await mock.json<ListBody>('/sessions?accountIds=' + OTHER_ACCOUNT, { user: 'admin' })).body.totalCount;
    const held = mock.seeded.sessions.filter((e) => e.session.accountId === OTHER_ACCOUNT).length;
    assert.ok(before > 0 && held > 0);
    const { status, body } = await mock.json<{ deleted: number }>(`/__admin/sessions?accountId=${OTHER_ACCOUNT}`, { method: 'DELETE' });
    assert.equal(status, 200);
    assert.ok(body.deleted >= held);
    for (const archive of [false, true]) {
      assert.equal((await mock.json<ListBody>(`/sessions?accountIds=${OTHER_ACCOUNT}&searchArchive=${archive}`, { user: 'admin' })).body.totalCount, 0);
    }
    const none = await mock.json<ErrorBody>('/__admin/sessions', { method: 'DELETE' });
    assert.deepEqual([none.status, none.body.responseStatus.errors[0]?.fieldName], [400, 'AccountId']);
    const unknown = await mock.json<ErrorBody>(`/__admin/sessions?accountId=nope,${EMPTY_ACCOUNT}`, { method: 'DELETE' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.responseStatus.message, /No account 'nope'/);
  });
});

describe('POST /__admin/reset and snapshots', () => {
  it('reset brings back exactly the seeded data, byte for byte, durably', async () => {
    const own = await startScenarioMock({ sessions: 80, scenarios: 'hold-transferring,missed-call' });
    let m = own;
    try {
      const seeded = await everything(m);
      const id = m.seeded.sessions[5]!.session.id!;
      await m.json(`/__admin/sessions/${id}`, { method: 'PATCH', body: { callState: 'Hold' } });
      await m.json(`/__admin/sessions/${m.seeded.sessions[6]!.session.id}`, { method: 'DELETE' });
      await m.json('/__admin/sessions', { method: 'POST', body: { accountId: DEV_ACCOUNT } });
      assert.notEqual(await everything(m), seeded);
      const { status, body } = await m.json<{ created: number; replaced: number; deleted: number; unchanged: number; sessions: number }>('/__admin/reset', { method: 'POST' });
      assert.equal(status, 200);
      assert.deepEqual([body.created, body.replaced, body.deleted, body.sessions], [1, 1, 1, m.seeded.sessions.length]);
      assert.equal(await everything(m), seeded);
      m = await m.restart();
      assert.equal(await everything(m), seeded, 'the reset survives a restart');
    } finally {
      await m.stop();
    }
  });

  it('saves a snapshot, restores it after changes, lists and deletes it', async () => {
    const saved = await mock.json<{ name: string; sessions: number }>('/__admin/snapshots', { method: 'POST', body: { name: 'before-changes' } });
    assert.equal(saved.status, 201);
    assert.equal(saved.body.name, 'before-changes');
    const state = await everything();
    await mock.json(`/__admin/sessions?accountId=${DEV_ACCOUNT}`, { method: 'DELETE' });
    await mock.json('/__admin/sessions/snap-new', { method: 'PUT', body: { accountId: EMPTY_ACCOUNT } });
    assert.notEqual(await everything(), state);
    const listed = await mock.json<{ snapshots: { name: string; sessions: number }[] }>('/__admin/snapshots');
    assert.deepEqual(listed.body.snapshots.map((s) => [s.name, s.sessions]), [['before-changes', saved.body.sessions]]);
    mock = await mock.restart();
    const restored = await mock.json<{ sessions: number }>('/__admin/snapshots/before-changes/restore', { method: 'POST' });
    assert.equal(restored.status, 200);
    assert.equal(restored.body.sessions, saved.body.sessions);
    assert.equal(await everything(), state, 'restored byte for byte (and the snapshot outlived a restart)');
    assert.equal((await mock.json('/__admin/snapshots/before-changes', { method: 'DELETE' })).status, 200);
    assert.equal((await mock.json('/__admin/snapshots/before-changes/restore', { method: 'POST' })).status, 404);
    assert.deepEqual((await mock.json<{ snapshots: unknown[] }>('/__admin/snapshots')).body.snapshots, []);
  });

  it('refuses a snapshot without a name, with a name that is not a file name, or with unknown members', async () => {
    const cases: [unknown, string[]][] = [
      [{}, ['Name']],
      [{ name: '../escape' }, ['Name']],
      [{ name: 'ok', label: 'x' }, ['label']],
    ];
    for (const [body, fields] of cases) {
      const res = await mock.json<ErrorBody>('/__admin/snapshots', { method: 'POST', body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual(res.body.responseStatus.errors.map((e) => e.fieldName), fields);
    }
    assert.equal((await mock.json<ErrorBody>('/__admin/snapshots/..%2Fx/restore', { method: 'POST' })).status, 400);
  });
});
