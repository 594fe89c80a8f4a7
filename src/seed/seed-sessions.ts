import type { StoredSession } from '../store/session-store.js';
import { compareStored } from '../store/session-index.js';
import { ended } from './ended-sessions.js';
import { live } from './live-sessions.js';
import type { SeedRandom } from './seed-random.js';
import type { World } from './seed-world.js';

/**
 * `count` sessions, oldest first. A few percent are live (recent, not ended) so GetActiveSessions and
 * GetMySessions have something to show; the rest ended within the last 60 days. Transfers come as a
 * parent and a child session (the child names the parent), and count towards `count`.
 */
export function buildSessions(world: World, rnd: SeedRandom, count: number, now: number): StoredSession[] {
  const seeded = world.accounts.filter((a) => a.account.seedShare > 0);
  if (count > 0 && seeded.length === 0) {
    throw new RangeError('No account in fixtures/accounts.json has a seedShare above 0, so there is nowhere to put sessions.');
  }
  const weights = seeded.map((a) => [a, a.account.seedShare] as const);
  const liveTarget = Math.max(Math.min(count, 6), Math.round(count * 0.04));
  const out: StoredSession[] = [];
  while (out.length < count) {
    const w = rnd.weighted(weights);
    const room = count - out.length;
    if (out.length < liveTarget) out.push(...live(w, rnd, now, room));
    else out.push(...ended(w, rnd, now, room));
  }
  return out.sort(compareStored);
}
