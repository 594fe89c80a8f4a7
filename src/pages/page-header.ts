import type { PageHeader } from './page-model.js';

const VERBS = 'GET|POST|PUT|PATCH|DELETE|ANY';
/** `POST/sessions`, `GET | /sessions/my |`, `GET,POST /x`. */
const ROUTE_LINE = new RegExp(`^((?:${VERBS})(?:\\s*,\\s*(?:${VERBS}))*)\\s*\\|?\\s*(/[^\\s|]*)\\s*\\|?\\s*$`);
const ROLE_LINE = /^Required roles?\s*:\s*\|?\s*([^|]*?)\s*\|?\s*$/i;
const AUTH_LINE = /^Requires Authentication\s*\|?\s*$/i;
/** Where the header ends and the DTO code, the tables or the samples begin. */
const BODY_START = /^(import |from |namespace |"use strict"|'use strict'|Name \| Parameter|@dataclass|export |open |using |The following are sample)/;
const NON_NAME = /^(Evo Voice|<back to all web services|The following routes are available|---)/i;

/**
 * Reads the part of a metadata page above the DTO code: the operation's name and description (when
 * the page shows them), its routes, "Requires Authentication" and "Required role". Both renderings
 * are read: `| X |` cells and the run-together `Required role:User` / `POST/sessions` lines.
 */
export function parsePageHeader(text: string): PageHeader {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  let verb: string | undefined;
  let route: string | undefined;
  let requiresAuth: boolean | undefined;
  const roles: string[] = [];
  const prose: string[] = [];
  let sawBackLink = false;
  for (const line of lines) {
    if (BODY_START.test(line)) break;
    if (line === '') continue;
    const routeMatch = ROUTE_LINE.exec(line);
    if (routeMatch) {
      if (route === undefined) {
        verb = routeMatch[1]!.split(',')[0]!.trim();
        route = routeMatch[2]!;
      }
      continue;
    }
    const roleMatch = ROLE_LINE.exec(line);
    if (roleMatch) {
      roles.push(...roleMatch[1]!.split(',').map((r) => r.trim()).filter((r) => r.length > 0));
      continue;
    }
    if (AUTH_LINE.test(line)) {
      requiresAuth = true;
      continue;
    }
    if (/^<back to all web services/i.test(line)) sawBackLink = true;
    if (NON_NAME.test(line)) continue;
    if (sawBackLink) prose.push(line);
  }
  const name = prose[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(prose[0]) ? prose[0] : undefined;
  const description = name !== undefined ? prose[1] : undefined;
  return {
    ...(name !== undefined ? { name } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(verb !== undefined ? { verb } : {}),
    ...(route !== undefined ? { route } : {}),
    // A named role implies a signed-in user, whether or not the page also says so.
    ...(requiresAuth !== undefined || roles.length > 0 ? { requiresAuth: true } : {}),
    roles,
  };
}
