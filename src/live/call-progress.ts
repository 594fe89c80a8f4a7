import type { SessionInfo, SessionMemberInfo } from '../generated/dtos.js';
import type { StoredSession } from '../store/session-store.js';
import type { AgentRecord } from '../store/store-data.js';
import { answered, otherAgent, transferLeg } from '../seed/call-legs.js';
import type { Transition } from '../seed/call-transitions.js';
import type { SeedRandom } from '../seed/seed-random.js';
import type { AccountWorld, Contact } from '../seed/seed-world.js';
import { agentMember, blankSession, iso, spoken, tail } from '../seed/session-parts.js';

/**
 * How a live session moves on: what state it is in (read from its own fields, so a session QA edited
 * or created through the API moves on from wherever it is), the next step it takes and when, and what
 * that step writes. Pure: the same session, world and draws give the same step, whenever it runs.
 * The wording of every log line is the seed's (call-steps.ts, call-legs.ts), so a call that moved
 * live reads like one the seed made.
 */

const SECOND = 1_000;
const MINUTE = 60_000;
export type { Transition } from '../seed/call-transitions.js';

/** Nothing stays live longer than this: the next step of an older call ends it. */
export const LONGEST_CALL_MS = 3 * 60 * MINUTE;
/** A conference holds at most this many members; no one else is added past it. */
const MAX_MEMBERS = 6;

export type Phase = 'ringing' | 'queued' | 'voicemail' | 'talking' | 'hold' | 'transferring' | 'dialing' | 'chat' | 'leg' | 'other';

export interface ProgressContext {
  /** The session's account as the seed drew it; undefined when the store's seed cannot rebuild it. */
  readonly world: AccountWorld | undefined;
  readonly rnd: SeedRandom;
  /** Live child sessions (transfer legs) of a session. */
  children(id: string): readonly StoredSession[];
  /** Whether a session is live (exists and has not ended). */
  isLive(id: string): boolean;
  /** The id a transfer's child leg gets (a scripted scenario fixes it); else drawn. */
  readonly legId?: string;
  /**
   * When the engine took the session over as it stands (the start of live mode, another writer's
   * change): its next step is drawn from then when its last change is older. A call seeded as
   * answered twenty minutes ago is live now; drawn from its answer, most such calls would be over
   * before the mode started and end the moment it starts.
   */
  readonly notBefore?: number;
}

export interface PlannedStep {
  readonly at: number;
  readonly transition: Transition;
}

/** The sessions a step writes: the session itself, and any child leg it starts, moves or ends. */
export type StepWrites = readonly StoredSession[];

export function phaseOf(entry: StoredSession, ctx: Pick<ProgressContext, 'isLive'>): Phase | undefined {
  const s = entry.session;
  if (s.ended) return undefined;
  if (entry.parentSessionId !== undefined && s.toAddress?.startsWith('user:')) {
    // A transfer leg moves with its parent while the parent lives.
    return ctx.isLive(entry.parentSessionId) ? 'leg' : s.callState === 'Ringing' ? 'dialing' : 'talking';
  }
  if (s.channel === 'Chat') return 'chat';
  if (s.channel !== 'Voice') return 'other';
  switch (s.callState) {
    case 'Ringing':
      return s.direction === 'Outgoing' ? 'dialing' : 'ringing';
    case 'Hold':
      return s.holdReason === 'Transferring' ? 'transferring' : 'hold';
    case 'Connected':
      if (s.queueState === 'Queued') return 'queued';
      if (s.wasMissed) return 'voicemail';
      return 'talking';
    case 'Passive':
      return 'chat';
    default:
      return 'other';
  }
}

/** When the session last changed: its newest log entry, else dateLastModified, else dateCreated. */
export function lastChange(s: SessionInfo): number {
  let last = Date.parse((s.dateLastModified ?? s.dateCreated) as string);
  const log = s.log ?? [];
  const tailEntry = log[log.length - 1];
  if (tailEntry?.date) last = Math.max(last, Date.parse(tailEntry.date));
  return Number.isNaN(last) ? 0 : last;
}

