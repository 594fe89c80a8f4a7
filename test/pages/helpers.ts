import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DtoPage, PageClass, PageEnum, PageType } from '../../src/pages/page-model.js';
import { parsePage } from '../../src/pages/parse-page.js';

export const SOURCES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'spec', 'sources');
export const OPERATIONS = ['GetActiveSessions', 'GetMySessions', 'GetSession', 'ListSessions', 'NewSession'] as const;

export function pageText(operation: string): string {
  return readFileSync(join(SOURCES, `${operation}.txt`), 'utf8');
}

export function loadPage(operation: string): DtoPage {
  return parsePage(pageText(operation), `${operation}.txt`, operation);
}

export function classNamed(types: readonly PageType[], name: string): PageClass {
  const found = types.find((t): t is PageClass => t.kind === 'class' && t.name === name);
  if (!found) throw new Error(`no class ${name}`);
  return found;
}

export function enumNamed(types: readonly PageType[], name: string): PageEnum {
  const found = types.find((t): t is PageEnum => t.kind === 'enum' && t.name === name);
  if (!found) throw new Error(`no enum ${name}`);
  return found;
}

/** The enums every page of the Sessions service shows, members in declaration order. */
export const SESSION_ENUMS: Readonly<Record<string, readonly string[]>> = {
  SessionDialState: ['None', 'Active'],
  SessionCallState: ['Disconnected', 'Ringing', 'Connected', 'Hold', 'Passive'],
  SessionQueueStates: ['None', 'Queued', 'Ringing', 'Connected', 'Hold', 'Disconnected'],
  FlowChannels: ['Voice', 'Chat', 'Fax'],
  SessionHoldReasons: ['None', 'Transferring'],
  SessionMemberCallState: ['None', 'Ringing', 'Connected', 'Hold'],
  SessionMemberRoles: ['None', 'Caller', 'Agent', 'Transfer'],
  SessionDirections: ['Incoming', 'Outgoing'],
};

/** Asserts that a page's types hold every Sessions enum, its members in declaration order. */
export function assertSessionEnums(types: readonly PageType[]): void {
  for (const [name, members] of Object.entries(SESSION_ENUMS)) {
    assert.deepEqual(enumNamed(types, name).members.map((m) => m.name), members, name);
  }
}
