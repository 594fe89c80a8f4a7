import type { WireObject, WireType } from '../spec/wire-type.js';

/**
 * What the target's own answers showed: every object met, by type, and every string met under each
 * property name. Valid requests take their ids and filter values from here, so they ask for things
 * the target really holds, whoever its data belongs to.
 */
export class DataPool {
  private readonly objects = new Map<string, Record<string, unknown>[]>();
  /** The same objects keyed by the operation whose answer held them, e.g. ListSessions|SessionInfo. */
  private readonly bySource = new Map<string, Record<string, unknown>[]>();
  private readonly strings = new Map<string, Set<string>>();
  private readonly seenIds = new Set<string>();

  /** Walks a decoded body as the type it is, collecting objects and string values. */
  harvest(value: Record<string, unknown>, type: WireObject, source?: string): void {
    this.walkObject(value, type, undefined, source);
  }

  /**
   * Objects of a type; with `source`, only those an operation's answers held, so a filter value is
   * one that operation can find (an active session may be archived and absent from a plain list).
   */
  objectsOf(typeName: string, source?: string): readonly Record<string, unknown>[] {
    return (source === undefined ? this.objects.get(typeName) : this.bySource.get(`${source}|${typeName}`)) ?? [];
  }

  /** Distinct non-empty strings seen under a property (case-insensitive name), in the order first seen. */
  valuesOf(propName: string): string[] {
    return [...(this.strings.get(propName.toLowerCase()) ?? [])];
  }

  /** Distinct strings seen anywhere beneath a property whose name starts with `prefix`, e.g. from -> fromAddress. */
  textsUnder(prefix: string): string[] {
    const out = new Set<string>();
    for (const [key, values] of this.strings) {
      if (key.startsWith(prefix.toLowerCase())) for (const v of values) out.add(v);
    }
    return [...out];
  }

  /** The ids of objects of a type, used for path parameters and specificIds. */
  idsOf(typeName: string, source?: string, idProp = 'id'): string[] {
    const ids = new Set<string>();
    for (const o of this.objectsOf(typeName, source)) if (typeof o[idProp] === 'string' && o[idProp] !== '') ids.add(o[idProp]);
    return [...ids];
  }

  /** Remembers an id the target gave out (created or listed), so an "unknown id" never collides with it. */
  isKnownId(id: string): boolean {
    return this.seenIds.has(id.toLowerCase());
  }

  private walkObject(value: Record<string, unknown>, type: WireObject, under: string | undefined, source: string | undefined): void {
    remember(this.objects, type.name, value);
    if (source !== undefined) remember(this.bySource, `${source}|${type.name}`, value);
    for (const prop of type.properties) {
      const member = value[prop.name];
      if (member !== undefined && member !== null) this.walkValue(member, prop.type, under ?? prop.name, prop.name, source);
    }
  }

  private walkValue(value: unknown, type: WireType, topName: string, name: string, source: string | undefined): void {
    switch (type.kind) {
      case 'string':
        if (typeof value === 'string' && value !== '') {
          this.addString(name, value);
          if (topName !== name) this.addString(topName, value);
          if (name.toLowerCase() === 'id' || name.toLowerCase().endsWith('id')) this.seenIds.add(value.toLowerCase());
        }
        return;
      case 'enum':
        if (typeof value === 'string') this.addString(name, value);
        return;
      case 'object':
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) this.walkObject(value as Record<string, unknown>, type.type, topName, source);
        return;
      case 'list':
        if (Array.isArray(value)) for (const item of value) if (item !== null) this.walkValue(item, type.item, topName, name, source);
        return;
      case 'dictionary':
        return;
      default:
        return;
    }
  }

  private addString(name: string, value: string): void {
    const key = name.toLowerCase();
    const set = this.strings.get(key) ?? new Set<string>();
    if (set.size < 500) set.add(value);
    this.strings.set(key, set);
  }
}

/** Bounded, so a target with huge lists cannot make the pool grow without end; objects with an id once each. */
function remember(map: Map<string, Record<string, unknown>[]>, key: string, value: Record<string, unknown>): void {
  const list = map.get(key) ?? [];
  if (list.length < 500 && !(value['id'] !== undefined && list.some((o) => o['id'] === value['id']))) list.push(value);
  map.set(key, list);
}