/** The next step of a live session, drawn from `ctx.rnd`; undefined for an ended one (or a leg its parent moves). */
export function planNext(entry: StoredSession, ctx: ProgressContext): PlannedStep | undefined {
  const phase = phaseOf(entry, ctx);
  if (phase === undefined || phase === 'leg') return undefined;
  const s = entry.session;
  const { rnd } = ctx;
  const since = Math.max(lastChange(s), ctx.notBefore ?? 0);
  const step = (transition: Transition, afterMs: number): PlannedStep => ({ at: since + Math.max(SECOND, Math.round(afterMs)), transition });
  if (since - Date.parse(s.dateCreated as string) > LONGEST_CALL_MS) return step(phase === 'chat' ? 'close-chat' : 'end', rnd.int(5, 30) * SECOND);
  switch (phase) {
    case 'ringing': {
      const t = rnd.weighted<Transition>([['answer', 72], ['to-queue', 8], ['voicemail', 12], ['abandon', 8]]);
      return step(t, t === 'answer' ? rnd.int(4_000, 25_000) : t === 'voicemail' ? 30_000 : rnd.int(15_000, 45_000));
    }
    case 'queued':
      return step(rnd.chance(0.8) ? 'ring-agents' : 'abandon', rnd.int(15_000, 90_000));
    case 'voicemail':
      return step('voicemail-recorded', rnd.int(8_000, 95_000));
    case 'talking': {
      const extra = extraMembers(s);
      const canAdd = ctx.world !== undefined && (s.members?.length ?? 0) < MAX_MEMBERS && currentAgent(s) !== undefined;
      const t = rnd.weighted<Transition>([
        ['hang-up', 55],
        ['hold', currentAgent(s) ? 15 : 0],
        ['transfer', canAdd && s.direction === 'Incoming' ? 10 : 0],
        ['join', canAdd ? 10 : 0],
        ['leave', extra.length > 0 ? 10 : 0],
      ]);
      return step(t, t === 'hang-up' ? tail(rnd, 150_000, 30 * MINUTE) : rnd.int(20_000, 180_000));
    }
    case 'hold':
      return step(rnd.chance(0.85) ? 'unhold' : 'hang-up-on-hold', rnd.int(10_000, 180_000));
    case 'transferring':
      return step(rnd.chance(0.75) ? 'transfer-answered' : 'transfer-unanswered', rnd.int(4_000, 25_000));
    case 'dialing': {
      const t = rnd.weighted<Transition>([['dial-answered', 75], ['dial-no-answer', 18], ['dial-busy', 7]]);
      return step(t, t === 'dial-answered' ? rnd.int(4_000, 20_000) : t === 'dial-busy' ? 3_000 : 30_000);
    }
    case 'chat':
      return step('close-chat', tail(rnd, 600_000, 60 * MINUTE));
    case 'other':
      return step('end', s.callState === 'Disconnected' ? 0 : rnd.int(30_000, 5 * MINUTE));
  }
}

/**
 * Applies `transition` at `at`: a copy of the session with its fields, members and log moved on,
 * plus the child legs it touches. Draws from `ctx.rnd` after planNext's draws.
 */
export function applyStep(entry: StoredSession, transition: Transition, at: number, ctx: ProgressContext): StepWrites {
  const call = new LiveCall(entry, at, ctx);
  call.run(transition);
  return call.writes();
}

/** A session being moved on by one step: a mutable copy, its log, and the child legs it changes. */
class LiveCall {
  readonly s: SessionInfo;
  private readonly legs = new Map<string, StoredSession>();

  constructor(
    private readonly entry: StoredSession,
    private readonly at: number,
    private readonly ctx: ProgressContext,
  ) {
    this.s = editable(entry.session);
  }

  writes(): StepWrites {
    this.s.dateLastModified = iso(this.at);
    const self: StoredSession = { ...this.entry, session: inKeyOrder(this.s) };
    return [self, ...this.legs.values()];
  }

  private tell(message: string): void {
    (this.s.log ??= []).push({ date: iso(this.at), message });
  }

  private get members(): SessionMemberInfo[] {
    return (this.s.members ??= []);
  }

  private get caller(): SessionMemberInfo | undefined {
    return this.members.find((m) => m.role === 'Caller');
  }

