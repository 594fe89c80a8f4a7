import { memberKey } from '../pages/names.js';
import type { DtoPage, TypeExpr } from '../pages/page-model.js';
import { formatType } from '../pages/type-expr.js';
import type { DisagreementLog } from './disagreements.js';
import type { DraftClass, MergedTypes } from './merge-types.js';

/** Own and inherited member keys of a class (generic bases included). */
export function allMemberKeys(name: string, classes: ReadonlyMap<string, DraftClass>): string[] {
  const cls = classes.get(name);
  if (!cls) return [];
  const own = cls.properties.map((p) => memberKey(p.name));
  return cls.base?.kind === 'ref' ? [...own, ...allMemberKeys(cls.base.name, classes)] : own;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The non-generic class whose members are exactly the sample object's keys. */
function classForObject(obj: Record<string, unknown>, classes: ReadonlyMap<string, DraftClass>): string | undefined {
  const keys = Object.keys(obj).map(memberKey);
  const hits = [...classes.values()].filter((c) => c.typeParams.length === 0 && sameKeys(allMemberKeys(c.name, classes), keys));
  return hits.length === 1 ? hits[0]!.name : undefined;
}

/**
 * Which DTO an operation answers with. ServiceStack's convention first (`{Request}Response`), then
 * the sample: an XML root names its type; a JSON or JSV body is matched by its member names, and a
 * generic type's argument by the members of the items it holds. A page's own rendering of a closed
 * generic (ListResponse<AccountInfo>) is checked against that and against the request's generic base.
 */
export function resolveResponse(page: DtoPage, requestName: string, merged: MergedTypes, log: DisagreementLog): TypeExpr {
  const { classes } = merged;
  const conventional = `${requestName}Response`;
  if (classes.has(conventional)) return { kind: 'ref', name: conventional, args: [] };
  const sample = page.samples.find((s) => s.role === 'response');
  if (sample?.xml && classes.has(sample.xml.name)) return { kind: 'ref', name: sample.xml.name, args: [] };
  const obj = sample ? objectOf(sample.value) : undefined;
  if (obj) {
    const plain = classForObject(obj, classes);
    if (plain) return { kind: 'ref', name: plain, args: [] };
    const keys = Object.keys(obj).map(memberKey);
    for (const cls of classes.values()) {
      if (cls.typeParams.length === 0 || !sameKeys(allMemberKeys(cls.name, classes), keys)) continue;
      const args = cls.typeParams.map((param) => {
        const holder = cls.properties.find((p) => (p.type.kind === 'list' ? p.type.item : p.type).kind === 'ref' && ((p.type.kind === 'list' ? p.type.item : p.type) as { name: string }).name === param);
        const item = holder ? objectOf(obj[Object.keys(obj).find((k) => memberKey(k) === memberKey(holder.name))!]) : undefined;
        const found = item ? classForObject(item, classes) : undefined;
        return found;
      });
      if (args.some((a) => a === undefined)) continue;
      const resolved: TypeExpr = { kind: 'ref', name: cls.name, args: args.map((a) => ({ kind: 'ref', name: a!, args: [] })) };
      const rendered = merged.closedRenderings.find((r) => r.source === page.source && r.name === cls.name);
      if (rendered && rendered.args.map(formatType).join(',') !== args.join(',')) {
        const requestBase = classes.get(requestName)?.base;
        log.add(
          `${page.source} renders the response as ${cls.name}<${rendered.args.map(formatType).join(', ')}>`,
          [
            `${page.source} (${page.dialect}): type ${cls.name}<${rendered.args.map(formatType).join(', ')}>, items: List<${rendered.args.map(formatType).join(', ')}>`,
            `${page.source} JSON sample: items hold the members of ${args.join(', ')}`,
            ...(requestBase ? [`${page.source}: ${requestName} inherits ${formatType(requestBase)}`] : []),
          ],
          `${formatType(resolved)} (a quirk of the page generator; the generic definition ${cls.name}<${cls.typeParams.join(', ')}> is kept)`,
        );
      }
      return resolved;
    }
  }
  throw new Error(
    `${page.source}: cannot tell which DTO ${requestName} returns: there is no ${conventional} type, and no response sample names or matches a type. Add the response DTO or a sample to the page.`,
  );
}
