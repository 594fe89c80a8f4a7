import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { SCENARIO_NAMES } from '../../../src/seed/scenarios/registry.js';
import { scenarioCatalog, type ScenarioEntry } from '../../../src/seed/scenarios/scenario-catalog.js';
import { scenarioId } from '../../../src/seed/scenarios/scenario-ids.js';
import type { StoreData } from '../../../src/store/store-data.js';
import { DEV_ACCOUNT, EMPTY_ACCOUNT, startScenarioMock, type ScenarioMock } from '../helpers/scenario-mock.js';
import type { ErrorBody, ListBody } from '../helpers/mock-server.js';

/** The admin API on a running mock: real HTTP, real store files, no credentials. */

interface Applied {
  scenario: string;
  count?: number;
  created: number;
  alreadyPresent: number;
  createdIds: string[];
  alreadyPresentIds: string[];
  idsTruncated?: boolean;
  message: string;
}

const HOLD = scenarioId('hold-transferring', 1);
const LEG = scenarioId('hold-transferring', 2);

let mock: ScenarioMock;
before(async () => {
  mock = await startScenarioMock({ sessions: 120 });
});
after(() => mock.stop());

describe('GET /__admin/scenarios', () => {
  it('lists every scenario with what it does and its fixed ids, with no credentials', async () => {
    const { status, headers, body } = await mock.json<{ scenarios: ScenarioEntry[] }>('/__admin/scenarios');
    assert.equal(status, 200);
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(body.scenarios.map((s) => s.name), SCENARIO_NAMES);
    assert.deepEqual(body.scenarios, scenarioCatalog());
    const hold = body.scenarios.find((s) => s.name === 'hold-transferring')!;
    assert.deepEqual(hold.sessions.map((s) => s.id), [HOLD, LEG]);
    assert.deepEqual(body.scenarios.find((s) => s.name === 'huge-list')!.count, { default: 50_000, min: 1, max: 200_000 });
  });
});

