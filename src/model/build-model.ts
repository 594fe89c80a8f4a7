import type { DtoPage, TypeExpr } from '../pages/page-model.js';
import { referencedNames } from '../pages/type-expr.js';
import { checkSamples } from './check-samples.js';
import { DisagreementLog } from './disagreements.js';
import { mergeTypes, type DraftClass } from './merge-types.js';
import type { MergedModel, ModelClass, ModelOperation, ModelType } from './model-types.js';
import { resolveResponse } from './resolve-response.js';
import { recordServerFacts } from './server-facts.js';
import { assignNamespaces } from './xml-namespaces.js';

interface DraftOperation extends Omit<ModelOperation, 'requiresAuth' | 'roles'> {
  readonly requiresAuth?: boolean;
  readonly roles: readonly string[];
}

/**
 * Merges the pages into one model: types (with every page's evidence), operations, XML namespaces,
 * and the list of disagreements with how each was resolved. Pure: pages in, model out.
 */
export function buildModel(pages: readonly DtoPage[]): MergedModel {
  const log = new DisagreementLog();
  const sorted = [...pages].sort((a, b) => a.operation.localeCompare(b.operation));
  const merged = mergeTypes(sorted, log);

  const drafts: DraftOperation[] = sorted.map((page) => {
    const name = merged.requestDtos.get(page.source) ?? page.operation;
    if (!merged.classes.has(name)) {
      throw new Error(`${page.source}: the request DTO ${name} has no members or type on the page; check that the page is a ServiceStack metadata page.`);
    }
    const { verb, route } = page.header;
    if (verb === undefined || route === undefined) {
      throw new Error(`${page.source}: no route found (expected a line like 'GET /sessions' or 'GET | /sessions |' near the top).`);
    }
    const pathParams = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const description = page.header.description ?? merged.classes.get(name)!.description;
    return {
      name,
      verb: verb.toLowerCase(),
      route,
      pathParams,
      response: resolveResponse(page, name, merged, log),
      ...(page.header.requiresAuth !== undefined ? { requiresAuth: page.header.requiresAuth } : {}),
      roles: page.header.roles,
      ...(description !== undefined ? { description } : {}),
      source: page.source,
      samples: page.samples,
    };
  });
  const operations = drafts.map((d) => resolveAuth(d, drafts, log));

  const reachable = reachableTypes(operations, merged.classes, merged.enums);
  const dropped = [...merged.classes.keys(), ...merged.enums.keys()].filter((n) => !reachable.has(n)).sort();
  if (dropped.length > 0) {
    log.add(
      `types no operation reaches: ${dropped.join(', ')}`,
      dropped.map((n) => `${n}: on ${[...(merged.classes.get(n)?.sources ?? merged.enums.get(n)?.sources ?? [])].join(', ')}`),
      'dropped from the spec (they came in only through the page rendering of the list response)',
    );
  }
  const kept = new Map([...merged.classes].filter(([n]) => reachable.has(n)));
  const operationDtos = new Set(operations.flatMap((o) => [o.name, ...(o.response.kind === 'ref' && o.response.args.length === 0 ? [o.response.name] : [])]));
  const namespaces = assignNamespaces(sorted, kept, operationDtos, log);

  const types = new Map<string, ModelType>();
  for (const [name, draft] of [...kept].sort((a, b) => a[0].localeCompare(b[0]))) types.set(name, finishClass(draft, namespaces.get(name)!));
  for (const [name, en] of [...merged.enums].sort((a, b) => a[0].localeCompare(b[0]))) if (reachable.has(name)) types.set(name, en);
  checkSamples(sorted, operations, types, log);
  recordServerFacts(log);
  return { types, operations, disagreements: log.items };
}

function finishClass(d: DraftClass, ns: ModelClass['xmlNamespace']): ModelClass {
  return { kind: 'class', ...d, xmlNamespace: ns, dataContractOrder: false };
}

function segments(route: string): string[] {
  return route.split('/').filter((s) => s !== '');
}

/**
 * A page that says nothing about authentication takes its parent resource's rule (the operation whose
 * route is the longest leading part of its own, e.g. GET /sessions for GET /sessions/{sessionId}),
 * else the rule every sibling on the same first route segment shares.
 */
function resolveAuth(op: DraftOperation, all: readonly DraftOperation[], log: DisagreementLog): ModelOperation {
  if (op.requiresAuth !== undefined) return { ...op, requiresAuth: op.requiresAuth, roles: op.roles };
  const mine = segments(op.route);
  const siblings = all.filter((o) => o !== op && o.requiresAuth !== undefined && segments(o.route)[0] === mine[0]);
  const parents = siblings
    .filter((o) => {
      const theirs = segments(o.route);
      return theirs.length < mine.length && theirs.every((s, i) => s === mine[i]);
    })
    .sort((a, b) => segments(b.route).length - segments(a.route).length);
  const parent = parents[0];
  let requiresAuth: boolean;
  let roles: string[];
  let why: string;
  if (parent) {
    requiresAuth = parent.requiresAuth!;
    roles = [...parent.roles];
    why = `as its parent resource ${parent.name} (${parent.verb.toUpperCase()} ${parent.route})`;
  } else if (siblings.length > 0) {
    requiresAuth = siblings.every((s) => s.requiresAuth);
    roles = siblings.reduce<string[]>((acc, s) => acc.filter((x) => s.roles.includes(x)), [...siblings[0]!.roles]);
    why = `the rule its siblings on /${mine[0]} share`;
  } else {
    requiresAuth = false;
    roles = [];
    why = 'no sibling operation to follow';
  }
  log.add(
    `${op.source} says nothing about authentication for ${op.name}`,
    siblings.map((s) => `${s.source}: ${s.verb.toUpperCase()} ${s.route} ${s.requiresAuth ? 'requires authentication' : 'is public'}${s.roles.length ? `, role ${s.roles.join(', ')}` : ''}`),
    `${requiresAuth ? 'requires authentication' : 'public'}${roles.length ? `, role ${roles.join(', ')}` : ', no role'}: ${why}`,
  );
  return { ...op, requiresAuth, roles };
}

function reachableTypes(
  operations: readonly ModelOperation[],
  classes: ReadonlyMap<string, DraftClass>,
  enums: ReadonlyMap<string, unknown>,
): Set<string> {
  const seen = new Set<string>();
  const visit = (t: TypeExpr): void => {
    for (const name of referencedNames(t)) {
      if (seen.has(name)) continue;
      if (enums.has(name)) seen.add(name);
      const cls = classes.get(name);
      if (!cls) continue;
      seen.add(name);
      if (cls.base) visit(cls.base);
      for (const p of cls.properties) visit(p.type);
    }
  };
  for (const op of operations) {
    visit({ kind: 'ref', name: op.name, args: [] });
    visit(op.response);
  }
  return seen;
}
