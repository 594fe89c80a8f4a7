import type { Codec } from '../../wire/codec.js';
import { WireParseError } from '../../wire/codec.js';
import type { WireObject } from '../../spec/wire-type.js';
import { unreadableBody, type FieldError } from '../errors/service-error.js';

/** A serialized body read into the DTO; unreadable text is ServiceStack's 400 SerializationException. */
export function parseBody(text: string, codec: Codec, type: WireObject): Record<string, unknown> {
  try {
    return codec.parse(text, type);
  } catch (err) {
    if (!(err instanceof WireParseError)) throw err;
    const fields: FieldError[] = err.fieldName ? [{ errorCode: 'SerializationException', fieldName: err.fieldName, message: err.message }] : [];
    throw unreadableBody(`Could not deserialize '${codec.contentType.split(';')[0]}' request using ${type.name}: ${err.message}`, fields);
  }
}
