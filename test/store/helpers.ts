import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SessionInfo } from '../../src/generated/dtos.js';
import { JsonFileStore } from '../../src/store/json-file-store.js';
import { sortFieldsFromWire } from '../../src/store/session-fields.js';
import type { SessionQuery, StoredSession } from '../../src/store/session-store.js';
import type { SortFields } from '../../src/store/list-sessions.js';
import { loadApiModel } from '../../src/spec/wire-model.js';

type TestContext = { after(fn: () => Promise<void> | void): void };
const cleanups = new WeakMap<TestContext, Array<() => Promise<unknown> | unknown>>();

/** Runs `fn` after the test, in reverse order of registration (t.after runs in order): stores close before their folder goes. */
export function onCleanup(t: TestContext, fn: () => Promise<unknown> | unknown): void {
  let list = cleanups.get(t);
  if (!list) {
    const fns: Array<() => Promise<unknown> | unknown> = [];
    cleanups.set(t, (list = fns));
    t.after(async () => {
      for (const f of fns.reverse()) await f();
    });
  }
  list.push(fn);
}

/** A temp folder removed after the test. */
export async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'evo-mock-store-'));
  onCleanup(t, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

let fields: SortFields | undefined;

/** SessionInfo's sortable fields as the server gets them: from spec/openapi.json through the wire model. */
export function sessionSortFields(): SortFields {
  if (!fields) {
    const type = loadApiModel().types.get('SessionInfo');
    if (!type) throw new Error('spec/openapi.json has no SessionInfo; run npm run generate');
    fields = sortFieldsFromWire(type);
  }
  return fields;
}

/** A ListSessions query with the binder's defaults; override what a case is about. */
export function query(over: Partial<SessionQuery> = {}): SessionQuery {
  return {
    page: 0,
    countPerPage: 0,
    all: false,
    simplifiedPaging: false,
    specificIds: [],
    accountIds: [],
    customerIds: [],
    endpointIds: [],
    searchArchive: false,
    ...over,
  };
}

/** A stored session for query tests: the value-type members filled, the rest as given. */
export function stored(over: Partial<SessionInfo> & { id: string; accountId: string; dateCreated: string }, parentSessionId?: string): StoredSession {
  const session: SessionInfo = {
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    channel: 'Voice',
    ended: true,
    holdReason: 'None',
    direction: 'Incoming',
    wasMissed: false,
    ...over,
  };
  return parentSessionId === undefined ? { session } : { session, parentSessionId };
}

/** Dev's first account (Acme Dental Group) in fixtures/users.json. */
export const ACME = 'a1f0c2d4e6b84f0a9c1d2e3f4a5b6c7d';

/** A session as a client creates it: a call in progress, outgoing, on Acme unless given. */
export function newCall(over: Partial<SessionInfo> & { id: string; dateCreated: string }): SessionInfo {
  return stored({ accountId: ACME, callState: 'Connected', ended: false, direction: 'Outgoing', ...over }).session;
}

/**
 * Opens the store a child process of durability.test.ts writes to, which its parent seeded. Writers need no
 * sort fields; `compactAfterBytes` decides how often compactions run under them.
 */
export async function openSeededStore(file: string, compactAfterBytes: number): Promise<JsonFileStore> {
  const store = await JsonFileStore.open({ file, sortFields: new Map(), compactAfterBytes });
  if (!store) throw new Error(`${file} does not exist; seed it first`);
  return store;
}
