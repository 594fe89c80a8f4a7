import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthSessions, MAX_AUTH_SESSIONS } from '../../../src/server/auth/auth-sessions.js';

describe('sign-in sessions', () => {
  it('are capped: past the cap the oldest is signed out, under all of its ids', () => {
    const sessions = new AuthSessions({ max: 3 });
    sessions.save('u1', ['a', 'a-permanent']);
    sessions.save('u2', ['b']);
    sessions.save('u3', ['c']);
    sessions.save('u4', ['d', 'd-permanent']);
    assert.equal(sessions.get('a'), undefined);
    assert.equal(sessions.get('a-permanent'), undefined);
    assert.deepEqual(['b', 'c', 'd', 'd-permanent'].map((id) => sessions.get(id)?.userId), ['u2', 'u3', 'u4', 'u4']);
    assert.equal(sessions.size, 3);
  });

  it('signing out frees a place', () => {
    const sessions = new AuthSessions({ max: 2 });
    sessions.save('u1', ['a']);
    sessions.save('u2', ['b']);
    sessions.remove('a');
    sessions.save('u3', ['c']);
    assert.deepEqual(['b', 'c'].map((id) => sessions.get(id)?.userId), ['u2', 'u3']);
  });

  it('hold at most MAX_AUTH_SESSIONS by default, however many sign-ins come', () => {
    const sessions = new AuthSessions();
    for (let i = 0; i < MAX_AUTH_SESSIONS + 500; i++) sessions.save(`u${i}`, [`id${i}`]);
    assert.equal(sessions.size, MAX_AUTH_SESSIONS);
    assert.equal(sessions.get('id0'), undefined);
    assert.equal(sessions.get(`id${MAX_AUTH_SESSIONS + 499}`)?.userId, `u${MAX_AUTH_SESSIONS + 499}`);
  });
});
