import { open, readFile } from 'node:fs/promises';
import { checkSnapshot, LISTS, parseSnapshot } from './snapshot-format.js';
import type { StoreData } from './store-data.js';

/**
 * Reads a snapshot without ever holding the whole file, as bytes or as one string. A file in the
 * layout snapshotChunks writes is read a record per line from a small reused buffer; a large store's
 * file would otherwise sit in memory whole (a string, its flattened copy, or an external Buffer)
 * until the first full garbage collection, which under load comes late. Any other file,
 * valid JSON laid out differently (edited by hand, say) or broken, is read whole by parseSnapshot,
 * so what is accepted, and the message for what is not, stay exactly JSON.parse's.
 */
export async function readSnapshotFile(file: string, chunkBytes = CHUNK): Promise<{ readonly data: StoreData; readonly bytes: number }> {
  const json = await readRecordLayout(file, chunkBytes);
  if (json) return { data: checkSnapshot(json.value, file), bytes: json.bytes };
  const whole = await readFile(file);
  return { data: parseSnapshot(whole.toString('utf8'), file), bytes: whole.length };
}

/** The file through RecordLayoutReader in chunks; undefined as soon as it is not in the writer's layout. */
async function readRecordLayout(file: string, chunkBytes: number): Promise<{ readonly value: Record<string, unknown>; readonly bytes: number } | undefined> {
  const fh = await open(file, 'r');
  try {
    const layout = new RecordLayoutReader((await fh.stat()).size >= SHARE_STRINGS_FROM_BYTES);
    let buf: Buffer = Buffer.allocUnsafe(chunkBytes);
    let held = 0; // bytes of an unfinished line at the start of buf
    let bytes = 0;
    for (;;) {
      if (held === buf.length) buf = grow(buf); // a line longer than the buffer
      const { bytesRead } = await fh.read(buf, held, buf.length - held, null);
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const end = held + bytesRead;
      let at = 0;
      for (let nl = buf.indexOf(0x0a, at); nl >= 0 && nl < end; nl = buf.indexOf(0x0a, at)) {
        if (!layout.line(buf.toString('utf8', at, nl))) return undefined;
        at = nl + 1;
      }
      held = end - at;
      buf.copy(buf, 0, at, end);
    }
    if (held > 0 && !layout.line(buf.toString('utf8', 0, held))) return undefined;
    const value = layout.result();
    return value ? { value, bytes } : undefined;
  } finally {
    await fh.close();
  }
}

/** The same reading over bytes already in memory (tests compare it with parseSnapshot). */
export function parseSnapshotBytes(bytes: Buffer, file: string): StoreData {
  const layout = new RecordLayoutReader(bytes.length >= SHARE_STRINGS_FROM_BYTES);
  let ok = true;
  let at = 0;
  while (ok && at < bytes.length) {
    const nl = bytes.indexOf(0x0a, at);
    const end = nl < 0 ? bytes.length : nl;
    ok = layout.line(bytes.toString('utf8', at, end));
    at = end + 1;
  }
  const json = ok ? layout.result() : undefined;
  return json ? checkSnapshot(json, file) : parseSnapshot(bytes.toString('utf8'), file);
}

const CHUNK = 256 * 1024;

/**
 * Sharing strings (see RecordLayoutReader.shareStrings) pays from about 2 000 sessions: below, it
 * saves under a megabyte and would only add to the cold start that matters most for small stores.
 */
export const SHARE_STRINGS_FROM_BYTES = 4 * 1024 * 1024;

function grow(buf: Buffer): Buffer {
  const bigger = Buffer.allocUnsafe(buf.length * 2);
  buf.copy(bigger);
  return bigger;
}

/**
 * The writer's layout, fed a line at a time: `{"meta":...,` then for each list `"key":[`, a record
 * per line (a comma after all but the last) and `],`, or `"key":[],`; the last list closes with `}`
 * instead of the comma; then only JSON whitespace. line() answers false at the first line that is not
 * so. A '\n' byte never occurs inside a UTF-8 sequence, nor inside a record JSON.stringify wrote, so
 * each line decodes and parses as it would within the whole file.
 */
class RecordLayoutReader {
  constructor(private readonly share: boolean) {}

  private readonly json: Record<string, unknown> = {};
  private step: 'meta' | 'head' | 'record' | 'close' | 'done' = 'meta';
  private list = 0;
  private items: unknown[] = [];
  private readonly strings = new Map<string, string>();

  line(text: string): boolean {
    try {
      return this.take(text);
    } catch {
      return false; // a record JSON.parse refuses: parseSnapshot says why
    }
  }

  result(): Record<string, unknown> | undefined {
    return this.step === 'done' ? this.json : undefined;
  }

  private take(text: string): boolean {
    const key = LISTS[this.list] as string;
    const close = this.list === LISTS.length - 1 ? '}' : ',';
    switch (this.step) {
      case 'meta':
        if (!text.startsWith('{"meta":') || !text.endsWith(',')) return false;
        this.json['meta'] = JSON.parse(text.slice('{"meta":'.length, -1));
        this.step = 'head';
        return true;
      case 'head':
        if (text === `"${key}":[]${close}`) {
          this.json[key] = [];
          this.nextList();
          return true;
        }
        if (text !== `"${key}":[`) return false;
        this.items = [];
        this.step = 'record';
        return true;
      case 'record': {
        const more = text.endsWith(',');
        const record: unknown = JSON.parse(more ? text.slice(0, -1) : text);
        if (this.share && record !== null && typeof record === 'object') this.shareStrings(record as Record<string, unknown>);
        this.items.push(record);
        if (!more) this.step = 'close';
        return true;
      }
      case 'close':
        if (text !== `]${close}`) return false;
        this.json[key] = this.items;
        this.nextList();
        return true;
      case 'done':
        return /^[ \t\r]*$/.test(text);
    }
  }

  /**
   * One string object per distinct text across records: JSON.parse makes a new string for every
   * value longer than ten characters (shorter ones V8 shares already), and sessions repeat theirs a
   * lot (account, customer, endpoint and agent ids and names, log messages). Sharing them takes a
   * large store's resident memory down by much more than the look-ups cost at start-up, which a small
   * file would not repay (so only from SHARE_STRINGS_FROM_BYTES on; the bench's memory row keeps it).
   * Equal strings are indistinguishable in JavaScript, so nothing else can tell.
   */
  private shareStrings(value: Record<string, unknown> | unknown[]): void {
    const shared = this.strings;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'string') {
          if (v.length > 10) value[i] = shared.get(v) ?? (shared.set(v, v), v);
        } else if (v !== null && typeof v === 'object') this.shareStrings(v as Record<string, unknown>);
      }
      return;
    }
    for (const key in value) {
      const v = value[key];
      if (typeof v === 'string') {
        if (v.length > 10) value[key] = shared.get(v) ?? (shared.set(v, v), v);
      } else if (v !== null && typeof v === 'object') this.shareStrings(v as Record<string, unknown>);
    }
  }

  private nextList(): void {
    this.list++;
    this.step = this.list === LISTS.length ? 'done' : 'head';
  }
}
