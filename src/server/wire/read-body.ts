import type { IncomingMessage } from 'node:http';
import { ServiceError } from '../errors/service-error.js';

/**
 * Reads the raw request body up to `limit` bytes. A larger body is refused with 413 in ServiceStack's
 * error shape before it is buffered, so a huge upload cannot exhaust memory.
 */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = req.headers['content-length'];
  if (declared === undefined && req.headers['transfer-encoding'] === undefined) return undefined;
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const text = Buffer.concat(chunks, size).toString('utf8');
  bodies.set(req, text);
  return text;
}

const bodies = new WeakMap<IncomingMessage, string>();

/** The body readRawBody read from this request, if it read one (for the request journal). */
export function requestBodyText(req: IncomingMessage): string | undefined {
  return bodies.get(req);
}

function tooLarge(limit: number): ServiceError {
  return new ServiceError(
    413,
    'RequestEntityTooLarge',
    `The request body is larger than the ${limit}-byte limit. Send a smaller body, or start the mock with a larger --body-limit.`,
    [],
    { Connection: 'close' },
  );
}
