import type { StoredSession } from '../store/session-store.js';
import { answered, chat, finish, incomingVoice, otherAgent, transferLeg } from './call-legs.js';
import type { SeedRandom } from './seed-random.js';
import type { AccountWorld } from './seed-world.js';
import { agentMember, blankSession, callerMember, pickAgent, setCustomer, Story } from './session-parts.js';

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
  if (kind === 'chat') return [{ session: chat(s, w, contact, rnd, now, true) }];
  incomingVoice(s, w, contact, rnd);
  const story = new Story(started);
  const line = w.numbers.find((n) => n.id === s.endpointId);
  story.tell(`Incoming call from ${contact.phone} (${contact.name}) to ${line?.name ?? 'a line'} (${s.toAddress})`);
  story.tell(`Flow "${line?.name ?? 'Main'}" started`, 800);
  const queue = rnd.pick(w.queues);
  const caller = callerMember(contact, 'Connected', true, rnd);
  s.callSid = caller.callSid;
  story.tell(`Entered ring queue "${queue.name}"`, rnd.int(2_000, 9_000));
  if (kind === 'queued' || kind === 'ringing') {
    s.ringQueueId = queue.id;
    s.queueState = kind === 'queued' ? 'Queued' : 'Ringing';
    s.callState = kind === 'queued' ? 'Connected' : 'Ringing';
    const members = [caller];
    if (kind === 'ringing') {
      const rung = rnd.sample(w.agents, rnd.int(1, 2));
      if (w.fixtureAgents.length > 0 && rnd.chance(0.5)) rung[0] = rnd.pick(w.fixtureAgents);
      for (const a of new Set(rung)) members.push(agentMember(a, 'Ringing', 'Agent', false, rnd));
      story.tell(`Ringing ${members.slice(1).map((m) => m.displayName).join(', ')}`, 1_000);
    } else {
      story.tell(`Waiting in queue; position ${rnd.int(1, 6)}`, 1_000);
    }
    return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  }
  const agent = pickAgent(w, rnd, 0.5);
  story.tell(`Ringing ${agent.displayName}`, 1_000);
  story.tell(`Answered by ${agent.displayName}`, rnd.int(4_000, 25_000));
  answered(s, agent, queue.id, rnd);
  s.queueState = kind === 'hold' ? 'Hold' : 'Connected';
  s.callState = kind === 'hold' ? 'Hold' : 'Connected';
  const members = [caller, agentMember(agent, 'Connected', 'Agent', false, rnd)];
  if (kind !== 'hold') return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  const transferring = room >= 2 && rnd.chance(0.4);
  s.holdQueueName = rnd.pick(w.holdQueues);
  s.heldByUserId = agent.id;
  s.holdReason = transferring ? 'Transferring' : 'None';
  caller.callState = 'Hold';
  story.tell(`Put on hold by ${agent.displayName} in "${s.holdQueueName}"`, rnd.int(20_000, 120_000));
  if (!transferring) return [{ session: finish(s, story, members, Math.min(story.at, now)) }];
  const target = otherAgent(w, agent, rnd);
  const transfer = agentMember(target, 'Ringing', 'Transfer', false, rnd);
  members.push(transfer);
  story.tell(`Transferring to ${target.displayName}`, 2_000);
  const child = transferLeg(w, s, contact, agent, target, rnd, story.at + 1_000, undefined);
  return [{ session: finish(s, story, members, Math.min(story.at, now)) }, { session: child, parentSessionId: s.id as string }];
}
