import type { ChildServer } from './child-server.js';
import type { Row } from './report.js';

const ADMIN = { Authorization: `Basic ${Buffer.from('admin@example.com:admin').toString('base64')}` };

export interface AllTrueResult {
  readonly concurrent: number;
  readonly format: string;
  /** Until the last answer was read whole. */
  readonly ms: number;
  readonly bytesEach: number;
  readonly peakRssMb: number;
  readonly healthMaxMs: number;
  readonly healthP50Ms: number;
  readonly healthChecks: number;
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
  const health: number[] = [];
  const probing = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${server.url}/__admin/health`)).arrayBuffer();
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
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
  await probing;
  clearInterval(sampler);
  peak = Math.max(peak, server.rssMb());
  const sorted = [...health].sort((a, b) => a - b);
  return {
    concurrent,
    format,
    ms,
    bytesEach: sizes[0] ?? 0,
    peakRssMb: peak,
    healthMaxMs: sorted.at(-1) ?? 0,
    healthP50Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
    healthChecks: sorted.length,
  };
}

/** Bench rows: peak RSS within a few hundred MB, the health check within 100 ms throughout. */
export function allTrueRow(sessions: number, r: AllTrueResult): Row {
  const mb = (r.bytesEach / 1e6).toFixed(0);
  return {
    scenario: `all=true ${r.format} over ${sessions.toLocaleString('en-US')} sessions, ${r.concurrent} at once (${mb} MB each)`,
    ours: `${(r.ms / 1000).toFixed(1)} s, peak ${r.peakRssMb.toFixed(0)} MB`,
    peer: '-',
    ratio: '-',
    target: `RSS < 400 MB, health < 100 ms (max ${r.healthMaxMs.toFixed(0)} ms, p50 ${r.healthP50Ms.toFixed(1)} ms, ${r.healthChecks} calls)`,
    ok: r.peakRssMb < 400 && r.healthMaxMs < 100,
  };
}
