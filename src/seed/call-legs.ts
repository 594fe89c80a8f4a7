import type { SessionInfo } from '../generated/dtos.js';
import type { AgentRecord } from '../store/store-data.js';
import type { SeedRandom } from './seed-random.js';
import type { AccountWorld, Contact } from './seed-world.js';
import { agentMember, blankSession, callerMember, CHAT_OPENERS, iso, pickAgent, prune, setCustomer, spoken, Story, tail } from './session-parts.js';

/** Pieces shared by live and ended sessions: the parts of a call, a transfer leg, a chat, and finishing a session. */

const MIN = 60_000;

/** An outside contact reaching one of the account's lines: the addresses every inbound channel shares. */
export function arrivesOn(s: SessionInfo, contact: Contact, line: AccountWorld['numbers'][number]): void {
  s.direction = 'Incoming';
  s.endpointId = line.id;
  s.endpointName = line.name;
  s.fromAddress = contact.phone;
  s.fromName = contact.name;
  s.toAddress = line.phoneNumber;
}

export function incomingVoice(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom): void {
  arrivesOn(s, contact, rnd.pick(w.numbers));
  s.displayName = contact.name;
  if (rnd.chance(0.05)) s.callbackNumber = rnd.usNumber();
}

export function answered(s: SessionInfo, agent: AgentRecord, queueId: string | undefined, rnd: SeedRandom): void {
  s.answeredById = agent.endpointId;
  s.answeredByName = agent.displayName;
  if (queueId) s.queueMemberId = agent.id;
  s.conferenceSid = rnd.conferenceSid();
}

/** The leg that rings the transfer target; `talkMs` undefined while it is still ringing. `id` fixes its id (scenarios). */
export function transferLeg(
  w: AccountWorld,
  parent: SessionInfo,
  contact: Contact,
  from: AgentRecord,
  to: AgentRecord,
  rnd: SeedRandom,
  start: number,
  talkMs: number | undefined,
  id?: string,
): SessionInfo {
  const s = blankSession(id ?? rnd.id(), w, start);
  setCustomer(s, w, contact);
  s.direction = 'Outgoing';
  s.createdBy = from.id;
  s.endpointId = to.endpointId;
  s.endpointName = to.displayName;
  s.fromAddress = parent.fromAddress;
  s.fromName = parent.fromName;
  s.toAddress = `user:${to.id}`;
  s.displayName = `Transfer of ${contact.name} to ${to.displayName}`;
  const caller = callerMember(contact, { state: talkMs === undefined ? 'Hold' : 'None', original: true }, rnd);
  const target = agentMember(to, { state: talkMs === undefined ? 'Ringing' : 'None', role: 'Transfer' }, rnd);
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

/** A chat by SMS; `open` while the conversation goes on (cut at `now`), else closed and Completed. */
export function chat(s: SessionInfo, w: AccountWorld, contact: Contact, rnd: SeedRandom, at: { readonly now: number; readonly open: boolean }): SessionInfo {
  const { now, open } = at;
  const line = rnd.pick(w.numbers);
  const agent = pickAgent(w, rnd, open ? 0.5 : 0.25);
  s.channel = 'Chat';
  arrivesOn(s, contact, line);
  s.fromPhoneNumber = contact.phone;
  s.displayName = `Chat with ${contact.name}`;
  const story = new Story(Date.parse(s.dateCreated as string)).tell(`SMS from ${contact.phone} to ${line.name} (${line.phoneNumber}): "${rnd.pick(CHAT_OPENERS)}"`);
  story.tell(`Assigned to ${agent.displayName}`, rnd.int(5_000, 60_000));
  story.tell(`Reply sent by ${agent.displayName}`, rnd.int(20_000, 240_000));
  const caller = callerMember(contact, { state: open ? 'Connected' : 'None', original: true }, rnd);
  const member = agentMember(agent, { state: open ? 'Connected' : 'None', role: 'Agent' }, rnd);
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

export function otherAgent(w: AccountWorld, not: AgentRecord, rnd: SeedRandom): AgentRecord {
  const others = w.agents.filter((a) => a.id !== not.id);
  return others.length > 0 ? rnd.pick(others) : not;
}

/** Members, log and the dates that follow from them; ended sessions complete at `lastAt`. */
export function finish(s: SessionInfo, story: Story, members: SessionInfo['members'], lastAt: number): SessionInfo {
  s.log = story.log;
  s.members = members;
  s.mostRecentParticipantCallSid = members?.[members.length - 1]?.callSid ?? undefined;
  if (s.ended) s.dateCompleted = iso(Math.max(lastAt, Date.parse(s.dateCreated as string) + 1_000));
  s.dateLastModified = s.dateCompleted ?? iso(lastAt);
  if (s.createdBy && !s.lastModifiedBy) s.lastModifiedBy = s.createdBy;
  return prune(s);
}
