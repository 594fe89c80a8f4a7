import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { answerClientError } from './http/client-error.js';
import { normalizeTarget } from './http/request-target.js';
import { persistBehaviours } from './behaviours/behaviour-file.js';
import { stderrLogger } from './http/logger.js';
import { controlsOf } from './mock-controls.js';

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
  const controls = controlsOf(express);
  const persisted = app.behavioursFile === undefined ? undefined : await persistBehaviours(controls.registry, app.behavioursFile, (app.logger ?? stderrLogger).error);
  // Express 5 re-parents every request and response onto its own prototypes, which deoptimises them and
  // promotes each request's objects into old space; built with those prototypes from the start, the
  // re-parenting is a no-op (measured: GET by id ~0.8x -> ~2x a bare Express app, 145 -> 126 MB).
  const options = {
    IncomingMessage: withPrototype(IncomingMessage, express.request),
    ServerResponse: withPrototype(ServerResponse, express.response),
  };
  const server = createServer(options, (req, res) => {
    // While draining, answer in-flight and queued requests but let no connection be reused.
    if (stopping) res.setHeader('Connection', 'close');
    normalizeTarget(req);
    express(req, res);
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
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
        // Journal streams never finish on their own; end them so draining does not wait them out.
        controls.journal.endStreams();
        await drain(server, listen.drainMs ?? 10_000);
        await persisted?.flush();
        await app.store.close();
      })()),
  };
}

function withPrototype<T extends typeof IncomingMessage | typeof ServerResponse>(base: T, prototype: object): T {
  function Built(this: InstanceType<T>, ...args: unknown[]): void {
    (base as unknown as (...a: unknown[]) => void).apply(this, args);
  }
  Built.prototype = prototype;
  return Built as unknown as T;
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
