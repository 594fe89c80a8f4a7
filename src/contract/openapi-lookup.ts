import type { OpenAPIV3_1 } from 'openapi-types';

type Doc = OpenAPIV3_1.Document;
export type Schema = OpenAPIV3_1.SchemaObject;
type MaybeRef<T> = T | OpenAPIV3_1.ReferenceObject;

/** Follows a local `#/...` reference (repeatedly, for a ref to a ref). */
export function deref<T>(doc: Doc, value: MaybeRef<T>): T {
  let current: unknown = value;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 20) throw new Error(`reference loop at ${current.$ref}`);
    current = pointer(doc, current.$ref);
  }
  return current as T;
}

export function isRef(value: unknown): value is OpenAPIV3_1.ReferenceObject {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

function pointer(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported, not ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`the spec has no ${ref}`);
  }
  return node;
}

export interface ParameterInfo {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required: boolean;
  /** Dereferenced at the top level; nested refs remain (AJV resolves those). */
  readonly schema: Schema;
  readonly rawSchema: MaybeRef<Schema>;
  readonly description?: string;
  readonly example?: unknown;
}

export function parametersOf(doc: Doc, operation: OpenAPIV3_1.OperationObject, pathItem?: OpenAPIV3_1.PathItemObject): ParameterInfo[] {
  const all = [...(pathItem?.parameters ?? []), ...(operation.parameters ?? [])];
  const byKey = new Map<string, ParameterInfo>();
  for (const entry of all) {
    const p = deref<OpenAPIV3_1.ParameterObject>(doc, entry);
    const rawSchema = (p.schema ?? {}) as MaybeRef<Schema>;
    const info: ParameterInfo = {
      name: p.name,
      in: p.in as ParameterInfo['in'],
      required: p.required === true || p.in === 'path',
      schema: deref<Schema>(doc, rawSchema),
      rawSchema,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(p.example !== undefined ? { example: p.example } : {}),
    };
    byKey.set(`${info.in}:${info.name}`, info);
  }
  return [...byKey.values()];
}

/** The schema of a JSON request body, if the operation takes one. */
export function requestBodySchema(doc: Doc, operation: OpenAPIV3_1.OperationObject): MaybeRef<Schema> | undefined {
  if (!operation.requestBody) return undefined;
  const body = deref<OpenAPIV3_1.RequestBodyObject>(doc, operation.requestBody);
  return pickContent(body.content)?.schema as MaybeRef<Schema> | undefined;
}

/** The declared response for a status: the exact code, then its class (4XX), then `default`. */
export function responseFor(doc: Doc, operation: OpenAPIV3_1.OperationObject, status: number): { schema?: MaybeRef<Schema>; declared: boolean; mediaTypes: string[] } {
  const responses = operation.responses ?? {};
  const entry = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
  if (entry === undefined) return { declared: false, mediaTypes: [] };
  const response = deref<OpenAPIV3_1.ResponseObject>(doc, entry);
  const content = response.content ?? {};
  const picked = pickContent(content);
  return {
    declared: true,
    mediaTypes: Object.keys(content),
    ...(picked?.schema !== undefined ? { schema: picked.schema as MaybeRef<Schema> } : {}),
  };
}

/** Decoded bodies are JSON-shaped whatever their format, so the JSON schema is the one to validate with. */
function pickContent(content: Record<string, OpenAPIV3_1.MediaTypeObject> | undefined): OpenAPIV3_1.MediaTypeObject | undefined {
  if (!content) return undefined;
  return content['application/json'] ?? Object.values(content)[0];
}

/** Statuses the operation declares as success (2xx), in order. */
export function successStatuses(operation: OpenAPIV3_1.OperationObject): number[] {
  return Object.keys(operation.responses ?? {})
    .filter((k) => /^2\d\d$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The example an operation gives for its request body, if any. */
export function requestBodyExample(doc: Doc, operation: OpenAPIV3_1.OperationObject): unknown {
  if (!operation.requestBody) return undefined;
  const body = deref<OpenAPIV3_1.RequestBodyObject>(doc, operation.requestBody);
  const media = pickContent(body.content);
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? undefined : deref<OpenAPIV3_1.ExampleObject>(doc, first).value;
}

export function pathItemOf(doc: Doc, path: string): OpenAPIV3_1.PathItemObject | undefined {
  return doc.paths?.[path];
}
