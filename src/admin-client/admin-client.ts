/**
 * A typed client for evo-mock's admin API, for test files (node:test, vitest, Playwright) and the
 * console. It speaks only HTTP (fetch), so it drives a mock in this process, in a child process or on
 * another machine alike; the types come from the server's modules as types only.
 *
 *   const admin = adminClient(mock.url);
 *   await admin.behaviours.add({ match: { operation: 'ListSessions' }, respond: { status: 503 }, times: 1 });
 *   expect(await admin.requests.count({ operation: 'ListSessions' })).toBe(2);
 */
import type { BehaviourInput, BehaviourView } from '../server/behaviours/behaviour.js';
import type { RequestMatch } from '../server/behaviours/request-match.js';
import type { JournalEntry } from '../server/journal/request-journal.js';

export type { BehaviourInput, BehaviourResponse, BehaviourView, Fault } from '../server/behaviours/behaviour.js';
export type { RequestMatch, ValueMatch } from '../server/behaviours/request-match.js';
export type { JournalEntry } from '../server/journal/request-journal.js';

export interface AdminClientOptions {
  /** The mock's --admin-token, sent as Authorization: Bearer. */
  readonly token?: string;
}

/** ServiceStack's error shape, as every admin error answers. */
export interface ResponseStatus {
  readonly errorCode: string;
  readonly message: string;
  readonly errors?: readonly { readonly errorCode: string; readonly fieldName: string; readonly message: string }[];
}

/** An admin call that did not succeed: the status and the mock's ResponseStatus (what went wrong, what to do). */
export class AdminError extends Error {
  override readonly name = 'AdminError';
  constructor(
    readonly status: number,
    readonly responseStatus: ResponseStatus,
    readonly call: string,
  ) {
    super(`${call}: ${status} ${responseStatus.errorCode}: ${responseStatus.message}`);
  }
}

