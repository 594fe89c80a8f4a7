import { memberKey } from '../pages/names.js';
import type { DtoPage, XmlNode } from '../pages/page-model.js';
import type { DisagreementLog } from './disagreements.js';
import type { DraftClass } from './merge-types.js';
import { DATACONTRACT_NS_PREFIX, type XmlNamespaceFact } from './model-types.js';

interface Seen {
  uri: string;
  where: string;
}

/**
 * Reads each class's XML namespace off the XML samples: the root's namespace is its type's; each
 * member element carries the namespace of the class that declares it (so EntityInfo's members show
 * Voice.Api inside a Voice.Api.Sessions SessionInfo); a list item carries its item type's.
 */
export function namespacesFromSamples(pages: readonly DtoPage[], classes: ReadonlyMap<string, DraftClass>, log: DisagreementLog): Map<string, Seen> {
  const seen = new Map<string, Seen[]>();
  const record = (cls: string, uri: string, where: string): void => {
    seen.set(cls, [...(seen.get(cls) ?? []), { uri, where }]);
  };
  const declaringClass = (cls: string, key: string): { owner: DraftClass; prop: DraftClass['properties'][number] } | undefined => {
    let c = classes.get(cls);
    while (c) {
      const prop = c.properties.find((p) => memberKey(p.name) === key);
      if (prop) return { owner: c, prop };
      c = c.base?.kind === 'ref' ? classes.get(c.base.name) : undefined;
    }
    return undefined;
  };
  const walkMembers = (cls: string, el: XmlNode, path: string, source: string): void => {
    for (const child of el.children) {
      const found = declaringClass(cls, memberKey(child.name));
      if (!found) continue;
      const where = `${source} <${path}/${child.name}>`;
      record(found.owner.name, child.namespace, where);
      const t = found.prop.type;
      if (t.kind === 'ref' && classes.has(t.name)) walkMembers(t.name, child, `${path}/${child.name}`, source);
      if (t.kind === 'list' && t.item.kind === 'ref' && classes.has(t.item.name)) {
        const itemType = t.item.name;
        for (const item of child.children) {
          record(itemType, item.namespace, `${source} <${path}/${child.name}/${item.name}>`);
          walkMembers(itemType, item, `${path}/${child.name}/${item.name}`, source);
        }
      }
    }
  };
  for (const page of pages) {
    for (const sample of page.samples) {
      if (!sample.xml || !classes.has(sample.xml.name)) continue;
      record(sample.xml.name, sample.xml.namespace, `${page.source} <${sample.xml.name}> (${sample.role})`);
      walkMembers(sample.xml.name, sample.xml, sample.xml.name, page.source);
    }
  }
  const result = new Map<string, Seen>();
  for (const [cls, list] of seen) {
    const uris = [...new Set(list.map((s) => s.uri))];
    if (uris.length > 1) {
      log.add(`XML namespace of ${cls}`, uris.map((u) => `${list.find((s) => s.uri === u)!.where}: ${u}`), `kept ${uris[0]}`);
    }
    result.set(cls, list[0]!);
  }
  return result;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * Every class gets a namespace: from the samples where they show it, otherwise inferred and marked so.
 * Operation DTOs take the namespace of the service's other operation DTOs that a sample shows; generic
 * helper types take the namespace the F# rendering declares (the page's root namespace, where EntityInfo,
 * the other shared base type, also lives); anything else takes the service's namespace.
 */
export function assignNamespaces(
  pages: readonly DtoPage[],
  classes: ReadonlyMap<string, DraftClass>,
  operationDtos: ReadonlySet<string>,
  log: DisagreementLog,
): Map<string, XmlNamespaceFact> {
  const seen = namespacesFromSamples(pages, classes, log);
  const facts = new Map<string, XmlNamespaceFact>();
  for (const [cls, s] of seen) facts.set(cls, { uri: s.uri, inferred: false, evidence: s.where });
  const serviceNs =
    mostCommon([...operationDtos].filter((n) => seen.has(n)).map((n) => seen.get(n)!.uri)) ?? mostCommon([...seen.values()].map((s) => s.uri));
  const serviceFrom = [...operationDtos].filter((n) => seen.has(n) && seen.get(n)!.uri === serviceNs);
  const codeNs = pages.map((p) => p.codeNamespace).find((n) => n !== undefined);
  for (const cls of [...classes.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (facts.has(cls.name)) continue;
    let fact: XmlNamespaceFact;
    if (cls.typeParams.length > 0 && codeNs !== undefined) {
      const source = pages.find((p) => p.codeNamespace === codeNs)!.source;
      fact = { uri: DATACONTRACT_NS_PREFIX + codeNs, inferred: true, evidence: `inferred: no sample shows it; ${source} declares namespace ${codeNs} for its code` };
    } else if (serviceNs !== undefined) {
      fact = {
        uri: serviceNs,
        inferred: true,
        evidence: `inferred: no sample shows it; same service as ${serviceFrom.join(', ') || 'the sampled types'}`,
      };
    } else {
      fact = { uri: DATACONTRACT_NS_PREFIX + (codeNs ?? ''), inferred: true, evidence: 'inferred: no sample shows any namespace' };
    }
    facts.set(cls.name, fact);
    log.add(`XML namespace of ${cls.name} (no sample shows it)`, [fact.evidence], `${fact.uri} (marked inferred in the spec)`);
  }
  return facts;
}
