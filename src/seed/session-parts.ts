import type { SessionInfo, SessionLogInfo, SessionMemberInfo } from '../generated/dtos.js';
import type { AgentRecord } from '../store/store-data.js';
import type { AccountWorld, Contact } from './seed-world.js';
import type { SeedRandom } from './seed-random.js';

/** The pieces every scenario uses: an empty session in SessionInfo's own key order, members, a log. */

const DAY_MS = 86_400_000;
/** Years 0000-9999, where toISOString() writes four-digit years; whole milliseconds only. */
const FAST_ISO_MAX = 253_402_300_800_000;
let isoDay = Number.NaN;
let isoDayPrefix = '';

/**
 * Date#toISOString(), character for character, without a Date per call: the seed stamps several
 * dates on every session and a 50 000-session scenario spent most of its time here. The day's
 * "YYYY-MM-DDT" is cached; the time of day is plain arithmetic.
 */
export function iso(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms >= FAST_ISO_MAX) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  if (day !== isoDay) {
    isoDay = day;
    isoDayPrefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
  }
  const t = ms - day * DAY_MS;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor(t / 60_000) % 60;
  const sec = Math.floor(t / 1000) % 60;
  const milli = t % 1000;
  return `${isoDayPrefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/**
 * Every key in one literal, so every seeded session lists its keys in the same order (byte-identical
 * files) and TypeScript checks each name against the generated SessionInfo. prune() drops the ones a
 * scenario leaves unset.
 */
export function blankSession(id: string, w: AccountWorld, created: number): SessionInfo {
  return {
    id,
    dateCreated: iso(created),
    dateLastModified: undefined,
    createdBy: undefined,
    lastModifiedBy: undefined,
    dialState: 'None',
    callState: 'Disconnected',
    queueState: 'None',
    accountId: w.account.id,
    accountName: w.account.name,
    customerId: undefined,
    customerBreadcrumb: undefined,
    customerName: undefined,
    endpointId: undefined,
    endpointName: undefined,
    dateCompleted: undefined,
    destination: undefined,
    toAddress: undefined,
    fromAddress: undefined,
    fromName: undefined,
    answeredByName: undefined,
    queueMemberId: undefined,
    channel: 'Voice',
    ended: true,
    outcome: undefined,
    callSid: undefined,
    consoleData: undefined,
    holdQueueName: undefined,
    heldByUserId: undefined,
    holdReason: 'None',
    conferenceSid: undefined,
    displayName: undefined,
    log: undefined,
    members: undefined,
    callbackNumber: undefined,
    answeredById: undefined,
    direction: 'Incoming',
    fromPhoneNumber: undefined,
    mostRecentParticipantCallSid: undefined,
    wasMissed: false,
    ringQueueId: undefined,
  };
}

/**
 * A copy without the undefined members. Copying rather than `delete`: deleting keys drops V8
 * objects into dictionary mode, which made the seed's JSON.stringify several times slower.
 */
export function prune<T extends object>(o: T): T {
  const src = o as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) if (src[k] !== undefined) out[k] = src[k];
  return out as T;
}

export function setCustomer(s: SessionInfo, w: AccountWorld, contact: Contact): void {
  const c = contact.customer;
  if (!c) return;
  s.customerId = c.id;
  s.customerBreadcrumb = w.breadcrumbs.get(c.id);
  s.customerName = c.name;
}

/** How a member is on the call. */
export interface MemberAs {
  readonly state: NonNullable<SessionMemberInfo['callState']>;
  /** The member whose leg started the call (isOriginalMember): the caller of an incoming call, the agent who dialed an outgoing one. */
  readonly original?: boolean;
}

export function callerMember(contact: Contact, as: MemberAs, rnd: SeedRandom): SessionMemberInfo {
  return prune({
    identity: contact.phone,
    endpointId: undefined,
    displayName: contact.name,
    isOriginalMember: as.original ?? false,
    avatarUrl: undefined,
    applicationData: undefined,
    callState: as.state,
    role: 'Caller',
    callSid: rnd.callSid(),
    muted: false,
  });
}

const SKILLS = ['billing', 'technical', 'sales', 'scheduling', 'claims'];
const LANGUAGES = ['en-US', 'en-US', 'en-US', 'es-US', 'fr-CA'];

export function agentMember(a: AgentRecord, as: MemberAs & { readonly role: 'Agent' | 'Transfer' }, rnd: SeedRandom): SessionMemberInfo {
  return prune({
    identity: a.id,
    endpointId: a.endpointId,
    displayName: a.displayName,
    isOriginalMember: as.original ?? false,
    avatarUrl: a.avatarUrl,
    applicationData: rnd.chance(0.3) ? { skill: rnd.pick(SKILLS), language: rnd.pick(LANGUAGES), wrapUpSeconds: String(rnd.int(0, 12) * 5) } : undefined,
    callState: as.state,
    role: as.role,
    callSid: rnd.callSid(),
    muted: rnd.chance(0.04),
  });
}

/** A session's story: entries are stamped as they are told, never before the previous one. */
export class Story {
  readonly log: SessionLogInfo[] = [];
  constructor(public at: number) {}

  tell(message: string, afterMs = 0): this {
    this.at += Math.max(0, Math.round(afterMs));
    this.log.push({ date: iso(this.at), message });
    return this;
  }
}

export function pickAgent(w: AccountWorld, rnd: SeedRandom, fixtureBias: number): AgentRecord {
  return w.fixtureAgents.length > 0 && rnd.chance(fixtureBias) ? rnd.pick(w.fixtureAgents) : rnd.pick(w.agents);
}

/** Human wording of a duration, as a call log shows it. */
export function spoken(ms: number): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? `${m}m ${s}s` : `${s}s`;
}

/** Durations with a long tail, as call lengths have: mostly short, some very long. */
export function tail(rnd: SeedRandom, meanMs: number, maxMs: number): number {
  const u = rnd.float(0.0001, 1);
  return Math.min(maxMs, Math.round(-Math.log(u) * meanMs));
}

export const CHAT_OPENERS = [
  'Hi, I need to reschedule my appointment',
  'Is my order shipping today?',
  'Can someone call me back about my invoice?',
  'Quick question about your hours',
  'The tracking link says "delivered", but nothing arrived',
  'Hello: do you take walk-ins, or appointments only?',
];

export const CONSOLE_NOTES = [
  { ticket: 'T-', note: 'Follow up next week' },
  { ticket: 'INC-', note: 'Escalated to tier 2' },
  { ticket: 'CASE-', note: 'Customer asked for a callback' },
];
