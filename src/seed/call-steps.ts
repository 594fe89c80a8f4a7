import type { SessionInfo, SessionMemberInfo } from '../generated/dtos.js';
import type { AgentRecord } from '../store/store-data.js';
import { answered, finish, transferLeg } from './call-legs.js';
import type { SeedRandom } from './seed-random.js';
import type { AccountWorld, Contact, RingQueue } from './seed-world.js';
import { agentMember, spoken, Story } from './session-parts.js';

/**
 * The steps of an incoming call, each setting the session's fields and telling its log together, so
 * the seed's random calls and the QA scenarios' fixed ones read and look the same. Each step draws
 * from `rnd` in the order the seed always did, which keeps seeded files byte-identical.
 */

/** The log's opening: the call reached a line (set by incomingVoice) and its flow started. */
export function incomingStory(s: SessionInfo, contact: Contact, started: number): Story {
  return new Story(started)
    .tell(`Incoming call from ${contact.phone} (${contact.name}) to ${s.endpointName} (${s.toAddress})`)
    .tell(`Flow "${s.endpointName}" started`, 800);
}

export function enteredQueue(story: Story, queue: RingQueue, rnd: SeedRandom): void {
  story.tell(`Entered ring queue "${queue.name}"`, rnd.int(2_000, 9_000));
}

/** Still waiting in a ring queue: `ringing` agents are being rung, or it waits at `position`. Returns the members. */
export function waitInQueue(
  s: SessionInfo,
  story: Story,
  caller: SessionMemberInfo,
  queue: RingQueue,
  wait: { readonly ringing: readonly AgentRecord[] } | { readonly position: number },
  rnd: SeedRandom,
): SessionMemberInfo[] {
  const ringing = 'ringing' in wait;
  s.ringQueueId = queue.id;
  s.queueState = ringing ? 'Ringing' : 'Queued';
  s.callState = ringing ? 'Ringing' : 'Connected';
  const members = [caller];
  if (ringing) {
    for (const a of wait.ringing) members.push(agentMember(a, { state: 'Ringing', role: 'Agent' }, rnd));
    story.tell(`Ringing ${members.slice(1).map((m) => m.displayName).join(', ')}`, 1_000);
  } else {
    story.tell(`Waiting in queue; position ${wait.position}`, 1_000);
  }
  return members;
}

/** `agent` is rung and answers after `ringMs`; returns when it was answered. */
export function answerBy(s: SessionInfo, story: Story, agent: AgentRecord, queueId: string | undefined, ringMs: number, rnd: SeedRandom): number {
  story.tell(`Ringing ${agent.displayName}`, 1_000);
  const at = story.tell(`Answered by ${agent.displayName}`, ringMs).at;
  answered(s, agent, queueId, rnd);
  return at;
}

/** The talk lasts `talkMs`, then the caller (mostly) or the agent hangs up. */
export function hangUp(story: Story, agent: AgentRecord, talkMs: number, rnd: SeedRandom): void {
  story.tell(`Call ended by ${rnd.chance(0.6) ? 'caller' : agent.displayName} after ${spoken(talkMs)}`, talkMs);
}

/** Nobody answered: `rung` rang, then voicemail or the caller gave up. Ends the session. */
export function missedCall(s: SessionInfo, story: Story, caller: SessionMemberInfo, rung: readonly AgentRecord[], outcome: 'Voicemail' | 'Abandoned', rnd: SeedRandom): SessionInfo {
  story.tell(`Ringing ${rung.map((a) => a.displayName).join(', ')}`, 1_000);
  s.wasMissed = true;
  if (outcome === 'Voicemail') {
    story.tell('No one answered within 30 seconds; sent to voicemail', 30_000);
    story.tell(`Voicemail recorded (${spoken(rnd.int(5_000, 90_000))})`, rnd.int(8_000, 95_000));
  } else {
    story.tell('Caller hung up before anyone answered', rnd.int(3_000, 45_000));
  }
  s.outcome = outcome;
  story.tell('Call ended');
  return finish(s, story, [caller], story.at);
}

/** `agent` holds the caller in `holdQueueName` after `afterMs`; the reason says whether a transfer follows. */
export function putOnHold(
  s: SessionInfo,
  story: Story,
  caller: SessionMemberInfo,
  agent: AgentRecord,
  holdQueueName: string,
  reason: 'None' | 'Transferring',
  afterMs: number,
): void {
  s.holdQueueName = holdQueueName;
  s.heldByUserId = agent.id;
  s.holdReason = reason;
  caller.callState = 'Hold';
  story.tell(`Put on hold by ${agent.displayName} in "${holdQueueName}"`, afterMs);
}

/**
 * `from` transfers the held call to `to`: a Transfer member ringing on the parent, and the child leg
 * that rings `to` (a session of its own, still ringing). `childId` fixes the leg's id (scenarios).
 */
export function startTransfer(
  w: AccountWorld,
  s: SessionInfo,
  story: Story,
  contact: Contact,
  members: SessionMemberInfo[],
  from: AgentRecord,
  to: AgentRecord,
  rnd: SeedRandom,
  childId?: string,
): SessionInfo {
  members.push(agentMember(to, { state: 'Ringing', role: 'Transfer' }, rnd));
  story.tell(`Transferring to ${to.displayName}`, 2_000);
  return transferLeg(w, s, contact, from, to, rnd, story.at + 1_000, undefined, childId);
}
