/**
 * The console's only way to the mock: the public API (signed in with Basic auth as the chosen dev
 * user, as any client may) and the admin API. Errors come back as ApiError with ServiceStack's
 * responseStatus read out, so every view can say what went wrong in the API's own words.
 */

export interface DevUser {
  readonly userName: string;
  readonly password: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly accountIds: readonly string[];
}

export interface Boot {
  readonly version: string;
  readonly users: readonly DevUser[];
  readonly accounts: readonly { id: string; name: string }[];
  readonly built: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode: string | undefined,
    readonly fields: readonly { fieldName?: string; message?: string; errorCode?: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The route is not there: an admin API this mock does not have (yet). */
  get missing(): boolean {
    return this.status === 404 && /No operation is routed/i.test(this.message);
  }
}

let current: DevUser | undefined;

export function signInAs(user: DevUser): void {
  current = user;
}

export function currentUser(): DevUser | undefined {
  return current;
}

/** Marks the console's own calls, so the request journal view can leave them out. */
export const CONSOLE_HEADER = 'X-Evo-Console';

function authHeader(): Record<string, string> {
  if (!current) return { [CONSOLE_HEADER]: '1' };
  const token = btoa(unescape(encodeURIComponent(`${current.userName}:${current.password}`)));
  return { Authorization: `Basic ${token}`, [CONSOLE_HEADER]: '1' };
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  let status: { errorCode?: string; message?: string; errors?: { fieldName?: string; message?: string; errorCode?: string }[] } | undefined;
  try {
    const body = JSON.parse(text) as { responseStatus?: typeof status };
    status = body.responseStatus;
  } catch {
    // Not JSON (an empty 401, a fault): say what the status says.
  }
  const message = status?.message || status?.errorCode || `${res.status} ${res.statusText || 'error'}${text && !status ? `: ${text.slice(0, 200)}` : ''}`;
  return new ApiError(res.status, message, status?.errorCode, status?.errors ?? []);
}

/** GET a public API route as the chosen user, in JSON. */
export async function publicGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json', ...authHeader() }, ...(signal ? { signal } : {}) });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** The exact text the API sends in a format: what a client of that format reads. */
export async function publicText(path: string, accept: string): Promise<{ status: number; contentType: string; text: string }> {
  const res = await fetch(path, { headers: { Accept: accept, ...authHeader() } });
  return { status: res.status, contentType: res.headers.get('Content-Type') ?? '', text: await res.text() };
}

/** An admin API call with a JSON body (the admin API takes nothing else). */
export async function admin<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', [CONSOLE_HEADER]: '1' } };
  if (body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json', [CONSOLE_HEADER]: '1' };
    init.body = JSON.stringify(body);
  }
  if (signal) init.signal = signal;
  const res = await fetch(path, init);
  if (!res.ok) throw await failure(res);
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const fields = err.fields.map((f) => `${f.fieldName ?? ''}: ${f.message ?? f.errorCode ?? ''}`).join('; ');
    return `${err.status} ${err.message}${fields ? ` (${fields})` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}
