import type { SessionInfo } from '../generated/dtos.js';
import type { StoredSession } from '../store/session-store.js';
import type { AgentRecord } from '../store/store-data.js';
import { compareStored } from '../store/session-index.js';
import { dialed, type SeedRandom } from './seed-random.js';
import type { AccountWorld, Contact, World } from './seed-world.js';
import {
  agentMember, blankSession, callerMember, CHAT_OPENERS, CONSOLE_NOTES, iso, pickAgent, prune, setCustomer, spoken, Story, tail,
} from './session-parts.js';

const DAY = 86_400_000;
const MIN = 60_000;
/** How far back ended sessions reach, so both sides of the 15-day archive boundary are populated. */
export const SEED_SPAN_DAYS = 60;

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

function live(w: AccountWorld, rnd: SeedRandom, now: number, room: number): StoredSession[] {
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

function ended(w: AccountWorld, rnd: SeedRandom, now: number, room: number): StoredSession[] {
  const contact = rnd.pick(w.contacts);
  const channel = rnd.weighted<'Voice' | 'Chat' | 'Fax'>([['Voice', 85], ['Chat', 11], ['Fax', 4]]);
  const created = pastStart(rnd, now, 2 * 60 * MIN);
  const s = blankSession(rnd.id(), w, created);
  s.channel = channel;
  setCustomer(s, w, contact);
  if (rnd.chance(0.15)) {
    const note = rnd.pick(CONSOLE_NOTES);
    s.consoleData = JSON.stringify({ ticket: `${note.ticket}${rnd.int(1000, 99999)}`, note: note.note });
  }
  if (channel === 'Chat') return [{ session: chat(s, w, contact, rnd, now, false) }];
  if (channel === 'Fax') return [{ session: fax(s, w, contact, rnd) }];
  if (rnd.chance(0.35)) return [{ session: outgoingCall(s, w, contact, rnd) }];
  return incomingCall(s, w, contact, rnd, room);
}

/** A start time in the last 60 days, weighted to US business hours, early enough to have ended. */
function pastStart(rnd: SeedRandom, now: number, longest: number): number {
  const dayStart = Math.floor(now / DAY) * DAY - rnd.int(0, SEED_SPAN_DAYS - 1) * DAY;
  const hour = rnd.chance(0.8) ? rnd.int(13, 23) : rnd.int(0, 23);
  const t = dayStart + hour * 3_600_000 + rnd.int(0, 3_599_999);
  return t + longest < now ? t : now - longest - rnd.int(MIN, 6 * 60 * MIN);
}

function incomingVoice(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom): void {
  const line = rnd.pick(w.numbers);
  s.direction = 'Incoming';
  s.endpointId = line.id;
  s.endpointName = line.name;
  s.fromAddress = contact.phone;
  s.fromName = contact.name;
  s.toAddress = line.phoneNumber;
  s.displayName = contact.name;
  if (rnd.chance(0.05)) s.callbackNumber = rnd.usNumber();
}

function answered(s: SessionInfo, agent: AgentRecord, queueId: string | undefined, rnd: SeedRandom): void {
  s.answeredById = agent.endpointId;
  s.answeredByName = agent.displayName;
  if (queueId) s.queueMemberId = agent.id;
  s.conferenceSid = rnd.conferenceSid();
}

function incomingCall(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom, room: number): StoredSession[] {
  incomingVoice(s, w, contact, rnd);
  const story = new Story(Date.parse(s.dateCreated as string));
  story.tell(`Incoming call from ${contact.phone} (${contact.name}) to ${s.endpointName} (${s.toAddress})`);
  story.tell(`Flow "${s.endpointName}" started`, 800);
  const caller = callerMember(contact, 'None', true, rnd);
  s.callSid = caller.callSid;
  const queue = rnd.chance(0.7) ? rnd.pick(w.queues) : undefined;
  if (queue) {
    story.tell(`Entered ring queue "${queue.name}"`, rnd.int(2_000, 9_000));
    s.queueState = 'Disconnected';
  }
  const outcome = rnd.weighted<'answered' | 'voicemail' | 'abandoned'>([['answered', 78], ['voicemail', 14], ['abandoned', 8]]);
  if (outcome !== 'answered') {
    const rung = rnd.sample(w.agents, rnd.int(1, 3));
    story.tell(`Ringing ${rung.map((a) => a.displayName).join(', ')}`, 1_000);
    s.wasMissed = true;
    if (outcome === 'voicemail') {
      story.tell('No one answered within 30 seconds; sent to voicemail', 30_000);
      story.tell(`Voicemail recorded (${spoken(rnd.int(5_000, 90_000))})`, rnd.int(8_000, 95_000));
      s.outcome = 'Voicemail';
    } else {
      story.tell('Caller hung up before anyone answered', rnd.int(3_000, 45_000));
      s.outcome = 'Abandoned';
    }
    story.tell('Call ended');
    return [{ session: finish(s, story, [caller], story.at) }];
  }
  const agent = pickAgent(w, rnd, 0.25);
  story.tell(`Ringing ${agent.displayName}`, 1_000);
  const answeredAt = story.tell(`Answered by ${agent.displayName}`, rnd.int(3_000, 25_000)).at;
  answered(s, agent, queue?.id, rnd);
  s.outcome = 'Answered';
  const members = [caller, agentMember(agent, 'None', 'Agent', false, rnd)];
  if (rnd.chance(0.2)) {
    s.holdQueueName = rnd.pick(w.holdQueues);
    story.tell(`Put on hold by ${agent.displayName} in "${s.holdQueueName}"`, tail(rnd, 90_000, 15 * MIN));
    story.tell(`Taken off hold by ${agent.displayName}`, rnd.int(10_000, 180_000));
  }
  if (room >= 2 && rnd.chance(0.1)) {
    const target = otherAgent(w, agent, rnd);
    members.push(agentMember(target, 'None', 'Transfer', false, rnd));
    story.tell(`Transferring to ${target.displayName}`, tail(rnd, 120_000, 20 * MIN));
    const child = transferLeg(w, s, contact, agent, target, rnd, story.at + 1_000, tail(rnd, 240_000, 40 * MIN));
    const childEnd = Date.parse(child.dateCompleted as string);
    story.tell(`Transferred to ${target.displayName}; ${agent.displayName} left the call`, rnd.int(5_000, 20_000));
    story.at = Math.max(story.at, childEnd);
    story.tell(`Call ended after ${spoken(story.at - answeredAt)} of talk time`);
    return [{ session: finish(s, story, members, story.at) }, { session: child, parentSessionId: s.id as string }];
  }
  const talk = tail(rnd, 240_000, 50 * MIN);
  story.tell(`Call ended by ${rnd.chance(0.6) ? 'caller' : agent.displayName} after ${spoken(talk)}`, talk);
  return [{ session: finish(s, story, members, story.at) }];
}

/** The leg that rings the transfer target; `talkMs` undefined while it is still ringing. */
function transferLeg(w: AccountWorld, parent: SessionInfo, contact: Contact, from: AgentRecord, to: AgentRecord, rnd: SeedRandom, start: number, talkMs: number | undefined): SessionInfo {
  const s = blankSession(rnd.id(), w, start);
  setCustomer(s, w, contact);
  s.direction = 'Outgoing';
  s.createdBy = from.id;
  s.endpointId = to.endpointId;
  s.endpointName = to.displayName;
  s.fromAddress = parent.fromAddress;
  s.fromName = parent.fromName;
  s.toAddress = `user:${to.id}`;
  s.displayName = `Transfer of ${contact.name} to ${to.displayName}`;
  const caller = callerMember(contact, talkMs === undefined ? 'Hold' : 'None', true, rnd);
  const target = agentMember(to, talkMs === undefined ? 'Ringing' : 'None', 'Transfer', false, rnd);
  s.callSid = target.callSid;
  const story = new Story(start).tell(`Transfer from ${from.displayName} (session ${parent.id})`).tell(`Ringing ${to.displayName}`, 500);
  if (talkMs === undefined) {
    s.ended = false;
    s.callState = 'Ringing';
    s.dialState = 'Active';
    return finish(s, story, [caller, target], story.at);
  }
  story.tell(`Answered by ${to.displayName}`, rnd.int(3_000, 20_000));
  s.answeredById = to.endpointId;
  s.answeredByName = to.displayName;
  s.conferenceSid = parent.conferenceSid;
  s.outcome = 'Answered';
  story.tell(`Call ended after ${spoken(talkMs)}`, talkMs);
  return finish(s, story, [caller, target], story.at);
}

function outgoingCall(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom): SessionInfo {
  const agent = pickAgent(w, rnd, 0.3);
  const callerId = rnd.pick(w.numbers);
  const start = Date.parse(s.dateCreated as string);
  s.direction = 'Outgoing';
  s.createdBy = agent.id;
  s.lastModifiedBy = agent.id;
  s.endpointId = agent.endpointId;
  s.endpointName = agent.displayName;
  s.fromAddress = agent.emailAddress;
  s.fromName = agent.displayName;
  s.fromPhoneNumber = callerId.phoneNumber;
  s.destination = dialed(contact.phone);
  s.toAddress = contact.phone;
  s.displayName = contact.name;
  const me = agentMember(agent, 'None', 'Agent', true, rnd);
  const callee = callerMember(contact, 'None', false, rnd);
  s.callSid = me.callSid;
  const story = new Story(start).tell(`${agent.displayName} dialed ${s.destination}`).tell(`Calling ${contact.phone} from ${callerId.phoneNumber}`, 700);
  const result = rnd.weighted<'answered' | 'No Answer' | 'Busy'>([['answered', 75], ['No Answer', 18], ['Busy', 7]]);
  if (result !== 'answered') {
    story.tell(result === 'Busy' ? 'Line busy' : 'No answer after 30 seconds', result === 'Busy' ? 3_000 : 30_000);
    s.outcome = result;
    story.tell('Call ended');
    return finish(s, story, [me, callee], story.at);
  }
  story.tell(`${contact.name} answered`, rnd.int(4_000, 20_000));
  s.outcome = 'Answered';
  s.conferenceSid = rnd.conferenceSid();
  const talk = tail(rnd, 200_000, 45 * MIN);
  story.tell(`Call ended by ${rnd.chance(0.5) ? agent.displayName : contact.name} after ${spoken(talk)}`, talk);
  return finish(s, story, [me, callee], story.at);
}

function chat(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom, now: number, open: boolean): SessionInfo {
  const line = rnd.pick(w.numbers);
  const agent = pickAgent(w, rnd, open ? 0.5 : 0.25);
  s.channel = 'Chat';
  s.direction = 'Incoming';
  s.endpointId = line.id;
  s.endpointName = line.name;
  s.fromAddress = contact.phone;
  s.fromName = contact.name;
  s.fromPhoneNumber = contact.phone;
  s.toAddress = line.phoneNumber;
  s.displayName = `Chat with ${contact.name}`;
  const story = new Story(Date.parse(s.dateCreated as string)).tell(`SMS from ${contact.phone} to ${line.name} (${line.phoneNumber}): "${rnd.pick(CHAT_OPENERS)}"`);
  story.tell(`Assigned to ${agent.displayName}`, rnd.int(5_000, 60_000));
  story.tell(`Reply sent by ${agent.displayName}`, rnd.int(20_000, 240_000));
  const caller = callerMember(contact, open ? 'Connected' : 'None', true, rnd);
  const member = agentMember(agent, open ? 'Connected' : 'None', 'Agent', false, rnd);
  s.answeredById = agent.endpointId;
  s.answeredByName = agent.displayName;
  if (open) {
    s.callState = 'Passive';
    return finish(s, story, [caller, member], Math.min(story.at, now));
  }
  story.tell(`Conversation closed by ${agent.displayName}`, tail(rnd, 600_000, 60 * MIN));
  s.outcome = 'Completed';
  return finish(s, story, [caller, member], story.at);
}

function fax(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom): SessionInfo {
  const line = w.numbers.find((n) => n.name === 'Fax Line') ?? rnd.pick(w.numbers);
  const pages = rnd.int(1, 12);
  const failed = rnd.chance(0.1);
  s.channel = 'Fax';
  s.direction = 'Incoming';
  s.endpointId = line.id;
  s.endpointName = line.name;
  s.fromAddress = contact.phone;
  s.fromName = contact.name;
  s.toAddress = line.phoneNumber;
  s.displayName = `Fax from ${contact.name}`;
  const story = new Story(Date.parse(s.dateCreated as string)).tell(`Incoming fax from ${contact.phone} to ${line.name} (${line.phoneNumber})`);
  story.tell(`Receiving ${pages} page${pages === 1 ? '' : 's'}`, 4_000);
  story.tell(failed ? `Fax failed after page ${rnd.int(1, pages)}: line noise` : `Fax received (${pages} page${pages === 1 ? '' : 's'})`, pages * rnd.int(15_000, 40_000));
  s.outcome = failed ? 'Fax Failed' : 'Fax Received';
  return finish(s, story, [callerMember(contact, 'None', true, rnd)], story.at);
}

function otherAgent(w: AccountWorld, not: AgentRecord, rnd: SeedRandom): AgentRecord {
  const others = w.agents.filter((a) => a.id !== not.id);
  return others.length > 0 ? rnd.pick(others) : not;
}

/** Members, log and the dates that follow from them; ended sessions complete at `lastAt`. */
function finish(s: SessionInfo, story: Story, members: SessionInfo['members'], lastAt: number): SessionInfo {
  s.log = story.log;
  s.members = members;
  s.mostRecentParticipantCallSid = members?.[members.length - 1]?.callSid ?? undefined;
  if (s.ended) s.dateCompleted = iso(Math.max(lastAt, Date.parse(s.dateCreated as string) + 1_000));
  s.dateLastModified = s.dateCompleted ?? iso(lastAt);
  if (s.createdBy && !s.lastModifiedBy) s.lastModifiedBy = s.createdBy;
  return prune(s);
}
