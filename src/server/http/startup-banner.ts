import { CONSOLE_PATH } from '../../console/console-routes.js';
import type { Fixtures } from '../../store/fixtures.js';

/** What `evo-mock serve` prints once it answers: where, and who can sign in. */
export function startupBanner(url: string, fixtures: Fixtures, facts: { readonly sessions: number; readonly db: string; readonly quirks: boolean; readonly ms: number }): string {
  const width = Math.max(...fixtures.users.map((u) => `${u.userName} / ${u.password}`.length)) + 2;
  const users = fixtures.users.map((u) => {
    const roles = u.roles.length > 0 ? u.roles.join(', ') : 'no roles';
    const accounts = u.roles.includes('SystemAdministrator') ? 'every account' : `${u.accountIds.length} account${u.accountIds.length === 1 ? '' : 's'}`;
    return `  ${`${u.userName} / ${u.password}`.padEnd(width)}${roles}; ${accounts}; bearer ${u.bearerTokens[0] ?? '-'}`;
  });
  return [
    `evo-mock serving the Evo Voice Sessions API at ${url} (${facts.sessions} sessions in ${facts.db}, ready in ${facts.ms} ms)`,
    `Console: ${url}${CONSOLE_PATH} (or ${url}/ in a browser): sessions, requests, controls, API reference`,
    `quirks ${facts.quirks ? 'on (GET /sessions/{id} answers an empty log, as the real server; --no-quirks to turn off)' : 'off'}`,
    '',
    'Dev users (POST /auth/credentials, or Basic auth on any request):',
    ...users,
    '',
    `Try: curl -u dev@example.com:dev '${url}/sessions?countPerPage=5'`,
  ].join('\n');
}
