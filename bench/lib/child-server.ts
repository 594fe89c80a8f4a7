import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface ChildServer {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first answer of the readiness probe. */
  readonly startMs: number;
  rssMb(): number;
  stop(): Promise<void>;
}

/** With two or more cores, servers run on core 0 and the load generator on the others, so they don't compete. */
export const SERVER_CPUS = cpus().length >= 2 ? '0' : undefined;
export const LOAD_CPUS = cpus().length >= 2 ? `1-${cpus().length - 1}` : undefined;

export interface SpawnOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly url: string;
  /** A path under url that answers once the server is ready (any HTTP status counts). */
  readonly probe: string;
  readonly probeHeaders?: Record<string, string>;
  readonly cwd?: string;
  readonly timeoutMs?: number;
}

export async function spawnServer(opts: SpawnOptions): Promise<ChildServer> {
  const [command, args] = SERVER_CPUS
    ? ['taskset', ['-c', SERVER_CPUS, opts.command, ...opts.args]]
    : [opts.command, [...opts.args]];
  const started = performance.now();
  const child = spawn(command, args, { cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const deadline = started + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${opts.name} exited with ${child.exitCode} before answering:\n${stderr}`);
    try {
      await fetch(opts.url + opts.probe, { headers: opts.probeHeaders ?? {} });
      break;
    } catch {
      if (performance.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${opts.name} did not answer ${opts.url + opts.probe} within ${opts.timeoutMs ?? 60_000} ms:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  const startMs = performance.now() - started;
  return {
    name: opts.name,
    url: opts.url,
    pid: child.pid ?? 0,
    startMs,
    rssMb: () => rssOf(child),
    stop: () => stopChild(child),
  };
}

function rssOf(child: ChildProcess): number {
  try {
    // taskset execs the real program, so the pid is the server's own.
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