  run(t: Transition): void {
    const { s, ctx } = this;
    const { rnd } = ctx;
    switch (t) {
      case 'answer': {
        const agent = this.ringingAgent() ?? this.anyAgent();
        if (!agent) return this.end('Answered', 'Call ended');
        this.tell(`Answered by ${agent.displayName}`);
        answered(s, agent, s.ringQueueId ?? undefined, rnd);
        this.connectOnly(agent);
        s.callState = 'Connected';
        if (s.queueState !== 'None') s.queueState = 'Connected';
        return;
      }
      case 'to-queue': {
        s.members = this.members.filter((m) => m.role === 'Caller');
        s.queueState = 'Queued';
        s.callState = 'Connected';
        this.tell(`No one answered; waiting in queue; position ${rnd.int(1, 6)}`);
        return;
      }
      case 'ring-agents': {
        const agents = this.ctx.world ? [...new Set(rnd.sample(this.ctx.world.agents, rnd.int(1, 2)))] : [];
        if (agents.length === 0) return this.end('Abandoned', 'Caller hung up before anyone answered');
        for (const a of agents) this.members.push(agentMember(a, { state: 'Ringing', role: 'Agent' }, rnd));
        s.queueState = 'Ringing';
        s.callState = 'Ringing';
        this.tell(`Ringing ${agents.map((a) => a.displayName).join(', ')}`);
        return;
      }
      case 'voicemail': {
        s.members = this.members.filter((m) => m.role === 'Caller');
        s.wasMissed = true;
        s.callState = 'Connected';
        if (s.queueState !== 'None') s.queueState = 'Disconnected';
        this.tell('No one answered within 30 seconds; sent to voicemail');
        return;
      }
      case 'voicemail-recorded':
        this.tell(`Voicemail recorded (${spoken(this.at - lastChange(this.entry.session))})`);
        return this.end('Voicemail', 'Call ended');
      case 'abandon':
        s.members = this.members.filter((m) => m.role === 'Caller');
        s.wasMissed = true;
        return this.end('Abandoned', 'Caller hung up before anyone answered', 'Call ended');
      case 'hang-up': {
        const agent = currentAgent(s);
        const talk = this.at - answeredAt(s);
        const by = agent && rnd.chance(0.4) ? agent.displayName : s.direction === 'Outgoing' ? (s.displayName ?? 'the other party') : 'caller';
        return this.end(s.outcome ?? 'Answered', `Call ended by ${by} after ${spoken(talk)}`);
      }
      case 'hold': {
        const agent = currentAgent(s);
        s.holdQueueName = this.ctx.world ? rnd.pick(this.ctx.world.holdQueues) : 'Hold';
        s.heldByUserId = agent?.identity ?? undefined;
        s.holdReason = 'None';
        s.callState = 'Hold';
        if (s.queueState !== 'None') s.queueState = 'Hold';
        if (this.caller) this.caller.callState = 'Hold';
        this.tell(`Put on hold by ${agent?.displayName ?? 'the agent'} in "${s.holdQueueName}"`);
        return;
      }
      case 'unhold':
        this.tell(`Taken off hold by ${this.holder()}`);
        return this.offHold();
      case 'hang-up-on-hold':
        return this.end(s.outcome ?? 'Answered', 'Caller hung up while on hold');
      case 'transfer': {
        const w = this.ctx.world;
        const agent = currentAgent(s);
        const from = agent && w ? agentOf(w, agent) : undefined;
        if (!w || !from) return this.run('hold');
        const to = otherAgent(w, from, rnd);
        s.holdQueueName = rnd.pick(w.holdQueues);
        s.heldByUserId = from.id;
        s.holdReason = 'Transferring';
        s.callState = 'Hold';
        if (s.queueState !== 'None') s.queueState = 'Hold';
        if (this.caller) this.caller.callState = 'Hold';
        this.tell(`Put on hold by ${from.displayName} in "${s.holdQueueName}"`);
        this.members.push(agentMember(to, { state: 'Ringing', role: 'Transfer' }, rnd));
        this.tell(`Transferring to ${to.displayName}`);
        const leg = transferLeg(w, s, contactOf(s), from, to, rnd, this.at, undefined, this.ctx.legId);
        leg.customerId = s.customerId;
        leg.customerBreadcrumb = s.customerBreadcrumb;
        leg.customerName = s.customerName;
        this.legs.set(leg.id as string, { session: inKeyOrder(leg), parentSessionId: s.id as string });
        return;
      }
      case 'transfer-answered': {
        const target = this.members.find((m) => m.role === 'Transfer' && m.callState === 'Ringing');
        const from = currentAgent(s);
        if (!target) return this.run('unhold');
        target.callState = 'Connected';
        if (from) s.members = this.members.filter((m) => m !== from);
        this.tell(`Answered by ${target.displayName}`);
        this.tell(`Transferred to ${target.displayName}; ${from?.displayName ?? 'the agent'} left the call`);
        this.offHold();
        for (const leg of this.ctx.children(s.id as string)) this.moveLeg(leg, (l) => {
          l.callState = 'Connected';
          l.dialState = 'None';
          l.answeredById = target.endpointId ?? undefined;
          l.answeredByName = target.displayName ?? undefined;
          l.conferenceSid = s.conferenceSid;
          l.outcome = 'Answered';
          for (const m of l.members ?? []) m.callState = 'Connected';
          return `Answered by ${target.displayName}`;
        });
        return;
      }
      case 'transfer-unanswered': {
        const target = this.members.find((m) => m.role === 'Transfer' && m.callState === 'Ringing');
        s.members = this.members.filter((m) => m !== target);
        this.tell(`${target?.displayName ?? 'The transfer target'} did not answer; taken off hold by ${this.holder()}`);
        this.offHold();
        for (const leg of this.ctx.children(s.id as string)) this.moveLeg(leg, (l) => {
          endSession(l, this.at, 'No Answer');
          return 'No answer after 20 seconds';
        });
        return;
      }
      case 'join': {
        const w = this.ctx.world;
        if (!w) return;
        const present = new Set(this.members.map((m) => m.identity));
        const free = w.agents.filter((a) => !present.has(a.id));
        if (free.length === 0) return;
        const who = rnd.pick(free);
        this.members.push(agentMember(who, { state: 'Connected', role: 'Agent' }, rnd));
        s.conferenceSid ??= rnd.conferenceSid();
        this.tell(`${who.displayName} joined the call (conference)`);
        return;
      }
      case 'leave': {
        const extra = extraMembers(s);
        const who = extra[extra.length - 1];
        if (!who) return;
        s.members = this.members.filter((m) => m !== who);
        this.tell(`${who.displayName} left the call`);
        return;
      }
      case 'dial-answered':
        s.callState = 'Connected';
        s.dialState = 'None';
        s.outcome = 'Answered';
        s.conferenceSid ??= rnd.conferenceSid();
        for (const m of this.members) m.callState = 'Connected';
        this.tell(`${s.displayName ?? s.toAddress ?? 'The other party'} answered`);
        return;
      case 'dial-no-answer':
        return this.end('No Answer', 'No answer after 30 seconds', 'Call ended');
      case 'dial-busy':
        return this.end('Busy', 'Line busy', 'Call ended');
      case 'close-chat':
        return this.end('Completed', `Conversation closed by ${currentAgent(s)?.displayName ?? s.answeredByName ?? 'the agent'}`);
      case 'end':
        return this.end(s.outcome ?? (s.answeredById ? 'Answered' : 'Completed'), 'Call ended');
    }
  }

