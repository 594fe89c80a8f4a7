import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { answerClientError } from './http/client-error.js';
import { GracefulClose } from './http/graceful-close.js';
import { normalizeTarget } from './http/request-target.js';
import { persistBehaviours } from './behaviours/behaviour-file.js';
import { controlsOf } from './mock-controls.js';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface ListenOptions {
  readonly port: number;
  readonly host: string;
  /** How long answers being sent may take to finish on shutdown before their connections are cut (--shutdown-grace). */
  readonly drainMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting and lets in-flight requests finish; the store stays open for its owner to close. */
  stop(): Promise<void>;
}

/** Listens with the app; the store is the caller's, opened before and closed after stop(). */
export async function startServer(app: AppOptions, listen: ListenOptions): Promise<RunningServer> {
  const express = createApp(app);
  const controls = controlsOf(express);
  const persisted = app.behavioursFile === undefined ? undefined : await persistBehaviours(controls.registry, app.behavioursFile, app.logger.error);
  // Express 5 re-parents every request and response onto its own prototypes, which deoptimises them and
  // promotes each request's objects into old space; built with those prototypes from the start, the
  // re-parenting is a no-op, and the request path keeps its speed and memory (the bench's GET by id rows).
  const options = {
    IncomingMessage: withPrototype(IncomingMessage, express.request),
    ServerResponse: withPrototype(ServerResponse, express.response),
  };
  const server = createServer(options, (req, res) => {
    connections.track(req, res);
    // While draining, answer in-flight and queued requests but let no connection be reused.
    if (connections.stopping) res.setHeader('Connection', 'close');
    normalizeTarget(req);
    express(req, res);
  });
  const connections = new GracefulClose(server);
  server.keepAliveTimeout = 5_000;
  // Node waits 60 s for headers and 300 s for a whole request; a client that has not sent its headers
  // in 10 s is not coming. Bodies have their own, shorter limit for callers who have not signed in (read-body.ts).
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.on('clientError', answerClientError);
  // A client that asks before sending a body (Expect: 100-continue) is told 413 without sending it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length']) > app.bodyLimit)) res.writeContinue();
    server.emit('request', req, res);
  });
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
        // Journal streams never finish on their own; end them so draining does not wait them out.
        controls.journal.endStreams();
        await connections.stop(listen.drainMs ?? DEFAULT_SHUTDOWN_GRACE_MS, app.logger);
        await persisted?.flush();
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
