import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  /** How long in-flight requests may take to finish on shutdown before their connections are cut. */
  readonly drainMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests finish, then closes the store (flushing its journal). */
  stop(): Promise<void>;
}

/** Listens with the app; the store is the caller's, opened before and closed by stop(). */
export async function startServer(app: AppOptions, listen: ListenOptions): Promise<RunningServer> {
  let stopping = false;
  const express = createApp(app);
  const server = createServer((req, res) => {
    // While draining, answer in-flight and queued requests but let no connection be reused.
    if (stopping) res.setHeader('Connection', 'close');
    express(req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        await drain(server, listen.drainMs ?? 10_000);
        await app.store.close();
      })()),
  };
}

async function drain(server: Server, drainMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Connections that were busy become idle once their answer is sent; close them as they do.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), drainMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(cut);
  }
}
