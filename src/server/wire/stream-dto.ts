import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WireObject } from '../../spec/wire-type.js';

/**
 * Answers at least this long (list items in one member) are written in chunks. Below it an answer is
 * written whole, with a Content-Length, as before: a page of 25, or a few hundred sessions, is too
 * small to hold the event loop or the heap for long.
 */
export const STREAM_MIN_ITEMS = 1_000;
/** About 128 KB of UTF-16: small enough that writing one chunk never holds the event loop for long. */
export const CHUNK_CHARS = 64 * 1024;
/** Large answers being serialized at once; the others wait their turn (FIFO), holding only their list. */
export const MAX_STREAMS_WRITING = 2;

const listMembers = new WeakMap<WireObject, readonly string[]>();

/**
 * Whether `value` has a list member of at least `minItems` items: a ListSessions answer with
 * all=true, say. Only the members `type` declares as lists are looked at: this runs on every answer.
 */
export function isLargeList(value: unknown, type: WireObject, minItems = STREAM_MIN_ITEMS): boolean {
  if (typeof value !== 'object' || value === null) return false;
  let names = listMembers.get(type);
  if (!names) listMembers.set(type, (names = type.properties.filter((p) => p.type.kind === 'list').map((p) => p.name)));
  for (const name of names) {
    const member = (value as Record<string, unknown>)[name];
    if (Array.isArray(member) && member.length >= minItems) return true;
  }
  return false;
}

/** A counting semaphore: at most `size` holders; waiters are served in arrival order. */
export class Slots {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

const writers = new Slots(MAX_STREAMS_WRITING);

/**
 * Writes an answer produced chunk by chunk (chunked transfer encoding: the length is not known up
 * front), so a list of tens of thousands of sessions never exists as one string: between chunks the
 * event loop runs other requests, and a chunk is written only once the client has taken the one
 * before (backpressure), so memory per answer is a chunk or two whatever the client's speed. At most
 * MAX_STREAMS_WRITING answers are being serialized at a time; one waiting for a slow client gives its
 * turn up. The bytes are exactly those of writing the answer whole.
 */
export async function streamChunks(res: ServerResponse, status: number, contentType: string, chunks: Iterator<string>, prefix = '', suffix = ''): Promise<void> {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  let pending = prefix;
  await writers.take();
  let holding = true;
  try {
    for (;;) {
      const next = chunks.next();
      if (next.done) break;
      pending += next.value;
      if (res.destroyed) return;
      const flushed = res.write(pending);
      pending = '';
      if (!flushed) {
        // The client has not taken the last chunk: let another answer serialize meanwhile.
        writers.give();
        holding = false;
        await drained(res);
        if (res.destroyed) return;
        await writers.take();
        holding = true;
      }
      // A turn of the event loop whatever happened: when the socket takes a chunk at once, 'drain'
      // comes on process.nextTick, and awaiting it alone would never let other requests in.
      await nextTurn();
    }
    res.end(pending + suffix);
  } finally {
    if (holding) writers.give();
    chunks.return?.();
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
