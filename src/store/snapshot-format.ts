import type { StoredSession } from './session-store.js';
import { STORE_FORMAT, type StoreData } from './store-data.js';
import { StoreFileError } from './store-errors.js';

/**
 * The snapshot's text: valid JSON with one record per line. A record per line keeps the file
 * greppable and diffable, far smaller than indented JSON, and lets the writer yield between
 * records. Key order comes from the objects, which the seed builds in a fixed order, so the same
 * data always gives the same bytes.
 */
export function* snapshotChunks(data: StoreData): Generator<string> {
  yield `{"meta":${JSON.stringify(data.meta)}`;
  yield* records('customers', data.customers);
  yield* records('endpoints', data.endpoints);
  yield* records('agents', data.agents);
  yield* records('teams', data.teams);
  yield* records('sessions', data.sessions);
  yield '}\n';
}

function* records(key: string, items: readonly unknown[]): Generator<string> {
  if (items.length === 0) {
    yield `,\n"${key}":[]`;
    return;
  }
  yield `,\n"${key}":[\n`;
  for (let i = 0; i < items.length; i++) yield (i === 0 ? '' : ',\n') + JSON.stringify(items[i]);
  yield '\n]';
}

export function snapshotText(data: StoreData): string {
  return [...snapshotChunks(data)].join('');
}

/** The snapshot's lists, in the order the writer writes them. */
export const LISTS = ['customers', 'endpoints', 'agents', 'teams', 'sessions'] as const;

/** Parses and checks a snapshot: only what the store relies on, so a broken file fails here, not mid-request. */
export function parseSnapshot(text: string, file: string): StoreData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StoreFileError(file, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return checkSnapshot(json, file);
}

/** The checks parseSnapshot makes on the parsed JSON (snapshot-reader.ts makes them on what it reads). */
export function checkSnapshot(json: unknown, file: string): StoreData {
  if (!isObject(json)) throw new StoreFileError(file, 'does not hold a JSON object');
  const meta = json['meta'];
  if (!isObject(meta) || typeof meta['format'] !== 'number') throw new StoreFileError(file, 'has no meta.format; it was not written by evo-mock');
  if (meta['format'] !== STORE_FORMAT) {
    throw new StoreFileError(file, `has format ${String(meta['format'])}, this evo-mock reads format ${STORE_FORMAT}`);
  }
  for (const key of LISTS) {
    if (!Array.isArray(json[key])) throw new StoreFileError(file, `has no "${key}" array`);
  }
  (json['sessions'] as unknown[]).forEach((s, i) => checkStoredSession(s, file, `sessions[${i}]`));
  return json as unknown as StoreData;
}

/** The fields the indexes and filters read; everything else is the server's business. */
export function checkStoredSession(value: unknown, file: string, at: string): asserts value is StoredSession {
  if (!isObject(value) || !isObject(value['session'])) throw new StoreFileError(file, `${at} has no "session" object`);
  const s = value['session'];
  for (const key of ['id', 'accountId', 'dateCreated'] as const) {
    if (typeof s[key] !== 'string' || s[key] === '') throw new StoreFileError(file, `${at}.session.${key} is missing or not a string`);
  }
  const parent = value['parentSessionId'];
  if (parent !== undefined && typeof parent !== 'string') throw new StoreFileError(file, `${at}.parentSessionId is not a string`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
