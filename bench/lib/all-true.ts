import type { ChildServer } from './child-server.js';
import type { Row } from './report.js';

/** The fixtures' admin, who sees every account (the bench's own look-ups and the all=true rows). */
export const ADMIN = { Authorization: `Basic ${Buffer.from('admin@example.com:admin').toString('base64')}` };

export interface AllTrueResult {
  readonly concurrent: number;
  readonly format: string;
  /** Until the last answer was read whole. */
  readonly ms: number;
  readonly bytesEach: number;
  readonly peakRssMb: number;
  readonly health: Latency;
}

/** /__admin/health call times: the target is on the slowest; p50 and p99 show how typical that was. */
export interface Latency {
  readonly maxMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly calls: number;
}

function latencyOf(times: readonly number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return { maxMs: sorted.at(-1) ?? 0, p50Ms: at(0.5), p99Ms: at(0.99), calls: sorted.length };
}

/** Health check calls, one after another, until `running()` says stop. */
async function probeHealth(url: string, running: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (running()) {
    const t = performance.now();
    await (await fetch(`${url}/__admin/health`)).arrayBuffer();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  return times;
}

/**
 * The health check's latency on the same server with nothing else in flight, over `ms`: on a shared
 * machine, what the all=true figures are to be read against.
 */
export async function idleHealth(server: ChildServer, ms: number): Promise<Latency> {
  const until = performance.now() + ms;
  return latencyOf(await probeHealth(server.url, () => performance.now() < until));
}

/**
 * `concurrent` simultaneous GET /sessions?all=true&searchArchive=true (every stored session) as the
 * admin, each read to its end and counted, not kept; meanwhile the server's RSS is sampled and
 * /__admin/health is asked one call after another, each call timed.
 */
export async function measureAllTrue(server: ChildServer, concurrent: number, format: 'xml' | 'json' | 'jsv'): Promise<AllTrueResult> {
  let peak = server.rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, server.rssMb())), 25);
  let running = true;
  const probing = probeHealth(server.url, () => running);
  const started = performance.now();
  const sizes = await Promise.all(
    Array.from({ length: concurrent }, async () => {
      const res = await fetch(`${server.url}/sessions?all=true&searchArchive=true&format=${format}`, { headers: ADMIN });
      if (!res.ok || !res.body) throw new Error(`all=true answered ${res.status}`);
      let bytes = 0;
      for await (const chunk of res.body as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return bytes;
    }),
  );
  const ms = performance.now() - started;
  running = false;
  const health = latencyOf(await probing);
  clearInterval(sampler);
  peak = Math.max(peak, server.rssMb());
  return { concurrent, format, ms, bytesEach: sizes[0] ?? 0, peakRssMb: peak, health };
}

const fmt = (l: Latency) => `health max ${l.maxMs.toFixed(0)} ms, p99 ${l.p99Ms.toFixed(0)}, p50 ${l.p50Ms.toFixed(1)} (${l.calls} calls)`;

/**
 * Bench rows: peak RSS within a few hundred MB, the health check within 100 ms throughout; the peer
 * column is the health check on the same server with nothing in flight, measured in the same run.
 */
export function allTrueRow(sessions: number, r: AllTrueResult, idle: Latency): Row {
  const mb = (r.bytesEach / 1e6).toFixed(0);
  return {
    scenario: `all=true ${r.format} over ${sessions.toLocaleString('en-US')} sessions, ${r.concurrent} at once (${mb} MB each)`,
    ours: `${(r.ms / 1000).toFixed(1)} s, peak ${r.peakRssMb.toFixed(0)} MB, ${fmt(r.health)}`,
    peer: `idle: ${fmt(idle)}`,
    ratio: '-',
    target: 'RSS < 400 MB, health < 100 ms',
    ok: r.peakRssMb < 400 && r.health.maxMs < 100,
  };
}
