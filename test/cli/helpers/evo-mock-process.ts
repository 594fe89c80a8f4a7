import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const root = join(import.meta.dirname, '..', '..', '..');
export const MAIN = join(root, 'src', 'cli', 'main.ts');

/** A child process with its stdout and stderr piped, as `evo-mock` runs from the sources or an installed package. */
export type PipedChild = ChildProcessByStdio<null, Readable, Readable>;

export interface ServeProcess {
  readonly child: PipedChild;
  readonly url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
  /** Sends SIGTERM, then resolves as `exited` does. */
  stop(): Promise<number | string>;
}

/** tsx by path, so that `evo-mock` runs from the sources in any working folder. */
const TSX = join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');

/** Where and how a command runs: its working folder (the repository's by default) and variables added to this process's environment. */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs `evo-mock` from the sources with `args`. */
export function spawnEvoMock(args: readonly string[], options: RunOptions = {}): PipedChild {
  return spawn(process.execPath, ['--import', TSX, MAIN, ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** How a command run ended: its exit code (null when a signal ended it) and everything it printed. */
export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `evo-mock` from the sources as a user would, to its end, and collects what it printed. */
export function runEvoMock(args: readonly string[], options: RunOptions = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawnEvoMock(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `evo-mock serve` from the sources on a free port and waits for it to print its URL. */
export function spawnServe(args: readonly string[]): Promise<ServeProcess> {
  return served(spawnEvoMock(['serve', '--port', '0', '--quiet', ...args]));
}

/**
 * Waits for an `evo-mock serve` however started (from the sources, or an installed package's bin) to print the
 * URL it serves at; fails with everything it printed if it exits first or says nothing for 30 s (then it is stopped).
 */
export async function served(child: PipedChild): Promise<ServeProcess> {
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`serve did not start in 30 s:\n${out}`));
    }, 30_000);
    const check = () => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before it answered:\n${out}`));
    });
  });
  return {
    child,
    url,
    output: () => out,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A loopback port that was free a moment ago (nothing answers on it until someone takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const DEV_AUTH = { Authorization: `Basic ${Buffer.from('dev@example.com:dev').toString('base64')}` };
export const ADMIN_AUTH = { Authorization: `Basic ${Buffer.from('admin@example.com:admin').toString('base64')}` };