/** Journal filters, as GET /__admin/requests takes them. `status` is 503, '5xx' or '429,503'; `path` a pattern. */
export interface JournalFilter {
  readonly operation?: string;
  readonly method?: string;
  readonly path?: string;
  readonly user?: string;
  readonly format?: 'json' | 'xml' | 'jsv';
  readonly status?: number | string;
  readonly since?: Date | string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface JournalPage {
  readonly requests: JournalEntry[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export interface MockSettingsView {
  /** As --latency writes it ("200", "50-300", "lognormal:80,0.4"), or null for none. */
  readonly latency: string | null;
  readonly journalSize: number;
}

export interface ExpireResult {
  readonly sessions: number;
  readonly bearerTokensRevoked: number;
}

export interface AdminClient {
  readonly url: string;
  health(): Promise<{ status: string; sessions: number }>;
  readonly behaviours: {
    add(behaviour: BehaviourInput): Promise<BehaviourView>;
    list(): Promise<BehaviourView[]>;
    get(id: string): Promise<BehaviourView>;
    remove(id: string): Promise<void>;
    /** Removes every behaviour; answers how many there were. */
    clear(): Promise<number>;
  };
  readonly requests: {
    list(filter?: JournalFilter): Promise<JournalPage>;
    /** Requests that reached no operation (a wrong path, say). */
    unmatched(filter?: JournalFilter): Promise<JournalPage>;
    get(id: number): Promise<JournalEntry>;
    clear(): Promise<number>;
    /** How many journaled requests match (WireMock's verify). */
    count(match?: RequestMatch): Promise<number>;
    /** The live stream; end it by breaking out of the loop or with `signal`. */
    stream(filter?: Omit<JournalFilter, 'limit' | 'offset'> & { readonly replay?: number; readonly signal?: AbortSignal }): AsyncIterableIterator<JournalEntry>;
  };
  readonly settings: {
    get(): Promise<MockSettingsView>;
    set(changes: { readonly latency?: string | number | null | Record<string, number>; readonly journalSize?: number }): Promise<MockSettingsView>;
  };
  readonly auth: {
    /** Ends sign-ins: one user's (and revokes their bearer tokens), one session's, or everyone's. */
    expire(target?: { readonly user: string } | { readonly sessionId: string }): Promise<ExpireResult>;
  };
  readonly scenarios: {
    list(): Promise<{ scenarios: { name: string; description?: string }[] }>;
    apply(name: string, count?: number): Promise<{ scenario: string; created: number; alreadyPresent: number; createdIds: string[]; message: string }>;
  };
  readonly sessions: {
    /** Inserts a SessionInfo as given (POST /__admin/sessions); answers it as stored. */
    insert<T extends Record<string, unknown>>(session: T): Promise<T & { id: string }>;
  };
}

export function adminClient(baseUrl: string, options: AdminClientOptions = {}): AdminClient {
  const url = baseUrl.replace(/\/+$/, '');
  const headers = (body: boolean): Record<string, string> => ({
    Accept: 'application/json',
    ...(body ? { 'Content-Type': 'application/json' } : {}),
    ...(options.token !== undefined ? { Authorization: `Bearer ${options.token}` } : {}),
  });
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(url + path, { method, headers: headers(body !== undefined), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!res.ok) throw new AdminError(res.status, responseStatusOf(parsed, res), `${method} ${path}`);
    return parsed as T;
  }
  return {
    url,
    health: () => call('GET', '/__admin/health'),
    behaviours: {
      add: (behaviour) => call('POST', '/__admin/behaviours', behaviour),
      list: async () => (await call<{ behaviours: BehaviourView[] }>('GET', '/__admin/behaviours')).behaviours,
      get: (id) => call('GET', `/__admin/behaviours/${encodeURIComponent(id)}`),
      remove: async (id) => {
        await call('DELETE', `/__admin/behaviours/${encodeURIComponent(id)}`);
      },
      clear: async () => (await call<{ removed: number }>('DELETE', '/__admin/behaviours')).removed,
    },
    requests: {
      list: (filter) => call('GET', `/__admin/requests${queryOf(filter)}`),
      unmatched: (filter) => call('GET', `/__admin/requests/unmatched${queryOf(filter)}`),
      get: (id) => call('GET', `/__admin/requests/${id}`),
      clear: async () => (await call<{ cleared: number }>('DELETE', '/__admin/requests')).cleared,
      count: async (match = {}) => (await call<{ count: number }>('POST', '/__admin/requests/count', match)).count,
      stream: (filter = {}) => {
        const { signal, ...rest } = filter;
        return eventStream(`${url}/__admin/requests/stream${queryOf(rest)}`, headers(false), signal);
      },
    },
    settings: {
      get: () => call('GET', '/__admin/settings'),
      set: (changes) => call('POST', '/__admin/settings', changes),
    },
    auth: {
      expire: (target = {} as { user: string }) => call('POST', '/__admin/auth/expire', target),
    },
    scenarios: {
      list: () => call('GET', '/__admin/scenarios'),
      apply: (name, count) => call('POST', `/__admin/scenarios/${encodeURIComponent(name)}${count !== undefined ? `?count=${count}` : ''}`),
    },
    sessions: {
      insert: (session) => call('POST', '/__admin/sessions', session),
    },
  };
}

function queryOf(filter: object | undefined): string {
  if (!filter) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    params.set(name, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function responseStatusOf(body: unknown, res: Response): ResponseStatus {
  const status = (body as { responseStatus?: ResponseStatus } | undefined)?.responseStatus;
  return status ?? { errorCode: String(res.status), message: res.statusText };
}

/** Server-Sent Events over fetch: each `request` event's data as a JournalEntry. */
async function* eventStream(url: string, headers: Record<string, string>, signal: AbortSignal | undefined): AsyncIterableIterator<JournalEntry> {
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let res: Response;
    try {
      res = await fetch(url, { headers: { ...headers, Accept: 'text/event-stream' }, signal: abort.signal });
    } catch (err) {
      // Aborted before the stream began: it ends, as it would a moment later.
      if (abort.signal.aborted) return;
      throw err;
    }
    if (!res.ok || !res.body) {
      const text = await res.text();
      throw new AdminError(res.status, responseStatusOf(text === '' ? undefined : (JSON.parse(text) as unknown), res), `GET ${url}`);
    }
    const decoder = new TextDecoder();
    let buffered = '';
    const reader = res.body.getReader();
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (err) {
        if (abort.signal.aborted) return;
        throw err;
      }
      if (chunk.done) return;
      buffered += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (event === 'request' && data.length > 0) yield JSON.parse(data.join('\n')) as JournalEntry;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    abort.abort();
  }
}
