/**
 * npx tsx bench/wire-micro.ts [--db PATH] [--ms 1500]
 *
 * The writers alone, in this process: microseconds and bytes allocated per call for one SessionInfo and
 * a page of 25, in each format, cold (every session written from scratch) and warm (the fragment cache
 * holding the page's sessions), with JSON.stringify as the yardstick; and a list long enough to be
 * streamed (stringifyChunks, as an all=true answer is written), read to its last chunk. Without --db it seeds a 10 000
 * session store into a temp folder with the built CLI (run `npm run build` first).
 *
 * Allocation is read as the growth of the V8 heap across one call, taking the median over calls that
 * saw no garbage collection; so it counts everything a call leaves behind, garbage included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { loadApiModel } from '../src/spec/wire-model.js';
import { parseSnapshot } from '../src/store/snapshot-format.js';
import { defaultCodecs } from '../src/wire/codec-registry.js';

const codecs = defaultCodecs.all;
import { fragmentCache } from '../src/wire/fragment-cache.js';
import { CHUNK_CHARS, STREAM_MIN_ITEMS } from '../src/server/wire/stream-dto.js';
import type { WireObject } from '../src/spec/wire-type.js';

const { values } = parseArgs({ options: { db: { type: 'string' }, ms: { type: 'string', default: '1500' } } });
const budgetMs = Number(values.ms);

function loadSessions(): Record<string, unknown>[] {
  let db = values.db;
  let work: string | undefined;
  if (!db) {
    work = mkdtempSync(join(tmpdir(), 'evo-wire-micro-'));
    db = join(work, 'db.json');
    const cli = resolve(import.meta.dirname, '../dist/bin/main.js');
    execFileSync(process.execPath, [cli, 'seed', '--db', db, '--sessions', '10000', '--seed', '42', '--now', '2026-11-21T12:00:00.000Z', '--reset'], { stdio: 'ignore' });
  }
  try {
    return parseSnapshot(readFileSync(db, 'utf8'), db).sessions.map((e) => deepFreeze(e).session as unknown as Record<string, unknown>);
  } finally {
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Figure {
  readonly us: number;
  readonly bytes: number;
}

function measure(run: (i: number) => unknown): Figure {
  for (let i = 0; i < 200; i++) run(i); // warm up the JIT
  const deltas: number[] = [];
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs / 2) {
    const before = v8.getHeapStatistics().used_heap_size;
    run(calls++);
    const after = v8.getHeapStatistics().used_heap_size;
    if (after >= before) deltas.push(after - before);
  }
  deltas.sort((a, b) => a - b);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs / 2) for (let k = 0; k < 20; k++) run(n++);
  return { us: ((performance.now() - t0) * 1000) / n, bytes: deltas[deltas.length >> 1] ?? 0 };
}

const model = loadApiModel();
const sessionInfo = model.types.get('SessionInfo') as WireObject;
const listResponse = model.types.get('ListResponse_SessionInfo') as WireObject;
const sessions = loadSessions();
const pages: Record<string, unknown>[] = [];
for (let i = 0; i + 25 <= sessions.length; i += 25) pages.push({ items: sessions.slice(i, i + 25), totalCount: sessions.length, totalPages: sessions.length / 25, hasMorePages: true });
const hot = pages[0] as Record<string, unknown>;
const streamed = { items: sessions.slice(0, STREAM_MIN_ITEMS), totalCount: STREAM_MIN_ITEMS, totalPages: 1, hasMorePages: false };

const rows: string[][] = [['case', 'format', 'us/op', 'KB allocated/op', 'bytes out']];
const add = (name: string, format: string, f: Figure, out: string) =>
  rows.push([name, format, f.us.toFixed(1), (f.bytes / 1024).toFixed(1), String(Buffer.byteLength(out))]);

add('page of 25', 'JSON.stringify', measure((i) => JSON.stringify(pages[i % pages.length])), JSON.stringify(hot));
for (const codec of codecs) {
  const page = codec.stringify(hot, listResponse);
  fragmentCache.clear();
  fragmentCache.enabled = false;
  add('page of 25, cold', codec.format, measure((i) => codec.stringify(pages[i % pages.length], listResponse)), page);
  add('session, cold', codec.format, measure((i) => codec.stringify(sessions[i % sessions.length], sessionInfo)), codec.stringify(sessions[0], sessionInfo));
  fragmentCache.enabled = true;
  add('page of 25, warm', codec.format, measure(() => codec.stringify(hot, listResponse)), page);
  add('session, warm', codec.format, measure(() => codec.stringify(sessions[0], sessionInfo)), codec.stringify(sessions[0], sessionInfo));
  const chunks = codec.stringifyChunks?.bind(codec);
  if (chunks) {
    const drain = () => [...iterate(chunks(streamed, listResponse, CHUNK_CHARS))];
    const label = `${STREAM_MIN_ITEMS.toLocaleString('en-US')} sessions, streamed`;
    fragmentCache.clear();
    fragmentCache.enabled = false;
    add(`${label}, cold`, codec.format, measure(drain), drain().join(''));
    fragmentCache.enabled = true;
    add(`${label}, warm`, codec.format, measure(drain), drain().join(''));
  }
}
function* iterate(chunks: Iterator<string>): Generator<string> {
  for (let r = chunks.next(); !r.done; r = chunks.next()) yield r.value;
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
console.log(`\nfragment cache: ${JSON.stringify(fragmentCache.stats())}`);
