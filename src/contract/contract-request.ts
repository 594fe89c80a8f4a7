import type { HttpMethod } from '../spec/api-model.js';
import type { WireFormat } from '../wire/codec.js';

/** One HTTP request a case sends, described before it is encoded for a format. */
export interface ContractRequest {
  readonly method: HttpMethod;
  /** OpenAPI path template, e.g. /sessions/{sessionId}. */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query values; lists are sent comma-joined, as the Evo Voice dashboard sends them. */
  readonly query: Readonly<Record<string, QueryValue>>;
  /** The request DTO for operations with a body (canonical camelCase value). */
  readonly body?: Readonly<Record<string, unknown>>;
  /** Body members to write as plain text whatever their type: how a wrong-typed value gets on the wire. */
  readonly textMembers?: readonly string[];
  /** false for the "no credentials" cases. */
  readonly authenticated: boolean;
  /** The format the response is asked for in (and the body is written in). */
  readonly format: WireFormat;
}

export type QueryValue = string | number | boolean | readonly string[];

/** A short one-line rendering for progress lines and failure messages. */
export function describeRequest(r: ContractRequest): string {
  let path = r.path;
  for (const [k, v] of Object.entries(r.pathParams)) path = path.replace(`{${k}}`, encodeURIComponent(v));
  const q = Object.entries(r.query)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('&');
  const body = r.body === undefined ? '' : ` body=${JSON.stringify(r.body)}`;
  return `${r.method.toUpperCase()} ${path}${q ? `?${q}` : ''} [${r.format}${r.authenticated ? '' : ', no credentials'}]${body}`;
}
