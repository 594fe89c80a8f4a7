import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SessionInfo } from '../../../src/generated/dtos.js';
import { loadApiModel } from '../../../src/spec/wire-model.js';
import { fragmentCache } from '../../../src/wire/fragment-cache.js';
import { startMock, type MockServer } from '../helpers/mock-server.js';
import { decode, type Written } from '../helpers/wire.js';

/**
 * The wire writers cache the bytes of stored sessions (src/wire/fragment-cache.ts). A session
 * changed or deleted through the repository must never be answered from what was cached for its
 * old version: in any format, on a list page, alone, or among the live calls.
 */
const api = loadApiModel();
const SESSION = api.types.get('SessionInfo')!;

const FORMATS: readonly [Written, Record<string, string>][] = [
  ['json', {}],
  ['xml', { Accept: 'application/xml' }],
  ['jsv', { Accept: 'text/jsv' }],
];

let mock: MockServer;
let id = '';
before(async () => {
  mock = await startMock({ sessions: 60 });
  // A live call with members on dev's own phone-user endpoint, so it is among dev's /sessions/active too.
  const dev = mock.fixtures.users.find((u) => u.userName === 'dev@example.com')!;
  const model = [...mock.seeded].reverse().find((e) => dev.accountIds.includes(e.session.accountId!) && e.session.ended === false && (e.session.members ?? []).length > 0)!;
  id = 'changed0000000000000000000000001';
  await mock.store.sessions.put({ session: { ...model.session, id, endpointId: dev.endpointId, accountId: dev.accountIds[0]! } });
});
after(() => mock.stop());

async function readAll(path: string): Promise<string[]> {
  const out: string[] = [];
  for (const [, headers] of FORMATS) {
    const res = await mock.request(path, { user: 'dev', headers });
    out.push(await res.text());
  }
  return out;
}

describe('a changed session is never answered from its old bytes', () => {
  it('GET /sessions/{id}, a list page and /sessions/active show the new version in every format', async () => {
    const paths = [`/sessions/${id}`, `/sessions?specificIds=${id}`, '/sessions/active'];
    // Twice each, so the old version's fragments are admitted to the cache.
    for (const p of paths) {
      await readAll(p);
      await readAll(p);
    }
    const cachedBefore = fragmentCache.stats().entries;
    assert.ok(cachedBefore > 0, 'the reads above should have cached fragments');

    const old = mock.store.sessions.get(id)!;
    const members = (old.session.members ?? []).map((m, i) => (i === 0 ? { ...m, displayName: 'Renamed Member', callState: 'Hold' as const } : m));
    const changed: SessionInfo = { ...old.session, callState: 'Hold', displayName: 'Changed by the test', members };
    await mock.store.sessions.put({ ...old, session: changed });

    for (const [format, headers] of FORMATS) {
      const one = await mock.request(`/sessions/${id}`, { user: 'dev', headers });
      const body = decode(one.headers.get('content-type'), await one.text(), format, SESSION);
      assert.equal(body['callState'], 'Hold', `${format}: GET /sessions/{id}`);
      assert.equal(body['displayName'], 'Changed by the test', `${format}: GET /sessions/{id}`);
      assert.equal((body['members'] as { displayName: string }[])[0]?.displayName, 'Renamed Member', `${format}: a changed member`);
      for (const p of [`/sessions?specificIds=${id}`, '/sessions/active']) {
        const text = await (await mock.request(p, { user: 'dev', headers })).text();
        assert.ok(text.includes('Changed by the test'), `${format} ${p}: the new displayName`);
        assert.ok(text.includes('Renamed Member'), `${format} ${p}: the changed member`);
      }
    }
  });

  it('a deleted session answers 404 and is listed nowhere, in every format', async () => {
    const dev = new Set(mock.fixtures.users.find((u) => u.userName === 'dev@example.com')!.accountIds);
    const victim = mock.seeded.find((e) => dev.has(e.session.accountId!) && e.session.ended === false && e.session.id !== id)!.session.id!;
    for (const p of [`/sessions/${victim}`, `/sessions?specificIds=${victim}`, '/sessions/active']) {
      await readAll(p);
      await readAll(p);
    }
    assert.ok(await mock.store.sessions.delete(victim));
    for (const [format, headers] of FORMATS) {
      assert.equal((await mock.request(`/sessions/${victim}`, { user: 'dev', headers })).status, 404, format);
      for (const p of [`/sessions?specificIds=${victim}`, '/sessions/active', '/sessions?all=true&searchArchive=true', '/sessions?all=true']) {
        const text = await (await mock.request(p, { user: 'dev', headers })).text();
        assert.ok(!text.includes(victim), `${format} ${p} still lists the deleted session`);
      }
    }
  });
});
