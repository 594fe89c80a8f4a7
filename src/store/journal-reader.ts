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
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], validBytes: 0, tornBytes: 0, warnings: [] };
    throw err;
  }
  const entries: JournalRecord[] = [];
  const warnings: string[] = [];
  let pendingBad: string[] = [];
  let validBytes = 0;
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const end = buf.indexOf(NEWLINE, start);
    if (end === -1) break; // unterminated: torn
    lineNo++;
    const entry = parseLine(buf.toString('utf8', start, end), file, lineNo);
    if (typeof entry === 'string') {
      pendingBad.push(entry);
    } else {
      warnings.push(...pendingBad);
      pendingBad = [];
      entries.push(entry);
      validBytes = end + 1;
    }
    start = end + 1;
  }
  return { entries, validBytes, tornBytes: buf.length - validBytes, warnings };
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
