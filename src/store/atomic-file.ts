import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a reader (or a restart after a crash) sees either the old content or the new,
 * never a mix: the bytes go to a temp file beside the target, are fsynced, renamed over the target
 * (atomic within a file system), and the folder is fsynced so the rename itself survives power loss.
 *
 * The content arrives as chunks so a large snapshot can be produced a piece at a time without
 * holding the event loop for the whole serialisation.
 */
export async function writeFileAtomic(target: string, chunks: AsyncIterable<string> | Iterable<string>): Promise<number> {
  const temp = `${target}.${process.pid}.tmp`;
  const fh = await open(temp, 'w');
  let bytes = 0;
  try {
    let buffered: string[] = [];
    let size = 0;
    for await (const chunk of chunks) {
      buffered.push(chunk);
      size += chunk.length;
      // Batching small chunks keeps the syscall count low; 1 MiB keeps memory flat.
      if (size >= 1 << 20) {
        bytes += await writeAll(fh, buffered.join(''));
        buffered = [];
        size = 0;
      }
    }
    if (buffered.length > 0) bytes += await writeAll(fh, buffered.join(''));
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await fh.close();
  await rename(temp, target);
  await fsyncDir(path.dirname(target));
  return bytes;
}

async function writeAll(fh: import('node:fs/promises').FileHandle, text: string): Promise<number> {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await fh.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
  return buf.length;
}

/** Makes a rename, create or unlink in `dir` durable. Some platforms cannot open folders; they need not. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch {
    // EINVAL/EISDIR on platforms without directory fsync: nothing more can be done there.
  } finally {
    await fh.close();
  }
}
