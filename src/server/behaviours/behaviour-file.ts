import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../store/atomic-file.js';
import { readBehaviour } from './behaviour.js';
import type { BehaviourRegistry } from './behaviour-registry.js';

/**
 * Behaviours added with "persist": true survive a restart: they are written (atomically) to a file
 * beside the store after every change and added again on start, with their ids. A behaviour with
 * `times` is saved with what it has left. Others live only as long as the process.
 */
export async function persistBehaviours(registry: BehaviourRegistry, file: string, warn: (line: string) => void): Promise<{ flush(): Promise<void> }> {
  await restore(registry, file, warn);
  let writing: Promise<void> = Promise.resolve();
  let last = JSON.stringify(persisted(registry));
  registry.onChange(() => {
    const text = JSON.stringify(persisted(registry));
    if (text === last) return;
    last = text;
    writing = writing.then(() => writeFileAtomic(file, [text]).then(() => undefined)).catch((err: unknown) => warn(`evo-mock: could not save behaviours to ${file}: ${err instanceof Error ? err.message : String(err)}`));
  });
  return { flush: () => writing };
}

function persisted(registry: BehaviourRegistry) {
  return {
    behaviours: registry
      .list()
      .filter((b) => b.persist === true)
      .map((b) => ({ id: b.id, createdAt: b.createdAt, behaviour: { ...inputOf(b), ...(b.remaining !== undefined ? { times: b.remaining } : {}) } })),
  };
}

function inputOf(b: ReturnType<BehaviourRegistry['list']>[number]) {
  const { id: _id, hits: _hits, remaining: _remaining, createdAt: _createdAt, ...input } = b;
  return input;
}

async function restore(registry: BehaviourRegistry, file: string, warn: (line: string) => void): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  let saved: { behaviours?: { id: string; createdAt: string; behaviour: unknown }[] };
  try {
    saved = JSON.parse(text) as typeof saved;
  } catch (err) {
    warn(`evo-mock: ${file} is not valid JSON (${err instanceof Error ? err.message : String(err)}); its behaviours were not restored.`);
    return;
  }
  for (const entry of saved.behaviours ?? []) {
    try {
      registry.add(readBehaviour(entry.behaviour), undefined, { id: entry.id, createdAt: entry.createdAt });
    } catch (err) {
      warn(`evo-mock: behaviour ${entry.id} in ${file} could not be restored: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
