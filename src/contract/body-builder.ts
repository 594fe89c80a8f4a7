import fc from 'fast-check';
import type { OperationModel } from '../spec/api-model.js';
import type { WireProperty } from '../spec/wire-type.js';
import type { DataPool } from './data-pool.js';
import { hostileString } from './value-arbitraries.js';

/**
 * Request bodies for write operations, built from the request DTO. Only members that the response DTO
 * also carries are set, so the answer can be checked to echo them; a member naming another entity
 * (`...Id`) is set only to an id the target has shown, never to a made-up one; lists of strings are
 * left out (they name users and addresses the runner cannot know). Property runs vary enums and
 * strings; the basic body takes the spec's example enum value when it is a member, else the first.
 */
export function echoedMembers(op: OperationModel): WireProperty[] {
  const response = new Map(op.responseType.properties.map((p) => [p.name, p]));
  return op.requestType.properties.filter((p) => {
    const r = response.get(p.name);
    return r !== undefined && r.type.kind === p.type.kind && ['string', 'enum', 'boolean', 'integer'].includes(p.type.kind);
  });
}

export function bodyArbitrary(op: OperationModel, pool: DataPool, example: unknown, text: fc.Arbitrary<string> = hostileString(), varyEnums = true): fc.Arbitrary<Record<string, unknown>> {
  const ex = typeof example === 'object' && example !== null ? (example as Record<string, unknown>) : {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of echoedMembers(op)) {
    const arb = memberArbitrary(p, pool, ex[p.name], text, varyEnums);
    if (arb) model[p.name] = arb;
  }
  return fc.record(model) as fc.Arbitrary<Record<string, unknown>>;
}

/** One plain, readable body for the basic positive case. */
export function basicBody(op: OperationModel, pool: DataPool, example: unknown, marker: string): Record<string, unknown> {
  const [value] = fc.sample(bodyArbitrary(op, pool, example, fc.constant(marker), false), { numRuns: 1, seed: 1 });
  return value ?? {};
}

function memberArbitrary(p: WireProperty, pool: DataPool, example: unknown, text: fc.Arbitrary<string>, varyEnums: boolean): fc.Arbitrary<unknown> | undefined {
  switch (p.type.kind) {
    case 'enum': {
      const members = p.type.members;
      if (varyEnums && members.length) return fc.constantFrom(...members);
      const pick = typeof example === 'string' && members.includes(example) ? example : members[0];
      return pick === undefined ? undefined : fc.constant(pick);
    }
    case 'boolean':
      return varyEnums ? fc.boolean() : fc.constant(false);
    case 'integer':
      return varyEnums ? fc.integer({ min: 0, max: 100 }) : fc.constant(1);
    case 'string': {
      if (/id$/i.test(p.name)) {
        const seen = pool.valuesOf(p.name).slice(0, 20);
        return seen.length ? fc.constantFrom(...seen) : undefined;
      }
      return text;
    }
    default:
      return undefined;
  }
}