  /** Disconnected with an outcome; its live child legs end with it. */
  private end(outcome: string, ...lines: string[]): void {
    for (const line of lines) this.tell(line);
    endSession(this.s, this.at, outcome);
    for (const leg of this.ctx.children(this.s.id as string)) this.moveLeg(leg, (l) => {
      endSession(l, this.at, l.outcome ?? (l.answeredById ? 'Answered' : 'No Answer'));
      return l.answeredById ? `Call ended after ${spoken(this.at - answeredAt(l))}` : 'Call ended';
    });
  }

  private offHold(): void {
    const s = this.s;
    s.holdQueueName = undefined;
    s.heldByUserId = undefined;
    s.holdReason = 'None';
    s.callState = 'Connected';
    if (s.queueState !== 'None') s.queueState = 'Connected';
    if (this.caller) this.caller.callState = 'Connected';
  }

  private holder(): string {
    const id = this.s.heldByUserId;
    return this.members.find((m) => m.identity === id)?.displayName ?? currentAgent(this.s)?.displayName ?? 'the agent';
  }

  /** Agent members ringing, as the world knows them (a QA-made member may not be one). */
  private ringingAgent(): AgentRecord | undefined {
    const ringing = this.members.filter((m) => m.role === 'Agent' && m.callState === 'Ringing');
    const w = this.ctx.world;
    const known = w ? ringing.map((m) => agentOf(w, m)).filter((a): a is AgentRecord => a !== undefined) : [];
    if (known.length > 0) return this.ctx.rnd.pick(known);
    const m = ringing[0];
    return m ? { id: m.identity ?? '', accountIds: [], displayName: m.displayName ?? 'an agent', emailAddress: '', endpointId: m.endpointId ?? '' } : undefined;
  }

