import type { SessionInfo, SessionMemberInfo } from '../../generated/dtos.js';
import { incomingVoice } from '../call-legs.js';
import { enteredQueue, incomingStory } from '../call-steps.js';
import type { AccountWorld, Contact, RingQueue } from '../seed-world.js';
import { blankSession, callerMember, setCustomer, type Story } from '../session-parts.js';
import type { ScenarioContext } from './scenario.js';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface CallSoFar {
  readonly s: SessionInfo;
  readonly story: Story;
  readonly caller: SessionMemberInfo;
}

/**
 * How every scenario call starts, with the seed's own steps: session number `n` rings one of the
 * account's lines at `started` and enters `queue`. A live call's caller is Connected; an ended
 * call's members are at None, as the seed leaves them.
 */
export function callIntoQueue(ctx: ScenarioContext, w: AccountWorld, n: number, started: number, contact: Contact, queue: RingQueue, live: boolean): CallSoFar {
  const s = blankSession(ctx.id(n), w, started);
  s.ended = !live;
  setCustomer(s, w, contact);
  incomingVoice(s, w, contact, ctx.rnd);
  const story = incomingStory(s, contact, started);
  const caller = callerMember(contact, live ? 'Connected' : 'None', true, ctx.rnd);
  s.callSid = caller.callSid;
  enteredQueue(story, queue, ctx.rnd);
  if (!live) s.queueState = 'Disconnected';
  return { s, story, caller };
}
