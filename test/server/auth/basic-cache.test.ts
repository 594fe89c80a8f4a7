import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { AuthSessions } from '../../../src/server/auth/auth-sessions.js';
import { authenticate } from '../../../src/server/auth/authenticate.js';
import { UserDirectory } from '../../../src/server/auth/user-directory.js';
import { loadFixtures } from '../../../src/store/fixtures.js';

const fixtures = await loadFixtures();
const basic = (credentials: string) => ({ headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } }) as IncomingMessage;

describe('Basic credentials, remembered once verified', () => {
  it('answers the same caller for a repeated header, and still refuses a wrong password after a right one', () => {
    const deps = { userDirectory: new UserDirectory(fixtures), sessions: new AuthSessions() };
    const first = authenticate(basic('dev@example.com:dev'), deps);
    assert.equal(first.principal?.user.userName, 'dev@example.com');
    assert.equal(authenticate(basic('dev@example.com:dev'), deps).principal, first.principal);
    assert.deepEqual(authenticate(basic('dev@example.com:wrong'), deps), { rejected: 'Invalid UserName or Password' });
    assert.deepEqual(authenticate(basic('dev@example.com:dev '), deps), { rejected: 'Invalid UserName or Password' });
  });

  it('keeps each user directory apart and stays correct past its bound', () => {
    const one = { userDirectory: new UserDirectory(fixtures), sessions: new AuthSessions() };
    const other = { userDirectory: new UserDirectory({ ...fixtures, users: fixtures.users.filter((u) => u.userName !== 'dev@example.com') }), sessions: new AuthSessions() };
    assert.ok(authenticate(basic('dev@example.com:dev'), one).principal);
    assert.equal(authenticate(basic('dev@example.com:dev'), other).principal, undefined);
    // User names match in any case, so each spelling is another header that verifies.
    const spellings = Array.from({ length: 300 }, (_, i) => [...'dev@example.com'].map((c, k) => ((i >> k) & 1 ? c.toUpperCase() : c)).join(''));
    for (const name of [...new Set(spellings)]) assert.equal(authenticate(basic(`${name}:dev`), one).principal?.user.userName, 'dev@example.com');
    assert.ok(authenticate(basic('other@example.com:other'), one).principal);
  });
});
