import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdminError, adminClient } from '../../src/admin-client/admin-client.js';
import { mockPerFile } from '../server/helpers/mock-server.js';

const { mock } = mockPerFile({ sessions: 10, settings: { adminToken: 'tok' } });

describe('the typed admin client', () => {
  it('sends the token, and a trailing slash in the URL does not matter', async () => {
    const admin = adminClient(`${mock.url}/`, { token: 'tok' });
    assert.equal(admin.url, mock.url);
    const health = await admin.health();
    assert.deepEqual({ status: health.status, sessions: health.sessions }, { status: 'ok', sessions: 10 });
    assert.deepEqual(await admin.behaviours.list(), []);
  });

  it('throws AdminError with the status, the call and the mock\'s ResponseStatus', async () => {
    const err = await adminClient(mock.url, { token: 'tok' })
      .behaviours.add({ respond: { fault: 'nope' as never } })
      .catch((e: unknown) => e);
    assert.ok(err instanceof AdminError);
    assert.equal(err.status, 400);
    assert.equal(err.call, 'POST /__admin/behaviours');
    assert.equal(err.responseStatus.errors?.[0]?.fieldName, 'respond.fault');
    assert.match(err.message, /^POST \/__admin\/behaviours: 400 ArgumentException: 'fault' must be one of/);
  });

  it('a stream refused by the mock throws rather than ending quietly', async () => {
    const stream = adminClient(mock.url).requests.stream();
    await assert.rejects(stream.next(), (e: unknown) => e instanceof AdminError && e.status === 401);
  });

  it('a stream ends when its signal aborts', async () => {
    const controller = new AbortController();
    const stream = adminClient(mock.url, { token: 'tok' }).requests.stream({ signal: controller.signal });
    const next = stream.next();
    setTimeout(() => controller.abort(), 50);
    assert.deepEqual(await next, { done: true, value: undefined });
  });

  it('drives scenarios, sessions, settings and sign-in expiry with typed answers', async () => {
    const admin = adminClient(mock.url, { token: 'tok' });
    assert.ok((await admin.scenarios.list()).scenarios.length > 0);
    const stored = await admin.sessions.insert({ accountId: 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d', callState: 'Hold', displayName: 'from the client' });
    assert.match(stored.id, /^[0-9a-f]{32}$/);
    assert.equal((await admin.settings.set({ latency: '0' })).latency, null);
    assert.deepEqual(await admin.auth.expire(), { sessions: 0, bearerTokensRevoked: 5 });
  });
});
