import type { StoredSession } from '../store/session-store.js';
import { chat, finish, incomingVoice } from '../seed/call-legs.js';
import { enteredQueue, incomingStory, waitInQueue } from '../seed/call-steps.js';
import type { AccountWorld } from '../seed/seed-world.js';
import { blankSession, callerMember, setCustomer } from '../seed/session-parts.js';
import { keyedRandom, keyedUniform } from './live-random.js';
import { shiftSession } from './shift-dates.js';

/**
 * New calls on a Poisson process: each account's hour of simulated time has its own draws (how many
 * calls, when), keyed by the seed, the account and the hour. So the calls that arrive in an interval
 * do not depend on when the mode started or how the clock got there, and a restart neither repeats
 * nor skips one (a call's id is drawn from the same key, and one already stored is not made again).
 */

const HOUR = 3_600_000;

export interface Arrival {
  readonly at: number;
  readonly accountId: string;
  /** Keys the call's draws: account, hour, number within the hour. */
  readonly key: string;
}

/** The arrivals in [from, until), oldest first (ties by key). */
export function arrivalsBetween(seed: number, accounts: readonly string[], ratePerHour: number, from: number, until: number): Arrival[] {
  const out: Arrival[] = [];
  if (ratePerHour <= 0 || until <= from) return out;
  for (let hour = Math.floor(from / HOUR); hour * HOUR < until; hour++) {
    for (const accountId of accounts) {
      const u = keyedUniform(seed, `${accountId} ${hour} ${ratePerHour}`);
      const n = poisson(ratePerHour, u);
      for (let i = 0; i < n; i++) {
        const at = hour * HOUR + Math.floor(u() * HOUR);
        if (at >= from && at < until) out.push({ at, accountId, key: `${accountId} ${hour} ${ratePerHour} ${i}` });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
}

/** Knuth's method for small means, a rounded normal for large ones (exp(-mean) underflows past ~700). */
function poisson(mean: number, u: () => number): number {
  if (mean > 500) {
    const z = Math.sqrt(-2 * Math.log(u() || 1e-12)) * Math.cos(2 * Math.PI * u());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = u(); p > limit; p *= u()) k++;
  return k;
}

/**
 * The call that arrives: ringing agents in a ring queue (most), waiting in one, or a chat opening; its
 * story so far ends at the arrival time, told with the seed's own steps.
 */
export function arrivingCall(w: AccountWorld, seed: number, arrival: Arrival): StoredSession {
  const rnd = keyedRandom(seed, `arrival ${arrival.key}`);
  const contact = rnd.pick(w.contacts);
  const s = blankSession(rnd.id(), w, arrival.at);
  s.ended = false;
  setCustomer(s, w, contact);
  const kind = rnd.weighted<'ringing' | 'queued' | 'chat'>([['ringing', 75], ['queued', 15], ['chat', 10]]);
  let session;
  if (kind === 'chat') {
    session = chat(s, w, contact, rnd, { now: Number.MAX_SAFE_INTEGER, open: true });
  } else {
    incomingVoice(s, w, contact, rnd);
    const story = incomingStory(s, contact, arrival.at);
    const queue = rnd.pick(w.queues);
    const caller = callerMember(contact, { state: 'Connected', original: true }, rnd);
    s.callSid = caller.callSid;
    enteredQueue(story, queue, rnd);
    const wait = kind === 'ringing' ? { ringing: [...new Set(rnd.sample(w.agents, rnd.int(1, 2)))] } : { position: rnd.int(1, 6) };
    const members = waitInQueue(s, story, caller, queue, wait, rnd);
    session = finish(s, story, members, story.at);
  }
  const told = Date.parse(session.dateLastModified as string);
  return { session: shiftSession(session, arrival.at - told) };
}
