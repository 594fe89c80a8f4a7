import type { SessionInfo, SessionMemberInfo } from '../../generated/dtos.js';
import { incomingVoice } from '../call-legs.js';
import { enteredQueue, incomingStory } from '../call-steps.js';
import type { AccountWorld, Contact, RingQueue } from '../seed-world.js';
import { blankSession, callerMember, setCustomer, type Story } from '../session-parts.js';
import type { ScenarioContext } from './scenario.js';
import { devDesk, knownCaller, type DevDesk } from './scenario-cast.js';

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface CallSoFar {
  readonly s: SessionInfo;
  readonly story: Story;
  readonly caller: SessionMemberInfo;
}

export interface QueuedCall {
  /** The scenario's session number: its id is ctx.id(n). */
  readonly n: number;
  /** When the call reached the line, ms. */
  readonly started: number;
  readonly contact: Contact;
  readonly queue: RingQueue;
  /** Still in progress (its caller Connected), or ended (its members at None, as the seed leaves them). */
  readonly live: boolean;
}

/**
 * How every scenario call starts, with the seed's own steps: the contact rings one of the account's
 * lines and the call enters the queue.
 */
export function callIntoQueue(ctx: ScenarioContext, w: AccountWorld, call: QueuedCall): CallSoFar {
  const { n, started, contact, queue, live } = call;
  const s = blankSession(ctx.id(n), w, started);
  s.ended = !live;
  setCustomer(s, w, contact);
  incomingVoice(s, w, contact, ctx.rnd);
  const story = incomingStory(s, contact, started);
  const caller = callerMember(contact, { state: live ? 'Connected' : 'None', original: true }, ctx.rnd);
  s.callSid = caller.callSid;
  enteredQueue(story, queue, ctx.rnd);
  if (!live) s.queueState = 'Disconnected';
  return { s, story, caller };
}

export interface DevCall extends CallSoFar, DevDesk {
  readonly queue: RingQueue;
}

/**
 * The scenarios' usual call: in the dev user's first account, a caller the account knows rings `ago`
 * before the reference time and enters a queue (the account's first, or one drawn). Draws the queue,
 * then the caller, as every scenario built on it always did.
 */
export function callToDev(ctx: ScenarioContext, call: { readonly n?: number; readonly ago: number; readonly live: boolean; readonly queue?: 'first' | 'drawn'; readonly callerName?: string }): DevCall {
  const { w, dev } = devDesk(ctx);
  const queue = call.queue === 'first' ? (w.queues[0] ?? ctx.rnd.pick(w.queues)) : ctx.rnd.pick(w.queues);
  const known = knownCaller(w, ctx.rnd);
  const contact = call.callerName === undefined ? known : { ...known, name: call.callerName };
  return { w, dev, queue, ...callIntoQueue(ctx, w, { n: call.n ?? 1, started: ctx.now - call.ago, contact, queue, live: call.live }) };
}
