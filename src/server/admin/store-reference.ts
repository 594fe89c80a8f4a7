import type { SessionStore } from '../../store/session-store.js';
import type { StoreMeta } from '../../store/store-data.js';

/** What a scenario needs from the store beyond the SessionStore seam: the seed it was made with, and its reference time. */
export interface StoreReference {
  readonly seed: number;
  /** ms: the seed's --now when it was fixed, else the store's clock at the time of asking. */
  now(): number;
}

/**
 * The JSON-file store exposes its meta (seed, --now); the SessionStore seam does not, so this looks
 * for it and answers undefined for a store that does not record one.
 */
export function storeReference(store: SessionStore): StoreReference | undefined {
  const meta = (store as { readonly meta?: Partial<StoreMeta> }).meta;
  if (!meta || typeof meta.seed !== 'number' || typeof meta.now !== 'string') return undefined;
  const fixed = meta.nowFixed === true ? Date.parse(meta.now) : Number.NaN;
  return {
    seed: meta.seed,
    now: () => (Number.isNaN(fixed) ? store.now().getTime() : fixed),
  };
}