  private anyAgent(): AgentRecord | undefined {
    const w = this.ctx.world;
    return w && w.agents.length > 0 ? this.ctx.rnd.pick(w.agents) : undefined;
  }

  /** The caller and `agent` connected; the others who were ringing leave. */
  private connectOnly(agent: AgentRecord): void {
    const keep: SessionMemberInfo[] = [];
    let found = false;
    for (const m of this.members) {
      if (m.role === 'Caller') keep.push({ ...m, callState: 'Connected' });
      else if (!found && (m.identity === agent.id || m.endpointId === agent.endpointId)) {
        found = true;
        keep.push({ ...m, callState: 'Connected' });
      } else if (m.callState !== 'Ringing') keep.push(m);
    }
    if (!found) keep.push(agentMember(agent, { state: 'Connected', role: 'Agent' }, this.ctx.rnd));
    this.s.members = keep;
  }

  private moveLeg(leg: StoredSession, change: (l: SessionInfo) => string): void {
    const l = editable(leg.session);
    (l.log ??= []).push({ date: iso(this.at), message: change(l) });
    l.dateLastModified = iso(this.at);
    this.legs.set(l.id as string, { ...leg, session: inKeyOrder(l) });
  }
}

function endSession(s: SessionInfo, at: number, outcome: string): void {
  s.ended = true;
  s.outcome = outcome;
  s.callState = 'Disconnected';
  s.dialState = 'None';
  if (s.queueState !== 'None') s.queueState = 'Disconnected';
  s.holdReason = 'None';
  s.holdQueueName = undefined;
  s.heldByUserId = undefined;
  for (const m of s.members ?? []) m.callState = 'None';
  s.dateCompleted = iso(Math.max(at, Date.parse(s.dateCreated as string) + SECOND));
}

/** The agent on the call now: the newest Agent or Transfer member connected (or holding the caller). */
export function currentAgent(s: SessionInfo): SessionMemberInfo | undefined {
  const ms = s.members ?? [];
  for (let i = ms.length - 1; i >= 0; i--) {
    const m = ms[i] as SessionMemberInfo;
    if ((m.role === 'Agent' || m.role === 'Transfer') && m.callState === 'Connected') return m;
  }
  return undefined;
}

/** Members who joined a connected call beyond the first agent (a conference). */
function extraMembers(s: SessionInfo): SessionMemberInfo[] {
  const agents = (s.members ?? []).filter((m) => (m.role === 'Agent' || m.role === 'Transfer') && m.callState === 'Connected');
  return agents.slice(1);
}

function answeredAt(s: SessionInfo): number {
  const log = s.log ?? [];
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e?.message && (e.message.startsWith('Answered by') || e.message.endsWith(' answered')) && e.date) return Date.parse(e.date);
  }
  return Date.parse(s.dateCreated as string);
}

function agentOf(w: AccountWorld, m: SessionMemberInfo): AgentRecord | undefined {
  return w.agents.find((a) => a.id === m.identity || (m.endpointId != null && a.endpointId === m.endpointId));
}

function contactOf(s: SessionInfo): Contact {
  return { name: s.fromName ?? s.displayName ?? s.fromAddress ?? 'Caller', phone: s.fromAddress ?? '' };
}

/** A deep, unfrozen copy (stored sessions are frozen). */
export function editable(s: SessionInfo): SessionInfo {
  return structuredClone(s) as SessionInfo;
}

const KEY_ORDER: readonly string[] = Object.keys(blankSession('', { account: { id: '', name: '' } } as unknown as AccountWorld, 0));

/** SessionInfo's own key order, as the seed writes it, whatever order the changes came in; undefined members dropped. */
export function inKeyOrder(s: SessionInfo): SessionInfo {
  const src = s as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (src[k] !== undefined) out[k] = src[k];
  for (const k in src) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out as unknown as SessionInfo;
}
