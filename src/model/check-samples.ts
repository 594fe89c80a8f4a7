import type { DtoPage, PageSample, TypeExpr, XmlNode } from '../pages/page-model.js';
import { instantiate, jsonOrder, xmlOrder, type ClassInstance } from './class-instances.js';
import type { DisagreementLog } from './disagreements.js';
import type { ModelOperation, ModelType } from './model-types.js';

type Types = ReadonlyMap<string, ModelType>;

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Holds the model against the page samples, which are the only evidence of wire order: JSON and JSV
 * members in ServiceStack.Text order (own members, then the base's), XML elements in
 * DataContractSerializer order (base first, then alphabetical), list items named after their type,
 * enum values among the enum's members. Whatever does not match is reported, not hidden.
 */
export function checkSamples(pages: readonly DtoPage[], operations: readonly ModelOperation[], types: Types, log: DisagreementLog): void {
  for (const op of operations) {
    const page = pages.find((p) => p.source === op.source);
    if (!page) continue;
    for (const sample of page.samples) {
      const inst = instantiate(types, sample.role === 'request' ? { kind: 'ref', name: op.name, args: [] } : op.response);
      if (!inst) continue;
      const problems: string[] = [];
      if (sample.xml) checkXml(types, inst, sample.xml, inst.cls.name, problems);
      else if (sample.value !== undefined) checkValue(types, inst, sample.value, inst.clrName, sample, problems);
      for (const problem of problems) {
        log.add(`${page.source} ${sample.format.toUpperCase()} ${sample.role} sample: ${problem.split(': ')[0]}`, [`${page.source}: ${problem}`], 'the spec follows the model; the sample is kept as the example');
      }
    }
  }
}

function enumMembers(types: Types, t: TypeExpr): readonly string[] | undefined {
  if (t.kind !== 'ref') return undefined;
  const found = types.get(t.name);
  return found?.kind === 'enum' ? found.members : undefined;
}

function checkValue(types: Types, inst: ClassInstance, value: unknown, path: string, sample: PageSample, problems: string[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  const placed = jsonOrder(types, inst);
  const expected = placed.map((p) => p.prop.name).filter((n) => n in obj);
  const actual = Object.keys(obj);
  const unknown = actual.filter((k) => !placed.some((p) => p.prop.name === k));
  if (unknown.length) problems.push(`${path}: members the model does not have: ${unknown.join(', ')}`);
  else if (!sameSequence(expected, actual)) problems.push(`${path}: member order ${actual.join(',')} differs from the model's ${expected.join(',')}`);
  for (const { prop } of placed) {
    if (!(prop.name in obj)) continue;
    const v = obj[prop.name];
    const itemType = prop.type.kind === 'list' ? prop.type.item : prop.type;
    const members = enumMembers(types, prop.type);
    if (members && typeof v === 'string' && !members.includes(v)) problems.push(`${path}.${prop.name}: '${v}' is not a member of ${prop.clrType}`);
    const nested = instantiate(types, itemType);
    if (!nested) continue;
    const items = prop.type.kind === 'list' && Array.isArray(v) ? v : [v];
    items.forEach((item, i) => checkValue(types, nested, item, `${path}.${prop.name}${prop.type.kind === 'list' ? `[${i}]` : ''}`, sample, problems));
  }
}

function checkXml(types: Types, inst: ClassInstance, el: XmlNode, path: string, problems: string[]): void {
  const placed = xmlOrder(types, inst);
  const present = new Set(el.children.map((c) => c.name));
  const expected = placed.map((p) => p.prop.clrName).filter((n) => present.has(n));
  const actual = el.children.map((c) => c.name);
  const unknown = actual.filter((n) => !placed.some((p) => p.prop.clrName === n));
  if (unknown.length) problems.push(`<${path}>: elements the model does not have: ${unknown.join(', ')}`);
  else if (!sameSequence(expected, actual)) problems.push(`<${path}>: element order ${actual.join(',')} differs from the model's ${expected.join(',')}`);
  for (const { prop } of placed) {
    const child = el.children.find((c) => c.name === prop.clrName);
    if (!child) continue;
    const members = enumMembers(types, prop.type);
    if (members && child.text !== undefined && !members.includes(child.text)) problems.push(`<${path}/${child.name}>: '${child.text}' is not a member of ${prop.clrType}`);
    if (prop.type.kind === 'list') {
      const itemInst = instantiate(types, prop.type.item);
      const itemName = itemInst ? itemInst.cls.name : prop.type.item.kind === 'scalar' ? prop.type.item.name : undefined;
      for (const item of child.children) {
        if (itemName !== undefined && item.name !== itemName) problems.push(`<${path}/${child.name}>: item <${item.name}> is not named after its type ${itemName}`);
        if (itemInst) checkXml(types, itemInst, item, `${path}/${child.name}/${item.name}`, problems);
      }
      continue;
    }
    const nested = instantiate(types, prop.type);
    if (nested) checkXml(types, nested, child, `${path}/${child.name}`, problems);
  }
}
