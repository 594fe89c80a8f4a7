import { randomUUID } from 'node:crypto';
import { DEFAULT_PRIORITY, compileEffect, type BehaviourInput, type BehaviourView, type Effect } from './behaviour.js';
import { compileMatch, type RequestFacts, type RequestPredicate } from './request-match.js';

interface Entry {
  readonly id: string;
  readonly input: BehaviourInput;
  readonly priority: number;
  readonly seq: number;
  readonly createdAt: string;
  readonly matches: RequestPredicate;
  /** The match's operation in lower case: most behaviours name one, and most requests reach another. */
  readonly operation: string | undefined;
  readonly effect: Effect;
  hits: number;
  remaining: number | undefined;
}

/** What a look-up found: the behaviour's id and name for the journal, and its effect. */
export interface Hit {
  readonly id: string;
  readonly name: string | undefined;
  readonly effect: Effect;
}

/**
 * The behaviours in force, tried in priority order (1 first), newest first among equals, as WireMock
 * picks stubs. With none set, a look-up is one length check: the request path pays nothing for them.
 */
export class BehaviourRegistry {
  private ordered: Entry[] = [];
  private seq = 0;
  private readonly listeners = new Set<() => void>();

  get size(): number {
    return this.ordered.length;
  }

  /** `check` sees the compiled effect first (the spec check on a body); throw from it to refuse. */
  add(input: BehaviourInput, check?: (input: BehaviourInput, effect: Effect) => void, restored?: { id: string; createdAt: string }): BehaviourView {
    const effect = compileEffect(input.respond);
    check?.(input, effect);
    const entry: Entry = {
      id: restored?.id ?? randomUUID(),
      input,
      priority: input.priority ?? DEFAULT_PRIORITY,
      seq: ++this.seq,
      createdAt: restored?.createdAt ?? new Date().toISOString(),
      matches: compileMatch(input.match ?? {}),
      operation: input.match?.operation?.toLowerCase(),
      effect,
      hits: 0,
      remaining: input.times,
    };
    this.ordered = [...this.ordered, entry].sort((a, b) => a.priority - b.priority || b.seq - a.seq);
    this.changed();
    return view(entry);
  }

  /** The behaviour for this request, counted as a match (and removed once its `times` are used up). */
  find(facts: RequestFacts): Hit | undefined {
    const operation = facts.operation?.toLowerCase();
    for (const entry of this.ordered) {
      if ((entry.operation !== undefined && entry.operation !== operation) || !entry.matches(facts)) continue;
      entry.hits++;
      if (entry.remaining !== undefined) {
        if (--entry.remaining <= 0) this.remove(entry.id);
        else this.changed();
      }
      return { id: entry.id, name: entry.input.name, effect: entry.effect };
    }
    return undefined;
  }

  list(): BehaviourView[] {
    return this.ordered.map(view);
  }

  get(id: string): BehaviourView | undefined {
    const entry = this.ordered.find((e) => e.id === id);
    return entry && view(entry);
  }

  remove(id: string): boolean {
    const before = this.ordered.length;
    this.ordered = this.ordered.filter((e) => e.id !== id);
    if (this.ordered.length === before) return false;
    this.changed();
    return true;
  }

  clear(): number {
    const n = this.ordered.length;
    this.ordered = [];
    if (n > 0) this.changed();
    return n;
  }

  /** Called after every change, a use of a behaviour with `times` included (the persisted file follows it). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function view(e: Entry): BehaviourView {
  return {
    id: e.id,
    ...(e.input.name !== undefined ? { name: e.input.name } : {}),
    match: e.input.match ?? {},
    respond: e.input.respond,
    ...(e.input.times !== undefined ? { times: e.input.times, remaining: e.remaining ?? 0 } : {}),
    priority: e.priority,
    ...(e.input.persist ? { persist: true } : {}),
    hits: e.hits,
    createdAt: e.createdAt,
  };
}
