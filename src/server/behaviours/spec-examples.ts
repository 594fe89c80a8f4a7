import type { OperationModel } from '../../spec/api-model.js';
import type { CodecRegistry } from '../../wire/codec-registry.js';
import { bodyKind } from '../wire/media-type.js';

/**
 * The named examples the spec gives for an operation's answers, as values: an example written in XML
 * or JSV (the DTO pages' samples) is read with that format's codec, so `Prefer: example=` can answer
 * it in whatever format the request negotiated.
 */
export function specExamples(op: OperationModel, codecs: CodecRegistry): ReadonlyMap<string, unknown> {
  const cached = cache.get(op);
  if (cached) return cached;
  const examples = new Map<string, unknown>();
  for (const [code, response] of Object.entries(op.operation.responses ?? {})) {
    if (!code.startsWith('2') || !('content' in response) || !response.content) continue;
    for (const [contentType, media] of Object.entries(response.content)) {
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        if (examples.has(name) || !('value' in example)) continue;
        const value: unknown = example.value;
        if (typeof value !== 'string') {
          examples.set(name, value);
          continue;
        }
        const kind = bodyKind(contentType, codecs);
        const codec = kind.kind === 'codec' ? kind.codec : undefined;
        if (codec) examples.set(name, codec.parse(value, op.responseType));
      }
    }
  }
  cache.set(op, examples);
  return examples;
}

const cache = new WeakMap<OperationModel, Map<string, unknown>>();
