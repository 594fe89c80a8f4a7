import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePageHeader } from '../../src/pages/page-header.js';
import { loadPage } from './helpers.js';

describe('reading the page header', () => {
  const cases = [
    {
      name: 'the pipe-cell rendering with a role',
      text: 'Required role: | User |\nGET | /sessions/my |\n---|\nimport datetime',
      header: { verb: 'GET', route: '/sessions/my', requiresAuth: true, roles: ['User'] },
    },
    {
      name: 'the run-together rendering with a name and a description',
      text: 'Evo Voice\n\n<back to all web services\n\nNewSession\n\nCreate a new session\n\nRequires Authentication\nRequired role:User\nThe following routes are available for this service:\nPOST/sessions\nimport datetime',
      header: { name: 'NewSession', description: 'Create a new session', verb: 'POST', route: '/sessions', requiresAuth: true, roles: ['User'] },
    },
    {
      name: 'authentication without a role',
      text: '<back to all web services\n\nListSessions\n\nRetrieve a list of sessions\n\nRequires Authentication\nThe following routes are available for this service:\nGET/sessions\nnamespace Voice.Api',
      header: { name: 'ListSessions', description: 'Retrieve a list of sessions', verb: 'GET', route: '/sessions', requiresAuth: true, roles: [] },
    },
    {
      name: 'a page that says nothing about authentication',
      text: 'GET | /sessions/{sessionId} |\n---|\nName | Parameter | Data Type | Required | Description |',
      header: { verb: 'GET', route: '/sessions/{sessionId}', roles: [] },
    },
    {
      name: 'several roles and several verbs (the first verb is taken)',
      text: 'Required roles: | Admin, User |\nGET,POST | /things |\n---|',
      header: { verb: 'GET', route: '/things', requiresAuth: true, roles: ['Admin', 'User'] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(parsePageHeader(c.text), c.header));
  }

  it('reads every real page', () => {
    assert.deepEqual(loadPage('GetActiveSessions').header, { verb: 'GET', route: '/sessions/active', requiresAuth: true, roles: ['User'] });
    assert.equal(loadPage('ListSessions').header.name, 'ListSessions');
    assert.equal(loadPage('GetSession').header.requiresAuth, undefined);
  });
});
