import type { StoredSession } from '../store/session-store.js';
import { chat, finish, incomingVoice, otherAgent } from './call-legs.js';
import { answerBy, enteredQueue, incomingStory, putOnHold, startTransfer, waitInQueue } from './call-steps.js';
import type { SeedRandom } from './seed-random.js';
import type { AccountWorld } from './seed-world.js';
import { agentMember, blankSession, callerMember, pickAgent, setCustomer } from './session-parts.js';

const MIN = 60_000;

type LiveKind = 'ringing' | 'queued' | 'connected' | 'hold' | 'chat';

/** How long ago a live session started: at least as long as its story so far takes to tell. */
const LIVE_AGE: Record<LiveKind, readonly [number, number]> = {
  ringing: [20_000, 3 * MIN],
  queued: [20_000, 3 * MIN],
  connected: [MIN, 40 * MIN],
  hold: [5 * MIN, 30 * MIN],
  chat: [6 * MIN, 45 * MIN],
};

/**
 * A session still in progress, started minutes ago: ringing or queued in a ring queue, connected to an
 * agent, held (some while a transfer rings: then with its ringing child leg), or an open chat.
 * `room` is how many sessions may still be added (a transfer adds two).
 */
export function live(w: AccountWorld, rnd: SeedRandom, now: number, room: number): StoredSession[] {
  const kind = rnd.weighted<LiveKind>([['ringing', 22], ['queued', 18], ['connected', 32], ['hold', 16], ['chat', 12]]);
  const contact = rnd.pick(w.contacts);
  const [youngest, oldest] = LIVE_AGE[kind];
  const started = now - rnd.int(youngest, oldest);
  const s = blankSession(rnd.id(), w, started);
  s.ended = false;
  setCustomer(s, w, contact);
  if (kind === 'chat') return [{ session: chat(s, w, contact, rnd, { now, open: true }) }];
  incomingVoice(s, w, contact, rnd);
  const story = incomingStory(s, contact, started);
  const queue = rnd.pick(w.queues);
  const caller = callerMember(contact, { state: 'Connected', original: true }, rnd);
  s.callSid = caller.callSid;
  enteredQueue(story, queue, rnd);
  if (kind === 'queued' || kind === 'ringing') {
    let wait: Parameters<typeof waitInQueue>[4];
    if (kind === 'ringing') {
      const rung = rnd.sample(w.agents, rnd.int(1, 2));
      if (w.fixtureAgents.length > 0 && rnd.chance(0.5)) rung[0] = rnd.pick(w.fixtureAgents);
      wait = { ringing: [...new Set(rung)] };
    } else {
      wait = { position: rnd.int(1, 6) };
    }
    const members = waitInQueue(s, story, caller, queue, wait, rnd);
    return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  }
  const agent = pickAgent(w, rnd, 0.5);
  answerBy(s, story, agent, queue.id, rnd.int(4_000, 25_000), rnd);
  s.queueState = kind === 'hold' ? 'Hold' : 'Connected';
  s.callState = kind === 'hold' ? 'Hold' : 'Connected';
  const members = [caller, agentMember(agent, { state: 'Connected', role: 'Agent' }, rnd)];
  if (kind !== 'hold') return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  const transferring = room >= 2 && rnd.chance(0.4);
  putOnHold(s, story, caller, agent, rnd.pick(w.holdQueues), transferring ? 'Transferring' : 'None', rnd.int(20_000, 120_000));
  if (!transferring) return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  const child = startTransfer(w, s, story, contact, members, agent, otherAgent(w, agent, rnd), rnd);
  return [{ session: finish(s, story, members, Math.min(story.at, now)) }, { session: child, parentSessionId: s.id as string }];
}
