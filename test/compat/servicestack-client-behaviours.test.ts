import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonServiceClient } from '@servicestack/client';
import { GetMySessions, ListSessions, NewSession } from '../../src/generated/client-dtos.js';
import { mockPerFile, USERS } from '../server/helpers/mock-server.js';
import { Authenticate, devClient, rejection, type ClientError } from './client-helpers.js';

const { mock, admin } = mockPerFile({ sessions: 30, fresh: true });

describe('JsonServiceClient meets behaviours as it would meet ServiceStack', () => {
  for (const status of [503, 429, 500, 502] as const) {
    it(`${status}: responseStatus is populated, and the client does not retry (one request reached the mock)`, async () => {
      await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status } });
      const err = await rejection(devClient(mock.url).get(new ListSessions({ countPerPage: 2 })));
      assert.ok(err.responseStatus, 'responseStatus');
      assert.equal(err.responseStatus.errorCode, { 503: 'ServiceUnavailable', 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway' }[status]);
      assert.ok(err.responseStatus.message.length > 0);
      // @servicestack/client 2.x retries nothing on 429 or 5xx (only a 401 with a refresh token or onAuthenticationRequired).
      assert.equal(await admin.requests.count({ operation: 'ListSessions' }), 1);
    });
  }

  it('field errors reach responseStatus.errors and ApiResult.errors, as a validation failure', async () => {
    await admin.behaviours.add({
      match: { operation: 'NewSession' },
      respond: { status: 400, errorCode: 'NotEmpty', message: "'Display Name' must not be empty.", errors: [{ errorCode: 'NotEmpty', fieldName: 'DisplayName', message: "'Display Name' must not be empty." }] },
    });
    const err = await rejection(devClient(mock.url).post(new NewSession({ displayName: '' })));
    assert.equal(err.responseStatus.errorCode, 'NotEmpty');
    assert.deepEqual(err.responseStatus.errors, [{ errorCode: 'NotEmpty', fieldName: 'DisplayName', message: "'Display Name' must not be empty." }]);
    const api = await devClient(mock.url).api(new NewSession({ displayName: '' }));
    assert.equal(api.succeeded, false);
    assert.equal(api.fieldError('DisplayName')?.message, "'Display Name' must not be empty.");
  });

  it('an app\'s own retry loop gets through a 503 that holds for two calls (times: 2)', async () => {
    await admin.behaviours.add({ match: { operation: 'GetMySessions' }, respond: { status: 503 }, times: 2 });
    const client = devClient(mock.url);
    let attempts = 0;
    let result: Awaited<ReturnType<typeof client.get<unknown>>> | undefined;
    while (!result && attempts < 5) {
      attempts++;
      result = await client.get(new GetMySessions()).catch((e: ClientError) => {
        assert.equal(e.responseStatus.errorCode, 'ServiceUnavailable');
        return undefined;
      });
    }
    assert.equal(attempts, 3);
    assert.equal(await admin.requests.count({ operation: 'GetMySessions' }), 3);
  });

  it('a malformed answer or a reset is an error the client reports, not a hang', async () => {
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { fault: 'malformed' }, times: 1 });
    await assert.rejects(devClient(mock.url).get(new ListSessions()));
    await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { fault: 'reset' }, times: 1 });
    await assert.rejects(devClient(mock.url).get(new ListSessions()));
  });

  it('a revoked bearer token: 401, then onAuthenticationRequired signs in again and the call is resent', async () => {
    const client = new JsonServiceClient(mock.url);
    client.bearerToken = USERS.other.token;
    assert.ok(await client.get(new GetMySessions()));
    await admin.auth.expire({ user: USERS.other.userName });
    const err = await rejection(client.get(new GetMySessions()));
    assert.equal(err.responseStatus.errorCode, 'Unauthorized');
    assert.equal(err.responseStatus.message, 'Token has expired');
    let asked = 0;
    client.onAuthenticationRequired = async () => {
      asked++;
      const signIn = new JsonServiceClient(mock.url);
      const res = await signIn.post(new Authenticate({ provider: 'credentials', userName: USERS.other.userName, password: USERS.other.password }));
      client.bearerToken = res.bearerToken ?? '';
    };
    const mine = await client.get(new GetMySessions());
    assert.ok(Array.isArray(mine.sessions));
    assert.equal(asked, 1);
  });

  it('Prefer: code=503 set as a client header reaches the app as a ServiceStack error', async () => {
    const client = devClient(mock.url);
    client.headers.set('Prefer', 'code=503');
    const err = await rejection(client.get(new ListSessions()));
    assert.equal(err.responseStatus.errorCode, 'ServiceUnavailable');
  });
});
