import { createServer } from 'node:net';

/** The port the mock was asked for is taken (or not ours to take); the message says which and what to do. */
export class PortUnavailableError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly code: string,
  ) {
    super(
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is already in use (another evo-mock, or another server). Stop it, or pick another port: --port ${port === 65535 ? port - 1 : port + 1}, or --port 0 for any free one (the address is printed on start).`
        : code === 'EACCES'
          ? `port ${port} on ${host} needs privileges this process does not have. Pick a port above 1023, e.g. --port 4010, or --port 0 for any free one.`
          : code === 'EADDRNOTAVAIL'
            ? `${host} is not an address of this machine, so the mock cannot listen on it. Use --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every interface).`
            : `cannot listen on ${host}:${port} (${code}). Pick another --port or --host.`,
    );
    this.name = 'PortUnavailableError';
  }
}

const LISTEN_ERRORS = new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']);

/**
 * Fails fast when the port cannot be had, before the store is opened or seeded (seeding 10 000 sessions
 * only to fail on listen wastes seconds and leaves a store the user did not ask for). Port 0 always works.
 * It is a check, not a reservation: whatever takes the port in between still fails the real listen, which
 * `asPortError` words the same way.
 */
export async function ensurePortAvailable(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (err: NodeJS.ErrnoException) => reject(asPortError(err, host, port)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A listen error as PortUnavailableError when it is one of those, else unchanged. */
export function asPortError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && LISTEN_ERRORS.has(code) ? new PortUnavailableError(host, port, code) : err;
}
