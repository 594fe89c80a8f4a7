import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { WireObject, WireProperty, WireType } from './wire-type.js';
import type { ApiModel, HttpMethod, OperationModel } from './api-model.js';
import { EXTENSION } from './extensions.js';
import { packageRoot } from './package-root.js';

type SchemaLike = Record<string, unknown>;
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const REF_PREFIX = '#/components/schemas/';

/** The spec does not say what the server needs; the message names the place to fix. */
export class SpecError extends Error {
  constructor(message: string) {
    super(`spec/openapi.json: ${message} Run 'npm run generate' to rebuild the spec from spec/sources/.`);
    this.name = 'SpecError';
  }
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new SpecError(`${where} should be a string.`);
  return v;
}

/**
 * Builds the runtime model the codecs, the server and the contract runner use, from the spec's
 * component schemas and their x- extensions (src/spec/extensions.ts). Every $ref is followed; WireObjects
 * are shared, so one component is one object however many properties point at it.
 */
export function apiModelFromDocument(doc: OpenAPIV3_1.Document): ApiModel {
  const schemas = (doc.components?.schemas ?? {}) as Record<string, SchemaLike>;
  const objects = new Map<string, WireObject>();

  const component = (name: string, where: string): SchemaLike => {
    const s = schemas[name];
    if (!s) throw new SpecError(`${where} refers to the missing component ${name}.`);
    return s;
  };
  const refName = (s: SchemaLike): string | undefined => {
    const r = s['$ref'];
    if (typeof r !== 'string') return undefined;
    if (!r.startsWith(REF_PREFIX)) throw new SpecError(`only local component references are supported, not ${r}.`);
    return r.slice(REF_PREFIX.length);
  };

  const wireType = (s: SchemaLike, where: string): WireType => {
    const target = refName(s);
    if (target !== undefined) {
      const c = component(target, where);
      if (Array.isArray(c['enum'])) return { kind: 'enum', name: target, members: (c['enum'] as unknown[]).map((m) => String(m)) };
      return { kind: 'object', type: wireObject(target) };
    }
    switch (s['type']) {
      case 'string':
        if (Array.isArray(s['enum'])) return { kind: 'enum', name: where, members: (s['enum'] as unknown[]).map(String) };
        return { kind: 'string' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'integer':
        return { kind: 'integer' };
      case 'number':
        return { kind: 'number' };
      case 'array':
        return { kind: 'list', item: wireType((s['items'] ?? {}) as SchemaLike, `${where}[]`) };
      case 'object':
        if (s['additionalProperties'] && typeof s['additionalProperties'] === 'object') {
          return { kind: 'dictionary', value: wireType(s['additionalProperties'] as SchemaLike, `${where}{}`) };
        }
        break;
    }
    throw new SpecError(`${where} has a schema the wire model cannot read.`);
  };

  const wireObject = (name: string): WireObject => {
    const existing = objects.get(name);
    if (existing) return existing;
    const s = component(name, name);
    const properties: WireProperty[] = [];
    const xmlOrder: WireProperty[] = [];
    const obj: WireObject = {
      name,
      xmlName: str(s[EXTENSION.xmlName], `${name}.${EXTENSION.xmlName}`),
      xmlNamespace: str(s[EXTENSION.xmlNamespace], `${name}.${EXTENSION.xmlNamespace}`),
      properties,
      xmlOrder,
    };
    // Registered before its members are read, so a type that refers to itself resolves to itself.
    objects.set(name, obj);
    const props = (s['properties'] ?? {}) as Record<string, SchemaLike>;
    const byName = new Map<string, WireProperty>();
    for (const [key, p] of Object.entries(props)) {
      const description = p['description'];
      byName.set(key, {
        name: key,
        clrName: str(p[EXTENSION.clrMember], `${name}.${key}.${EXTENSION.clrMember}`),
        type: wireType(p, `${name}.${key}`),
        xmlNamespace: str(p[EXTENSION.memberNamespace], `${name}.${key}.${EXTENSION.memberNamespace}`),
        valueType: p[EXTENSION.valueType] === true,
        ...(typeof description === 'string' ? { description } : {}),
      });
    }
    const ordered = (ext: string): WireProperty[] => {
      const list = s[ext];
      if (!Array.isArray(list)) return [...byName.values()];
      return list.map((k) => {
        const p = byName.get(String(k));
        if (!p) throw new SpecError(`${name}.${ext} names ${String(k)}, which is not one of its properties.`);
        return p;
      });
    };
    properties.push(...ordered(EXTENSION.jsonOrder));
    xmlOrder.push(...ordered(EXTENSION.xmlOrder));
    return obj;
  };

  const types = new Map<string, WireObject>();
  for (const [name, s] of Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (s['type'] === 'object' && s[EXTENSION.xmlName] !== undefined) types.set(name, wireObject(name));
  }

  const operations: OperationModel[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, unknown> | undefined)?.[method] as (OpenAPIV3_1.OperationObject & SchemaLike) | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const operationId = str(op.operationId, `${where} operationId`);
      const requestName = str(op[EXTENSION.requestDto] ?? operationId, `${where} ${EXTENSION.requestDto}`);
      const responseName = str(op[EXTENSION.responseDto], `${where} ${EXTENSION.responseDto}`);
      const roles = op[EXTENSION.requiredRoles];
      operations.push({
        operationId,
        method,
        path,
        expressPath: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        requestType: wireObject(requestName),
        responseType: wireObject(responseName),
        requiresAuth: op[EXTENSION.requiresAuth] === true,
        requiredRoles: Array.isArray(roles) ? roles.map(String) : [],
        ...(op.summary !== undefined ? { summary: op.summary } : {}),
        operation: op,
      });
    }
  }
  operations.sort((a, b) => (a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0));
  return { document: doc, operations, types, errorResponse: wireObject('ErrorResponse') };
}

export function defaultSpecPath(): string {
  return join(packageRoot(), 'spec', 'openapi.json');
}

/** Reads spec/openapi.json (synchronously: it runs once at start-up) and builds the wire model. */
export function loadApiModel(specPath: string = defaultSpecPath()): ApiModel {
  let text: string;
  try {
    text = readFileSync(specPath, 'utf8');
  } catch (err) {
    throw new SpecError(`cannot read ${specPath} (${err instanceof Error ? err.message : String(err)}).`);
  }
  let doc: OpenAPIV3_1.Document;
  try {
    doc = JSON.parse(text) as OpenAPIV3_1.Document;
  } catch (err) {
    throw new SpecError(`${specPath} is not JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  return apiModelFromDocument(doc);
}
