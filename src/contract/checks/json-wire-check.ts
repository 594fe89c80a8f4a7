import type { WireObject, WireType } from '../../spec/wire-type.js';
import { failWithProblems, pass, type CheckResult, type Problem } from '../check-result.js';
import type { Observation } from '../observation.js';

type Found = Problem & { readonly text: string };

/**
 * What ServiceStack.Text's JSON writer guarantees beyond any schema: camelCase member names of the DTO,
 * null members omitted (IncludeNullValues=false), and value-type members always written, even at their
 * default, because clients read a missing bool or enum as its default and cannot tell the two apart.
 */
export function checkJsonWire(obs: Observation): CheckResult | undefined {
  if (obs.request.format !== 'json' || obs.decoded.kind !== 'value') return undefined;
  const problems: Found[] = [];
  walkObject(obs.decoded.value, obs.bodyType, '', problems);
  if (problems.length === 0) return pass('json-wire', 'camelCase members, no nulls, value types present');
  return failWithProblems('json-wire', '', problems);
}

function walkObject(value: Record<string, unknown>, type: WireObject, path: string, problems: Found[]): void {
  const byName = new Map(type.properties.map((p) => [p.name, p]));
  const add = (member: string, at: string, what: string) => problems.push({ cause: `${type.name}.${member} ${what}`, at, text: `${at} ${what}` });
  for (const [key, member] of Object.entries(value)) {
    const prop = byName.get(key);
    const where = `${path}/${key}`;
    if (!prop) {
      const other = type.properties.find((p) => p.name.toLowerCase() === key.toLowerCase());
      add(key, where, other ? `should be spelled '${other.name}'` : `is not a member of ${type.name}`);
      continue;
    }
    if (member === null) {
      add(key, where, 'is null; ServiceStack omits null members');
      continue;
    }
    walkValue(member, prop.type, where, problems);
  }
  for (const prop of type.properties) {
    if (prop.valueType && !(prop.name in value)) add(prop.name, `${path}/${prop.name}`, 'is missing; value-type members are always written');
  }
}

function walkValue(value: unknown, type: WireType, path: string, problems: Found[]): void {
  switch (type.kind) {
    case 'object':
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) walkObject(value as Record<string, unknown>, type.type, path, problems);
      return;
    case 'list':
      if (Array.isArray(value)) value.forEach((item, i) =>
          item === null
            ? problems.push({ cause: `an item of ${path.replace(/\/\d+/g, '/*') || 'the body'} is null`, at: `${path}/${i}`, text: `${path}/${i} is null` })
            : walkValue(item, type.item, `${path}/${i}`, problems),
        );
      return;
    case 'dictionary':
      if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value)) if (v !== null) walkValue(v, type.value, `${path}/${k}`, problems);
      }
      return;
    default:
      return;
  }
}
