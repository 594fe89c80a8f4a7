import { statSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { SessionStore } from '../../store/session-store.js';

/** How many requests the app has been asked, counted where every request passes (globalHeaders). */
export interface RequestCounter {
  count: number;
}

export interface HealthSources {
  readonly countSessions: () => number;
  readonly store: SessionStore;
  readonly counter: RequestCounter;
  readonly version: string;
  readonly startedAt: number;
  /** The store's snapshot file (its journal sits beside it), for the size on disk. */
  readonly storeFile?: string;
}

/**
 * GET /__admin/health: 200 once the app exists (it is built only after the store is open). Beside
 * `status` and `sessions` it says what a person checking on a mock wants to know: how long it has run,
 * how many requests it answered (a client samples this twice for a rate), the seed and --now the store
 * was made with, the store's clock, and how big its files are.
 */
export function health(sources: HealthSources): RequestHandler {
  return (_req, res) => {
    const body = JSON.stringify({
      status: 'ok',
      sessions: sources.countSessions(),
      version: sources.version,
      startedAt: new Date(sources.startedAt).toISOString(),
      uptimeSeconds: Math.round((Date.now() - sources.startedAt) / 1000),
      requests: sources.counter.count,
      ...storeFacts(sources.store, sources.storeFile),
    });
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.end(body);
  };
}

/** The JSON-file store shows its meta; the SessionStore seam does not promise it, so look. */
function storeFacts(store: SessionStore, file: string | undefined): Record<string, unknown> {
  const facts: Record<string, unknown> = { clock: store.now().toISOString() };
  const meta = (store as { readonly meta?: { seed?: unknown; now?: unknown; nowFixed?: unknown } }).meta;
  if (meta && typeof meta.seed === 'number') facts['seed'] = meta.seed;
  if (meta && typeof meta.now === 'string') {
    facts['seededAt'] = meta.now;
    facts['nowFixed'] = meta.nowFixed === true;
  }
  if (file !== undefined) {
    facts['storeFile'] = file;
    facts['storeBytes'] = sizeOf(file) + sizeOf(`${file}.journal`);
  }
  return facts;
}

/** 0 for a file that is not there (no journal yet, or a compaction replacing it this instant). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
