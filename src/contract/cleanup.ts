import type { HttpClient } from './http-client.js';
import type { CreatedEntity } from './run-report.js';

/** What the runner did with the sessions its --allow-writes cases created. */
export interface Cleanup {
  /** True when the target said it is evo-mock (GET /__admin/health), so the runner removed what it made. */
  readonly evoMock: boolean;
  readonly removed: readonly string[];
  /** Left on the target, with why. */
  readonly left: readonly { readonly id: string; readonly reason: string }[];
}

/** evo-mock writes this in X-Powered-By on every answer; ServiceStack writes its own name alone. */
const EVO_MOCK = /\bevo-mock\b/;

/**
 * After a run with --allow-writes: when the target is evo-mock (its /__admin/health answers, as
 * evo-mock, with the X-Powered-By it writes everywhere), each session the run created is deleted
 * through the admin data API (DELETE /__admin/sessions/{id}), so a CI run leaves the mock as it
 * found it. Any other target is left alone: the report lists what was created there, as before.
 */
export async function removeCreated(baseUrl: string, created: readonly CreatedEntity[], http: HttpClient): Promise<Cleanup> {
  if (created.length === 0 || !(await isEvoMock(baseUrl, http))) return { evoMock: false, removed: [], left: [] };
  const removed: string[] = [];
  const left: { id: string; reason: string }[] = [];
  for (const e of created) {
    if (e.type !== 'SessionInfo') {
      left.push({ id: e.id, reason: `a ${e.type}, which the admin API does not delete` });
      continue;
    }
    try {
      const res = await http({ method: 'DELETE', url: `${baseUrl}/__admin/sessions/${encodeURIComponent(e.id)}`, headers: { Accept: 'application/json' } });
      if (res.status === 200 || res.status === 404) removed.push(e.id);
      else left.push({ id: e.id, reason: `DELETE /__admin/sessions/${e.id} answered ${res.status}${res.status === 401 ? ' (the mock needs --admin-token)' : ''}` });
    } catch (err) {
      left.push({ id: e.id, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return { evoMock: true, removed, left };
}

async function isEvoMock(baseUrl: string, http: HttpClient): Promise<boolean> {
  try {
    const res = await http({ method: 'GET', url: `${baseUrl}/__admin/health`, headers: { Accept: 'application/json' } });
    if (res.status !== 200 || !EVO_MOCK.test(res.headers['x-powered-by'] ?? '')) return false;
    const body = JSON.parse(res.text) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}
