import { open, rename, truncate, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './atomic-file.js';
import { StoreUnavailableError } from './store-errors.js';

interface Waiter<P> {
  readonly line: string;
  readonly payload: P;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * An append-only file of JSON lines with group commit. Lines that arrive while a write + fdatasync
 * is in flight wait and go out together in the next write, so a burst of N creates costs a few
 * fsyncs, not N, and the cost of one create does not depend on the size of the store (a snapshot
 * rewrite per write would grow with it).
 *
 * `onCommitted` runs synchronously after a group is on disk and before any of its promises resolve,
 * so whoever keeps the in-memory copy has it updated before the next group or exclusive task starts.
 */
export class GroupCommitJournal<P> {
  private pending: Waiter<P>[] = [];
  private tasks: Array<() => Promise<void>> = [];
  private running: Promise<void> | undefined;
  private failure: StoreUnavailableError | undefined;
  private closed = false;
  private groupCount = 0;

  private constructor(
    readonly file: string,
    private fh: FileHandle,
    private size: number,
    private readonly onCommitted: (payloads: P[]) => void,
  ) {}

  /** Opens for appending after cutting the file to `validBytes` (dropping a torn tail). */
  static async open<P>(file: string, validBytes: number, onCommitted: (payloads: P[]) => void): Promise<GroupCommitJournal<P>> {
    const current = await stat(file).then((s) => s.size, () => -1);
    if (current > validBytes) await truncate(file, validBytes);
    const fh = await open(file, 'a');
    if (current === -1) await fsyncDir(path.dirname(file));
    return new GroupCommitJournal(file, fh, Math.max(validBytes, 0), onCommitted);
  }

  /** Bytes in the journal file. */
  get bytes(): number {
    return this.size;
  }

  /** Groups written so far (one write + one fdatasync each); tests use it to prove grouping. */
  get groups(): number {
    return this.groupCount;
  }

  append(line: string, payload: P): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new StoreUnavailableError('The store is closed; no more sessions can be changed.'));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line, payload, resolve, reject });
      this.kick();
    });
  }

  /** Runs `fn` between groups: nothing is being written while it runs; appends wait for it. */
  exclusive<R>(fn: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.tasks.push(() => fn().then(resolve, reject));
      this.kick();
    });
  }

  /**
   * Renames the current file to `to` and continues in a fresh file under the old name. Call it inside
   * exclusive(), so the renamed file holds only committed groups.
   */
  async rotate(to: string): Promise<void> {
    await this.fh.close();
    await rename(this.file, to);
    this.fh = await open(this.file, 'a');
    this.size = 0;
    await fsyncDir(path.dirname(this.file));
  }

  /** Resolves once nothing is queued or being written. */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Empties the file; call it inside exclusive(), once its groups are safe elsewhere. */
  async reset(): Promise<void> {
    await this.fh.truncate(0);
    await this.fh.sync();
    this.size = 0;
  }

  /** Waits for what is queued, then closes the file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settle();
    await this.fh.close();
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      // A task or append may have been queued in the same tick the loop ended.
      if (this.pending.length > 0 || this.tasks.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 || this.tasks.length > 0) {
      // Tasks go first so a compaction is not starved by a steady stream of appends.
      const tasks = this.tasks;
      this.tasks = [];
      for (const task of tasks) await task();
      if (this.pending.length > 0) await this.writeGroup();
    }
  }

  private async writeGroup(): Promise<void> {
    const group = this.pending;
    this.pending = [];
    if (this.failure) {
      for (const w of group) w.reject(this.failure);
      return;
    }
    const buf = Buffer.from(group.map((w) => w.line).join(''), 'utf8');
    try {
      let off = 0;
      while (off < buf.length) off += (await this.fh.write(buf, off, buf.length - off)).bytesWritten;
      await this.fh.datasync();
    } catch (err) {
      // After a failed write or fsync the file's tail is unknown (and Linux may have dropped the dirty
      // pages), so no later group can be trusted to land after a clean line. Refuse further writes;
      // what was acknowledged before is on disk, and a restart recovers it.
      this.failure = new StoreUnavailableError(
        `Writing ${this.file} failed (${(err as NodeJS.ErrnoException).code ?? String(err)}); sessions acknowledged earlier are safe. Fix the disk problem and restart evo-mock.`,
        { cause: err },
      );
      for (const w of group) w.reject(this.failure);
      return;
    }
    this.size += buf.length;
    this.groupCount++;
    try {
      this.onCommitted(group.map((w) => w.payload));
    } catch (err) {
      for (const w of group) w.reject(err);
      return;
    }
    for (const w of group) w.resolve();
  }
}