describe('POST /__admin/scenarios/{name}', () => {
  it('applies a scenario to the running store: 201 with the fixed ids, then visible through the API', async () => {
    const { status, body } = await mock.json<Applied>('/__admin/scenarios/hold-transferring', { method: 'POST' });
    assert.equal(status, 201);
    assert.deepEqual([body.scenario, body.created, body.alreadyPresent, body.createdIds], ['hold-transferring', 2, 0, [HOLD, LEG]]);
    const active = await mock.json<{ sessions: SessionInfo[] }>('/sessions/active', { user: 'dev' });
    const held = active.body.sessions.find((s) => s.id === HOLD)!;
    assert.deepEqual([held.callState, held.holdReason], ['Hold', 'Transferring']);
    const child = await mock.json<ListBody>(`/sessions?parentSessionId=${HOLD}`, { user: 'dev' });
    assert.deepEqual(child.body.items.map((s) => s.id), [LEG]);
  });

  it('is idempotent: a second apply creates nothing and says all was there', async () => {
    await mock.json('/__admin/scenarios/missed-call', { method: 'POST' });
    const before = (await mock.json<{ status: string; sessions: number }>('/__admin/health')).body.sessions;
    const { status, body } = await mock.json<Applied>('/__admin/scenarios/missed-call', { method: 'POST' });
    assert.equal(status, 200);
    assert.deepEqual([body.created, body.alreadyPresent, body.alreadyPresentIds], [0, 1, [scenarioId('missed-call', 1)]]);
    assert.match(body.message, /already applied/);
    assert.equal((await mock.json<{ sessions: number }>('/__admin/health')).body.sessions, before);
  });

  it('a moving scenario applied again starts again: its call deleted since is created anew, a leg its steps made is deleted', async () => {
    const own = await startScenarioMock({ sessions: 10 });
    try {
      const [call, leg] = [scenarioId('incoming-call', 1), scenarioId('incoming-call', 2)];
      const first = await own.json<Applied & { startedAt: string; restartedIds: string[]; removedIds: string[] }>('/__admin/scenarios/incoming-call', { method: 'POST' });
      assert.equal(first.status, 201);
      assert.deepEqual([first.body.createdIds, first.body.startedAt, first.body.restartedIds, first.body.removedIds], [[call], '2026-11-20T12:00:00.000Z', [], []]);
      const stored = (await own.json<Record<string, unknown>>(`/__admin/sessions/${call}`)).body;
      assert.equal((await own.json(`/__admin/sessions/${leg}?parentSessionId=${call}`, { method: 'PUT', body: { ...stored, id: leg } })).status, 201);
      assert.equal((await own.json(`/__admin/sessions/${call}`, { method: 'DELETE' })).status, 200);
      const again = await own.json<Applied & { restartedIds: string[]; removedIds: string[]; message: string }>('/__admin/scenarios/incoming-call', { method: 'POST' });
      assert.equal(again.status, 201);
      assert.deepEqual([again.body.createdIds, again.body.restartedIds, again.body.removedIds], [[call], [], [leg]]);
      assert.equal(
        again.body.message,
        "Restarted 'incoming-call' at 2026-11-20T12:00:00.000Z: 1 session created anew, every step due again from now; 1 session its steps had made deleted until they make it again.",
      );
      assert.equal((await own.json(`/__admin/sessions/${leg}`)).status, 404);
      assert.equal((await own.json<{ callState: string }>(`/__admin/sessions/${call}`)).body.callState, 'Ringing');
    } finally {
      await own.stop();
    }
  });

  it('gives exactly the sessions the same scenario gives at seed time (same seed and --now)', async () => {
    const atSeed = await startScenarioMock({ sessions: 120, scenarios: 'ringing-queue' });
    try {
      await mock.json('/__admin/scenarios/ringing-queue', { method: 'POST' });
      const ids = `${scenarioId('ringing-queue', 1)},${scenarioId('ringing-queue', 2)}`;
      const live = await mock.json<ListBody>(`/sessions?specificIds=${ids}`, { user: 'dev' });
      const seeded = await atSeed.json<ListBody>(`/sessions?specificIds=${ids}`, { user: 'dev' });
      assert.equal(live.body.items.length, 2);
      assert.deepEqual(live.body.items, seeded.body.items);
    } finally {
      await atSeed.stop();
    }
  });

  it('is durable: the sessions are on disk when it answers, and a restart finds them', async () => {
    const own = await startScenarioMock({ sessions: 30 });
    let restarted: ScenarioMock | undefined;
    try {
      const applied = await own.json<Applied>('/__admin/scenarios/huge-list:1500', { method: 'POST' });
      assert.deepEqual([applied.status, applied.body.count, applied.body.created, applied.body.createdIds.length, applied.body.idsTruncated], [201, 1500, 1500, 100, true]);
      const journal = await readFile(`${own.file}.journal`, 'utf8').catch(() => '');
      assert.ok(journal.includes(scenarioId('huge-list', 1500)), 'in the journal before the answer');
      restarted = await own.restart();
      const { body } = await restarted.json<ListBody>(`/sessions?specificIds=${scenarioId('huge-list', 1)},${scenarioId('huge-list', 1500)}`, { user: 'dev' });
      assert.equal(body.totalCount, 2);
      const again = await restarted.json<Applied>('/__admin/scenarios/huge-list?count=1500', { method: 'POST' });
      assert.deepEqual([again.status, again.body.created, again.body.alreadyPresent], [200, 0, 1500]);
    } finally {
      await (restarted ?? own).stop();
    }
  });

  it('empty-account holds on a fresh store (nothing to do), and deletes what was put there since', async () => {
    const own = await startScenarioMock({ sessions: 30 });
    try {
      const fine = await own.json<Applied & { deleted?: number }>('/__admin/scenarios/empty-account', { method: 'POST' });
      assert.deepEqual([fine.status, fine.body.created, fine.body.alreadyPresent, fine.body.deleted], [200, 0, 0, undefined]);
      const put = await own.json<SessionInfo>('/__admin/sessions', { method: 'POST', body: { accountId: EMPTY_ACCOUNT } });
      assert.equal(put.status, 201);
      const emptied = await own.json<Applied & { deleted?: number; message: string }>('/__admin/scenarios/empty-account', { method: 'POST' });
      assert.deepEqual([emptied.status, emptied.body.deleted], [200, 1]);
      assert.match(emptied.body.message, /deleted 1 session/);
      assert.equal((await own.json(`/__admin/sessions/${put.body.id}`)).status, 404);
      const list = await own.json<ListBody>('/sessions', { user: 'empty' });
      assert.equal(list.body.totalCount, 0);
    } finally {
      await own.stop();
    }
  });

  it('empty deletes every session on a running mock, durably, and reset brings the seeded ones back', async () => {
    let own = await startScenarioMock({ sessions: 30, scenarios: 'hold-transferring' });
    try {
      const { body } = await own.json<Applied & { deleted: number }>('/__admin/scenarios/empty', { method: 'POST' });
      assert.equal(body.deleted, own.seeded.sessions.length);
      assert.equal((await own.json<{ sessions: number }>('/__admin/health')).body.sessions, 0);
      own = await own.restart();
      assert.equal((await own.json<{ sessions: number }>('/__admin/health')).body.sessions, 0, 'still empty after a restart');
      const reset = await own.json<{ created: number; sessions: number }>('/__admin/reset', { method: 'POST' });
      assert.deepEqual([reset.status, reset.body.created, reset.body.sessions], [200, own.seeded.sessions.length, own.seeded.sessions.length]);
    } finally {
      await own.stop();
    }
  });

  const refusals: { path: string; status: number; code: string; message: RegExp; field?: string }[] = [
    { path: 'nope', status: 404, code: 'NotFound', message: new RegExp(`There is no scenario 'nope'\\. The scenarios are: ${SCENARIO_NAMES.join(', ')}\\.`) },
    { path: 'huge-list?count=0', status: 400, code: 'ArgumentException', message: /from 1 to 200000, not '0'/, field: 'count' },
    { path: 'huge-list:5?count=6', status: 400, code: 'ArgumentException', message: /Give the size once/, field: 'count' },
    { path: 'missed-call?count=2', status: 400, code: 'ArgumentException', message: /has no size/, field: 'count' },
  ];
  for (const r of refusals) {
    it(`answers ${r.status} ${r.code} for ${r.path}, in ResponseStatus shape`, async () => {
      const { status, body } = await mock.json<ErrorBody>(`/__admin/scenarios/${r.path}`, { method: 'POST' });
      assert.equal(status, r.status);
      assert.equal(body.responseStatus.errorCode, r.code);
      assert.match(body.responseStatus.message, r.message);
      if (r.field) assert.equal(body.responseStatus.errors[0]?.fieldName, r.field);
    });
  }

  it('names every valid scenario in an unknown name\'s errors[]', async () => {
    const { body } = await mock.json<ErrorBody>('/__admin/scenarios/hold', { method: 'POST' });
    assert.deepEqual(body.responseStatus.errors.map((e) => e.message), SCENARIO_NAMES);
  });

  it('answers an error in the format asked for, as the rest of the server does', async () => {
    const res = await fetch(`${mock.url}/__admin/scenarios/nope?format=xml`, { method: 'POST' });
    assert.equal(res.status, 404);
    assert.match(await res.text(), /<ErrorResponse[^>]*>.*<ErrorCode>NotFound<\/ErrorCode>/s);
  });
});

