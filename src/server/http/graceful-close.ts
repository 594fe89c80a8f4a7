import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerLogger } from './logger.js';

interface Answer {
  readonly req: IncomingMessage;
  /** The connection's bytesWritten when the request arrived (keep-alive connections carry earlier answers). */
  readonly bytesBefore: number;
}

/**
 * Stopping without cutting answers short. Node's closeIdleConnections (which server.close() calls)
 * counts a connection as idle as soon as its answer's res.end() was called, though most of a large
 * answer may still wait in the socket's buffer: it destroyed those, and clients got a 200 with a
 * short body. Here a connection is busy from its request's arrival until its answer's 'close' (all
 * of it handed to the kernel, or the connection gone); on stop, idle connections close at once, busy
 * ones as soon as their answer is out, and after the grace period whatever is left is cut and named
 * in the log.
 */
export class GracefulClose {
  private readonly sockets = new Set<Socket>();
  private readonly busy = new Map<Socket, number>();
  private readonly answers = new Map<ServerResponse, Answer>();
  private closing = false;

  constructor(private readonly server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.busy.delete(socket);
      });
    });
    server.closeIdleConnections = () => this.closeIdle();
  }

  /** Every request, as it arrives. */
  track(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
    this.answers.set(res, { req, bytesBefore: socket.bytesWritten });
    res.once('close', () => {
      this.answers.delete(res);
      const left = (this.busy.get(socket) ?? 1) - 1;
      if (left > 0) this.busy.set(socket, left);
      else {
        this.busy.delete(socket);
        // Sent whole: a FIN after the last byte, not a reset.
        if (this.closing) socket.end();
      }
    });
  }

  /** Whether the server is stopping (answers then tell clients not to reuse the connection). */
  get stopping(): boolean {
    return this.closing;
  }

  /**
   * Stops accepting, closes idle connections, waits for the answers being sent, and after `graceMs`
   * cuts the rest, saying in the log which answers were cut and how much of each had been sent.
   */
  async stop(graceMs: number, logger: ServerLogger): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'over'>((resolve) => (timer = setTimeout(() => resolve('over'), graceMs)));
    const outcome = await Promise.race([closed, graceOver]);
    clearTimeout(timer);
    if (outcome !== 'over') return;
    const cut = [...this.answers.entries()].map(([res, a]) => describe(res, a));
    if (cut.length > 0) {
      logger.error(`evo-mock: the ${graceMs} ms shutdown grace period is over; cut ${cut.length} answer${cut.length === 1 ? '' : 's'} still being sent: ${cut.join('; ')}`);
    }
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private closeIdle(): void {
    for (const socket of this.sockets) if (!this.busy.has(socket)) socket.destroy();
  }
}

function describe(res: ServerResponse, a: Answer): string {
  const what = `${a.req.method} ${(a.req as { originalUrl?: string }).originalUrl ?? a.req.url}`;
  if (!res.headersSent) return `${what} (no answer yet)`;
  const socket = a.req.socket;
  const sent = Math.max(0, socket.bytesWritten - socket.writableLength - a.bytesBefore);
  return `${what} (${res.statusCode}, ${sent} bytes sent)`;
}
