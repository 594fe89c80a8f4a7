import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { WireFormat } from '../../wire/codec.js';
import type { RequestFacts, RequestPredicate } from '../behaviours/request-match.js';
import { redactBody, redactHeaders } from './redaction.js';

export const DEFAULT_JOURNAL_SIZE = 1000;
/** Request and response bodies are kept up to this many characters. */
export const BODY_LIMIT = 4096;
/**
 * Answers' headers and bodies are kept for the newest this many requests only. What the ring keeps
 * outlives the young generation and is promoted; entries that drop their answer after ~100 requests
 * mostly die young instead (the request side is kept for every entry, as the journal promises).
 */
export const RESPONSE_BODIES_KEPT = 100;

/** One request as it was recorded; kept raw (headers by reference) and shaped only when read. */
export interface JournalRecord extends RequestFacts {
  readonly id: number;
  readonly time: number;
  readonly status: number;
  readonly durationMs: number;
  readonly requestBody: string | undefined;
  readonly behaviour: string | undefined;
  readonly fault: string | undefined;
  /** Dropped (with the body) once the entry is older than the newest RESPONSE_BODIES_KEPT. */
  responseHeaders: OutgoingHttpHeaders | undefined;
  responseBody: string | undefined;
}

/** A request as GET /__admin/requests and the stream show it. */
export interface JournalEntry {
  readonly id: number;
  readonly time: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Up to 4 096 characters; passwords masked. */
  readonly body?: string;
  readonly bodyTruncated?: boolean;
  /** The operation the request reached; absent for one that reached none (see /__admin/requests/unmatched). */
  readonly operation?: string;
  readonly user?: string;
  readonly format?: WireFormat;
  /** The id of the behaviour that shaped the answer, or `prefer` for a Prefer header. */
  readonly behaviour?: string;
  /** 0 when the connection was cut or closed without an answer (see `fault`). */
  readonly status: number;
  readonly fault?: string;
  readonly durationMs: number;
  /** The answer's headers and body, for the newest 100 requests. */
  readonly response?: { readonly headers: Readonly<Record<string, string>>; readonly body?: string; readonly bodyTruncated?: boolean };
}

export interface JournalQuery {
  readonly matches?: RequestPredicate;
  readonly status?: (status: number) => boolean;
  /** Only requests at or after this time (ms). */
  readonly since?: number;
  readonly offset: number;
  readonly limit: number;
}

/**
 * The last N requests in a ring, newest first when read. Recording copies nothing but the entry itself;
 * redaction and shaping happen on read, so the request path pays a few property writes. Listeners
 * (the SSE stream) get each entry as it is recorded.
 */
export class RequestJournal {
  private ring: (JournalRecord | undefined)[];
  private next = 0;
  private count = 0;
  private lastId = 0;
  private readonly listeners = new Set<(entry: JournalRecord) => void>();
  private readonly enders = new Set<() => void>();

  constructor(private capacity = DEFAULT_JOURNAL_SIZE) {
    this.ring = new Array<JournalRecord | undefined>(capacity);
  }

  get size(): number {
    return this.capacity;
  }

  get enabled(): boolean {
    return this.capacity > 0 || this.listeners.size > 0;
  }

  newId(): number {
    return ++this.lastId;
  }

  record(entry: JournalRecord): void {
    this.keep(entry);
    for (const listener of this.listeners) listener(entry);
  }

  private keep(entry: JournalRecord): void {
    if (this.capacity > 0) {
      this.ring[this.next] = entry;
      if (this.capacity > RESPONSE_BODIES_KEPT) {
        const aged = this.ring[(this.next - RESPONSE_BODIES_KEPT + this.capacity) % this.capacity];
        if (aged) {
          aged.responseHeaders = undefined;
          aged.responseBody = undefined;
        }
      }
      this.next = (this.next + 1) % this.capacity;
      if (this.count < this.capacity) this.count++;
    }
  }

  /** Newest first. */
  *records(): IterableIterator<JournalRecord> {
    for (let i = 1; i <= this.count; i++) {
      const r = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (r) yield r;
    }
  }

  query(q: JournalQuery): { requests: JournalEntry[]; total: number } {
    const requests: JournalEntry[] = [];
    let total = 0;
    for (const r of this.records()) {
      if (q.since !== undefined && r.time < q.since) break;
      if (q.status && !q.status(r.status)) continue;
      if (q.matches && !q.matches(r)) continue;
      if (total >= q.offset && requests.length < q.limit) requests.push(toEntry(r));
      total++;
    }
    return { requests, total };
  }

  countMatching(matches: RequestPredicate): number {
    let n = 0;
    for (const r of this.records()) if (matches(r)) n++;
    return n;
  }

  get(id: number): JournalEntry | undefined {
    for (const r of this.records()) if (r.id === id) return toEntry(r);
    return undefined;
  }

  clear(): number {
    const n = this.count;
    this.ring = new Array<JournalRecord | undefined>(this.capacity);
    this.next = 0;
    this.count = 0;
    return n;
  }

  /** A new size keeps the newest entries that fit. */
  resize(capacity: number): void {
    const kept = [...this.records()].slice(0, capacity).reverse();
    this.capacity = capacity;
    this.clear();
    // Kept, not recorded again: a stream has already seen them.
    for (const r of kept) this.keep(r);
  }

  /** `onEnd` runs when the mock stops (endStreams), so open streams do not hold up shutdown. */
  subscribe(listener: (entry: JournalRecord) => void, onEnd?: () => void): () => void {
    this.listeners.add(listener);
    if (onEnd) this.enders.add(onEnd);
    return () => {
      this.listeners.delete(listener);
      if (onEnd) this.enders.delete(onEnd);
    };
  }

  endStreams(): void {
    for (const end of [...this.enders]) end();
    this.enders.clear();
  }
}

export function toEntry(r: JournalRecord): JournalEntry {
  const body = r.requestBody === undefined ? undefined : redactBody(r.requestBody);
  const responseBody = r.responseBody;
  return {
    id: r.id,
    time: new Date(r.time).toISOString(),
    method: r.method,
    path: r.path,
    query: r.query,
    headers: redactHeaders(r.headers),
    ...(body !== undefined ? { body: body.slice(0, BODY_LIMIT), ...(body.length > BODY_LIMIT ? { bodyTruncated: true } : {}) } : {}),
    ...(r.operation !== undefined ? { operation: r.operation } : {}),
    ...(r.user !== undefined ? { user: r.user } : {}),
    ...(r.format !== undefined ? { format: r.format } : {}),
    ...(r.behaviour !== undefined ? { behaviour: r.behaviour } : {}),
    status: r.status,
    ...(r.fault !== undefined ? { fault: r.fault } : {}),
    durationMs: r.durationMs,
    ...(r.responseHeaders !== undefined
      ? {
          response: {
            headers: redactHeaders(r.responseHeaders as IncomingHttpHeaders),
            ...(responseBody !== undefined ? { body: responseBody.slice(0, BODY_LIMIT), ...(responseBody.length > BODY_LIMIT ? { bodyTruncated: true } : {}) } : {}),
          },
        }
      : {}),
  };
}
