import { CONSOLE_PATH } from '../../console/console-path.js';
import { isLoopbackHost } from '../admin/admin-guard.js';
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

/**
 * What `serve` prints (on stderr) when --host lets other machines in: who can reach it and what they
 * can do with it. Undefined for a loopback host.
 */
export function exposureWarning(host: string, port: number, allowedHosts: readonly string[]): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  const where = host === '0.0.0.0' || host === '::' ? 'every network interface' : host;
  const names = ['localhost', 'IP addresses', ...allowedHosts].join(', ');
  return [
    `evo-mock: WARNING: listening on ${where}, port ${port}: anyone who can reach this machine can read and change the mock's data`,
    `  as the dev users listed below (their passwords are public fixtures), and use its admin API unless it needs a token.`,
    `  Use --host 127.0.0.1 unless you mean to share it. Requests are answered only when addressed to ${names};`,
    `  add the names others use to reach it (a proxy, a container name) with --allowed-hosts.`,
  ].join('\n');
}
