import { readFile } from 'node:fs/promises';
import type { StoredSession } from './session-store.js';
import { checkStoredSession } from './snapshot-format.js';
import { StoreFileError } from './store-errors.js';

/**
 * One write, as one journal line. A put is the whole StoredSession (`{"session":{...}}`, the line
 * every version has written for a create), a delete is `{"deleted":"ID"}`. Replay applies them in
 * file order: a put replaces any session with its id, a delete removes it.
 */
export type JournalRecord = { readonly put: StoredSession } | { readonly deleted: string };

export function journalLine(record: JournalRecord): string {
  return 'put' in record ? `${JSON.stringify(record.put)}\n` : `${JSON.stringify({ deleted: record.deleted })}\n`;
}

export interface JournalContents {
  readonly entries: JournalRecord[];
  /** Length of the prefix that ends with the last good line; the writer truncates to it before appending. */
  readonly validBytes: number;
  /** Bytes dropped from the tail: a group that was being written when the process died. */
  readonly tornBytes: number;
  readonly warnings: string[];
  /** Records that could not be read: skipped lines and a torn tail. Never acknowledged if at the tail. */
  readonly dropped: readonly DroppedRecord[];
}

export interface DroppedRecord {
  readonly line: number;
  /** The session id it names, when one can be read from what is left of it. */
  readonly id?: string;
  /** At the end of the file: the group being written when the process stopped (never acknowledged). */
  readonly atTail: boolean;
}

const NEWLINE = 0x0a;

/**
 * Reads a journal written by GroupCommitJournal. A group is acknowledged only after its last newline
 * is fsynced, so an unterminated or unparsable tail was never acknowledged and is dropped. A bad line
 * with good lines after it cannot come from a crash (groups are written one after another); it is
 * skipped with a warning rather than throwing away the good lines behind it.
 */
export async function readJournal(file: string): Promise<JournalContents> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], validBytes: 0, tornBytes: 0, warnings: [], dropped: [] };
    throw new StoreFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 'It must be a file evo-mock can read and write; move whatever is there aside.');
  }
  const entries: JournalRecord[] = [];
  const warnings: string[] = [];
  let pendingBad: { warning: string; dropped: DroppedRecord }[] = [];
  const dropped: DroppedRecord[] = [];
  let validBytes = 0;
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const end = buf.indexOf(NEWLINE, start);
    if (end === -1) break; // unterminated: torn
    lineNo++;
    const text = buf.toString('utf8', start, end);
    const entry = parseLine(text, file, lineNo);
    if (typeof entry === 'string') {
      if (text.trim() !== '') pendingBad.push({ warning: entry, dropped: withId({ line: lineNo, atTail: false }, text) });
    } else {
      for (const bad of pendingBad) {
        warnings.push(bad.warning);
        dropped.push(bad.dropped);
      }
      pendingBad = [];
      entries.push(entry);
      validBytes = end + 1;
    }
    start = end + 1;
  }
  // Everything after the last good line: bad lines with nothing good behind them, and an unterminated rest.
  for (const bad of pendingBad) dropped.push({ ...bad.dropped, atTail: true });
  if (start < buf.length && buf.toString('utf8', start).trim() !== '') dropped.push(withId({ line: lineNo + 1, atTail: true }, buf.toString('utf8', start)));
  return { entries, validBytes, tornBytes: buf.length - validBytes, warnings, dropped };
}

/** The id a damaged line names, if what is left of it says: a delete's id, else the session's own (its last top-level "id"). */
function withId(record: { line: number; atTail: boolean }, text: string): DroppedRecord {
  const deleted = /^\{"deleted":"([^"\\]+)"/.exec(text)?.[1];
  if (deleted) return { ...record, id: deleted };
  // SessionInfo writes id after its lists; nested objects in it have no "id" member but breadcrumbs, which come first.
  const ids = [...text.matchAll(/"id":"([^"\\]+)"/g)].map((m) => m[1] as string);
  const id = ids.at(-1);
  return id ? { ...record, id } : record;
}

/** One line for a person: how many records were dropped and which ids. */
export function describeDropped(dropped: readonly DroppedRecord[]): string {
  const ids = dropped.filter((d) => d.id !== undefined).map((d) => d.id as string);
  const unnamed = dropped.length - ids.length;
  const parts = [ids.length > 0 ? `session id${ids.length === 1 ? '' : 's'} ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` and ${ids.length - 20} more` : ''}` : '', unnamed > 0 ? `${unnamed} with no readable id` : ''].filter(Boolean);
  return `${dropped.length} record${dropped.length === 1 ? '' : 's'} (${parts.join('; ')})`;
}

function parseLine(line: string, file: string, lineNo: number): JournalRecord | string {
  if (line.trim() === '') return `${file}: line ${lineNo} is empty; skipped`;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && 'deleted' in value) {
      const id = (value as { deleted: unknown }).deleted;
      if (typeof id !== 'string' || id === '') throw new StoreFileError(file, `line ${lineNo} deletes no id`);
      return { deleted: id };
    }
    checkStoredSession(value, file, `line ${lineNo}`);
    return { put: value };
  } catch (err) {
    return `${file}: line ${lineNo} skipped (${err instanceof Error ? err.message : String(err)})`;
  }
}
