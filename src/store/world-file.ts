import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file.js';
import { StoreFileError } from './store-errors.js';

/**
 * What scenarios and generated calls draw on beyond the records in the snapshot (customers,
 * endpoints, agents, teams): each account's callers, ring queues and hold queues. Kept beside the
 * store (db.json.world), written with the seed, so applying a scenario to a running mock reads the
 * world instead of re-running the seeder and relying on faker drawing in the same order across
 * versions.
 */
export interface WorldExtras {
  readonly format: 1;
  /** The seed the world was drawn from. */
  readonly seed: number;
  readonly accounts: readonly AccountExtras[];
}

export interface AccountExtras {
  readonly accountId: string;
  /** People who call the account again and again, by name and number, some of a customer. */
  readonly contacts: readonly { readonly name: string; readonly phone: string; readonly customerId?: string }[];
  readonly queues: readonly { readonly id: string; readonly name: string }[];
  readonly holdQueues: readonly string[];
}

export async function writeWorldFile(file: string, world: WorldExtras): Promise<void> {
  await writeFileAtomic(file, [`${JSON.stringify(world)}\n`]);
}

/** Undefined when the store has none (written by an earlier evo-mock). */
export async function readWorldFile(file: string): Promise<WorldExtras | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new StoreFileError(file, `cannot be read (${code ?? String(err)})`, 'Move it aside; evo-mock writes it again from the seed on the next start.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new StoreFileError(file, `is not valid JSON (${err instanceof Error ? err.message : String(err)})`, 'Move it aside; evo-mock writes it again from the seed on the next start.');
  }
  const w = json as Partial<WorldExtras>;
  if (typeof w !== 'object' || w === null || w.format !== 1 || typeof w.seed !== 'number' || !Array.isArray(w.accounts)) {
    throw new StoreFileError(file, 'is not a world file this evo-mock reads (format 1)', 'Move it aside; evo-mock writes it again from the seed on the next start.');
  }
  return w as WorldExtras;
}
