import type { SessionInfo } from '../generated/dtos.js';
import type { StoredSession } from '../store/session-store.js';
import { arrivesOn, chat, finish, incomingVoice, otherAgent, transferLeg } from './call-legs.js';
import { answerBy, enteredQueue, hangUp, incomingStory, missedCall } from './call-steps.js';
import { dialed, type SeedRandom } from './seed-random.js';
import type { AccountWorld, Contact } from './seed-world.js';
import { agentMember, blankSession, callerMember, CONSOLE_NOTES, pickAgent, setCustomer, spoken, Story, tail } from './session-parts.js';

const DAY = 86_400_000;
const MIN = 60_000;
/** How far back ended sessions reach, so both sides of the 15-day archive boundary are populated. */
export const SEED_SPAN_DAYS = 60;

/**
 * A session that ended within the last 60 days: an incoming call (answered, to voicemail, abandoned,
 * some held, some transferred as a parent and a child), an outgoing call, a chat or a fax.
 */
export function ended(w: AccountWorld, rnd: SeedRandom, now: number, room: number): StoredSession[] {
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
  if (channel === 'Chat') return [{ session: chat(s, w, contact, rnd, { now, open: false }) }];
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

function incomingCall(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom, room: number): StoredSession[] {
  incomingVoice(s, w, contact, rnd);
  const story = incomingStory(s, contact, Date.parse(s.dateCreated as string));
  const caller = callerMember(contact, { state: 'None', original: true }, rnd);
  s.callSid = caller.callSid;
  const queue = rnd.chance(0.7) ? rnd.pick(w.queues) : undefined;
  if (queue) {
    enteredQueue(story, queue, rnd);
    s.queueState = 'Disconnected';
  }
  const outcome = rnd.weighted<'answered' | 'Voicemail' | 'Abandoned'>([['answered', 78], ['Voicemail', 14], ['Abandoned', 8]]);
  if (outcome !== 'answered') return [{ session: missedCall(s, story, caller, rnd.sample(w.agents, rnd.int(1, 3)), outcome, rnd) }];
  const agent = pickAgent(w, rnd, 0.25);
  const answeredAt = answerBy(s, story, agent, queue?.id, rnd.int(3_000, 25_000), rnd);
  s.outcome = 'Answered';
  const members = [caller, agentMember(agent, { state: 'None', role: 'Agent' }, rnd)];
  if (rnd.chance(0.2)) {
    s.holdQueueName = rnd.pick(w.holdQueues);
    story.tell(`Put on hold by ${agent.displayName} in "${s.holdQueueName}"`, tail(rnd, 90_000, 15 * MIN));
    story.tell(`Taken off hold by ${agent.displayName}`, rnd.int(10_000, 180_000));
  }
  if (room >= 2 && rnd.chance(0.1)) {
    const target = otherAgent(w, agent, rnd);
    members.push(agentMember(target, { state: 'None', role: 'Transfer' }, rnd));
    story.tell(`Transferring to ${target.displayName}`, tail(rnd, 120_000, 20 * MIN));
    const child = transferLeg(w, s, contact, agent, target, rnd, story.at + 1_000, tail(rnd, 240_000, 40 * MIN));
    const childEnd = Date.parse(child.dateCompleted as string);
    story.tell(`Transferred to ${target.displayName}; ${agent.displayName} left the call`, rnd.int(5_000, 20_000));
    story.at = Math.max(story.at, childEnd);
    story.tell(`Call ended after ${spoken(story.at - answeredAt)} of talk time`);
    return [{ session: finish(s, story, members, story.at) }, { session: child, parentSessionId: s.id as string }];
  }
  hangUp(story, agent, tail(rnd, 240_000, 50 * MIN), rnd);
  return [{ session: finish(s, story, members, story.at) }];
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
  const me = agentMember(agent, { state: 'None', role: 'Agent', original: true }, rnd);
  const callee = callerMember(contact, { state: 'None' }, rnd);
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

function fax(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom): SessionInfo {
  const line = w.numbers.find((n) => n.name === 'Fax Line') ?? rnd.pick(w.numbers);
  const pages = rnd.int(1, 12);
  const failed = rnd.chance(0.1);
  s.channel = 'Fax';
  arrivesOn(s, contact, line);
  s.displayName = `Fax from ${contact.name}`;
  const story = new Story(Date.parse(s.dateCreated as string)).tell(`Incoming fax from ${contact.phone} to ${line.name} (${line.phoneNumber})`);
  story.tell(`Receiving ${pages} page${pages === 1 ? '' : 's'}`, 4_000);
  story.tell(failed ? `Fax failed after page ${rnd.int(1, pages)}: line noise` : `Fax received (${pages} page${pages === 1 ? '' : 's'})`, pages * rnd.int(15_000, 40_000));
  s.outcome = failed ? 'Fax Failed' : 'Fax Received';
  return finish(s, story, [callerMember(contact, { state: 'None', original: true }, rnd)], story.at);
}
