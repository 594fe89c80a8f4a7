/**
 * The clock's cost on a 10 000-session store: POST /__admin/clock {"advance":"P1D"} in live mode
 * (every call of a simulated day arriving and moving, written durably), and GET by id while the clock
 * runs at speed 60 beside a paused twin. Run: npx tsx bench/live-advance.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startRunningMock } from '../src/mock/running-mock.js';
import { defaultsOf } from '../src/options/option-model.js';
import { serveOptions } from '../src/options/mock-options.js';
import { quietLogger } from '../src/server/http/logger.js';

const dir = await mkdtemp(join(tmpdir(), 'evo-mock-bench-live-'));
const NOW = new Date('2026-11-20T12:00:00Z');
const base = { ...defaultsOf(serveOptions), port: 0, host: '127.0.0.1', quiet: true, sessions: 10_000, seed: 1, now: NOW, live: true };
const auth = { Authorization: `Basic ${Buffer.from('admin@example.com:admin').toString('base64')}` };

async function getLoad(url: string, id: string): Promise<{ rps: number; p99: number }> {
  const r = await autocannon({ url: `${url}/sessions/${id}`, headers: auth, connections: 10, duration: 5 });
  return { rps: r.requests.average, p99: r.latency.p99 };
}

try {
  const paused = await startRunningMock({ ...base, db: join(dir, 'a.json'), paused: true }, { logger: quietLogger });
  const list = (await (await fetch(`${paused.url}/sessions?countPerPage=1`, { headers: auth })).json()) as { items: { id: string }[] };
  const id = list.items[0]!.id;
  const t0 = performance.now();
  const res = await fetch(`${paused.url}/__admin/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: 'P1D' }) });
  const body = (await res.json()) as { ran: { steps: number; arrivals: number; writes: number } };
  const ms = performance.now() - t0;
  console.log(`advance P1D over ${paused.store.stats.sessions} sessions (live, rate 30): ${Math.round(ms)} ms, ${body.ran.steps} steps, ${body.ran.arrivals} arrivals, ${body.ran.writes} durable writes`);
  const still = await getLoad(paused.url, id);
  await paused.close();
  const running = await startRunningMock({ ...base, db: join(dir, 'b.json'), speed: 60 }, { logger: quietLogger });
  const live = await getLoad(running.url, id);
  await running.close();
  console.log(`GET by id, 10 connections, 5 s: paused ${Math.round(still.rps)} req/s p99 ${still.p99} ms; live at speed 60 ${Math.round(live.rps)} req/s p99 ${live.p99} ms (${(live.rps / still.rps).toFixed(2)}x)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