describe('POST /__admin/sessions', () => {
  it('stores a SessionInfo as given: 201, Location, and the same session through GET', async () => {
    const session = {
      id: 'qa0000000000000000000000000000a1',
      accountId: DEV_ACCOUNT,
      dateCreated: '2026-11-20T11:55:00Z',
      callState: 'Hold',
      queueState: 'Hold',
      holdReason: 'Transferring',
      holdQueueName: 'Billing Hold',
      ended: false,
      displayName: 'QA: exact state',
      members: [{ Identity: '+15555550123', displayName: 'Caller', role: 'Caller', callState: 'Hold', isOriginalMember: true }],
      log: [{ date: '2026-11-20T11:55:00.000Z', message: 'Inserted by QA' }],
    };
    const { status, headers, body } = await mock.json<SessionInfo>('/__admin/sessions', { method: 'POST', body: session });
    assert.equal(status, 201);
    assert.equal(headers.get('location'), `/sessions/${session.id}`);
    assert.equal(body.dateCreated, '2026-11-20T11:55:00.000Z', 'normalised as the store keeps dates');
    assert.equal(body.accountName, 'Acme Dental Group', 'filled from the account');
    assert.deepEqual([body.dialState, body.channel, body.direction, body.wasMissed], ['None', 'Voice', 'Incoming', false], 'value types left out take their CLR default');
    assert.deepEqual(body.members, [{ identity: '+15555550123', displayName: 'Caller', isOriginalMember: true, callState: 'Hold', role: 'Caller', muted: false }], 'nested too, in any case');
    const listed = await mock.json<ListBody>(`/sessions?specificIds=${session.id}`, { user: 'dev' });
    assert.deepEqual(listed.body.items[0], body);
    const active = await mock.json<{ sessions: SessionInfo[] }>('/sessions/active', { user: 'dev' });
    assert.ok(!active.body.sessions.some((s) => s.id === session.id), "a call on no endpoint of dev's is not in dev's /sessions/active");
  });

  it('gives a session without an id a new Guid and the store\'s time, and reads member names in any case', async () => {
    const { status, body } = await mock.json<SessionInfo>('/__admin/sessions', { method: 'POST', body: { AccountId: DEV_ACCOUNT, CallState: 'Ringing', Ended: false } });
    assert.equal(status, 201);
    assert.match(body.id ?? '', /^[0-9a-f]{32}$/);
    assert.equal(body.dateCreated, '2026-11-20T12:00:00.000Z');
    assert.equal(body.callState, 'Ringing');
  });

  it('links a child to its parent with ?parentSessionId=', async () => {
    const parent = await mock.json<SessionInfo>('/__admin/sessions', { method: 'POST', body: { accountId: DEV_ACCOUNT } });
    const child = await mock.json<SessionInfo>(`/__admin/sessions?parentSessionId=${parent.body.id}`, { method: 'POST', body: { accountId: DEV_ACCOUNT } });
    assert.equal(child.status, 201);
    const { body } = await mock.json<ListBody>(`/sessions?parentSessionId=${parent.body.id}`, { user: 'dev' });
    assert.deepEqual(body.items.map((s) => s.id), [child.body.id]);
  });

  const invalid: { name: string; body: unknown; query?: string; status: number; fields: string[]; message?: RegExp }[] = [
    { name: 'no accountId', body: { callState: 'Hold' }, status: 400, fields: ['AccountId'], message: /'AccountId' is required.*a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d \(Acme Dental Group\)/ },
    { name: 'an unknown account', body: { accountId: 'nope' }, status: 400, fields: ['AccountId'], message: /No account 'nope' exists/ },
    { name: 'an enum value the API lacks', body: { accountId: DEV_ACCOUNT, callState: 'OnHold' }, status: 400, fields: ['CallState'], message: /'OnHold' is an Invalid value for 'CallState': expected one of Disconnected, Ringing, Connected, Hold, Passive/ },
    { name: 'a wrong type', body: { accountId: DEV_ACCOUNT, ended: 'yes' }, status: 400, fields: ['Ended'], message: /expected true or false/ },
    { name: 'a bad member inside a list', body: { accountId: DEV_ACCOUNT, members: [{ role: 'Boss' }] }, status: 400, fields: ['Members'], message: /'Members' is invalid at \/members\/0\/role: it must be equal to one of the allowed values \(None, Caller, Agent, Transfer/ },
    { name: 'a member SessionInfo does not have', body: { accountId: DEV_ACCOUNT, callStat: 'Hold' }, status: 400, fields: ['callStat'], message: /'callStat' is not a SessionInfo member/ },
    { name: 'a member a nested type does not have', body: { accountId: DEV_ACCOUNT, members: [{ roles: 'Agent' }] }, status: 400, fields: ['Members'], message: /'members\/0\/roles' is not a SessionMemberInfo member/ },
    { name: 'a member given twice', body: { accountId: DEV_ACCOUNT, ended: true, Ended: false }, status: 400, fields: ['Ended'], message: /'Ended' is given twice/ },
    { name: 'a date the store cannot order by', body: { accountId: DEV_ACCOUNT, dateCreated: 'yesterday' }, status: 400, fields: ['DateCreated'] },
    { name: 'an unknown parent', body: { accountId: DEV_ACCOUNT }, query: '?parentSessionId=nope', status: 400, fields: ['ParentSessionId'] },
    { name: 'several problems at once', body: { accountId: 'nope', callState: 1, wasMissed: 'no' }, status: 400, fields: ['CallState', 'WasMissed', 'AccountId'] },
    { name: 'a taken id', body: { id: HOLD, accountId: DEV_ACCOUNT }, status: 409, fields: ['Id'], message: /already exists/ },
  ];
  for (const c of invalid) {
    it(`refuses ${c.name} with ${c.status} naming ${c.fields.join(', ')}`, async () => {
      await mock.json('/__admin/scenarios/hold-transferring', { method: 'POST' });
      const before = (await mock.json<{ sessions: number }>('/__admin/health')).body.sessions;
      const { status, body } = await mock.json<ErrorBody>(`/__admin/sessions${c.query ?? ''}`, { method: 'POST', body: c.body });
      assert.equal(status, c.status);
      assert.deepEqual(body.responseStatus.errors.map((e) => e.fieldName), c.fields);
      if (c.message) assert.match(body.responseStatus.message, c.message);
      assert.equal((await mock.json<{ sessions: number }>('/__admin/health')).body.sessions, before, 'nothing stored');
    });
  }

  const unreadable: { name: string; body: string; type?: string; status: number; code: string }[] = [
    { name: 'malformed JSON', body: '{"accountId":', status: 400, code: 'SerializationException' },
    { name: 'an array', body: '[]', status: 400, code: 'SerializationException' },
    { name: 'no body', body: '', status: 400, code: 'SerializationException' },
    { name: 'XML', body: '<SessionInfo/>', type: 'application/xml', status: 415, code: 'UnsupportedMediaType' },
  ];
  for (const c of unreadable) {
    it(`answers ${c.status} ${c.code} for ${c.name}`, async () => {
      // Accept: without it an XML body would get its error in XML, as on every other route.
      const headers = { 'Content-Type': c.type ?? 'application/json', Accept: 'application/json' };
      const { status, body } = await mock.json<ErrorBody>('/__admin/sessions', { method: 'POST', body: c.body, headers });
      assert.equal(status, c.status);
      assert.equal(body.responseStatus.errorCode, c.code);
    });
  }
});

describe('admin routes', () => {
  it('an unknown /__admin path is a 404 in ResponseStatus shape', async () => {
    const { status, body } = await mock.json<ErrorBody>('/__admin/nothing-here');
    assert.equal(status, 404);
    assert.equal(body.responseStatus.errorCode, 'NotFound');
  });

  it('a created session lands in the store file on close, beside the seed\'s', async () => {
    const own = await startScenarioMock({ sessions: 10 });
    await own.json('/__admin/scenarios/missed-call', { method: 'POST' });
    const reopened = await own.restart();
    await reopened.json('/__admin/health');
    const file = reopened.file;
    const text = await readFile(`${file}`, 'utf8');
    await reopened.stop();
    const data = JSON.parse(text) as StoreData;
    assert.equal(data.sessions.length, 11);
    assert.ok(data.sessions.some((e) => e.session.id === scenarioId('missed-call', 1)));
  });
});
