import type { Codec } from '../wire/codec.js';
import type { WireObject } from '../spec/wire-type.js';
import type { ContractRequest } from './contract-request.js';
import type { TargetResponse } from './http-client.js';

/** One request and its answer, with the body decoded once for every check that needs it. */
export interface Observation {
  readonly request: ContractRequest;
  readonly response: TargetResponse;
  /** The DTO the body should hold: the operation's response type on success, ErrorResponse on an error. */
  readonly bodyType: WireObject;
  readonly decoded: Decoded;
}

export type Decoded =
  | { readonly kind: 'empty' }
  | { readonly kind: 'value'; readonly value: Record<string, unknown> }
  | { readonly kind: 'error'; readonly message: string };

/**
 * JSON is validated as sent (JSON.parse), so a wrong type on the wire is seen as such and not smoothed
 * over by a lenient reader. XML and JSV carry only text, so their typed value is what the project's
 * codec reads from them.
 */
export function decodeBody(text: string, codec: Codec, type: WireObject): Decoded {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    if (codec.format === 'json') {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { kind: 'error', message: `the JSON body is ${Array.isArray(value) ? 'an array' : typeof value}, not an object` };
      }
      return { kind: 'value', value: value as Record<string, unknown> };
    }
    return { kind: 'value', value: codec.parse(text, type) };
  } catch (err) {
    return { kind: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}

/** A short excerpt of a body for failure messages. */
export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
