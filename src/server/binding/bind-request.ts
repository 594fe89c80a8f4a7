import type { Request } from 'express';
import { WireParseError } from '../../wire/codec.js';
import type { WireObject } from '../../wire/wire-type.js';
import { bindingError, ServiceError, unreadableBody, type FieldError } from '../errors/service-error.js';
import type { CodecRegistry } from '../wire/codecs.js';
import { bodyKind, mediaType, type BodyKind } from '../wire/media-type.js';
import { readRawBody } from '../wire/read-body.js';
import { QueryMap } from './query-string.js';
import { bindPathParams, bindStringMap, type BindResult, type ReadJsvValue } from './string-map-binder.js';

const IGNORED: BodyKind = { kind: 'ignored' };

export interface BindDeps {
  readonly codecs: CodecRegistry;
  readonly readJsvValue: ReadJsvValue;
  readonly bodyLimit: number;
}

/**
 * Builds the request DTO from path, query string and body with ServiceStack's precedence on
 * user-defined routes: a serialized body first, then path variables, then the query string, then form
 * fields, each overriding the one before (RestPath.CreateRequest).
 */
export async function bindRequest(req: Request, type: WireObject, query: QueryMap, deps: BindDeps): Promise<Record<string, unknown>> {
  const text = await readRawBody(req, deps.bodyLimit);
  const kind = text === undefined ? IGNORED : bodyKind(req.headers['content-type']);
  let serialized: Record<string, unknown> = {};
  let form: BindResult = { values: {}, errors: [] };
  if (text !== undefined && kind.kind === 'codec') {
    const codec = deps.codecs[kind.format];
    if (!codec) {
      throw new ServiceError(
        415,
        'NotSupportedException',
        `This mock cannot read '${mediaType(req.headers['content-type'])}' request bodies yet; send application/json or application/x-www-form-urlencoded.`,
      );
    }
    try {
      serialized = codec.parse(text, type);
    } catch (err) {
      if (!(err instanceof WireParseError)) throw err;
      const fields: FieldError[] = err.fieldName
        ? [{ errorCode: 'SerializationException', fieldName: err.fieldName, message: err.message }]
        : [];
      throw unreadableBody(`Could not deserialize '${codec.contentType.split(';')[0]}' request using ${type.name}: ${err.message}`, fields);
    }
  } else if (text !== undefined && kind.kind === 'form') {
    form = bindStringMap(QueryMap.parse(text), type, deps.readJsvValue);
  }
  const path = bindPathParams(req.params as Record<string, string>, type, deps.readJsvValue);
  const fromQuery = bindStringMap(query, type, deps.readJsvValue);
  const errors = [...path.errors, ...fromQuery.errors, ...form.errors];
  if (errors.length > 0) throw bindingError(type.name, errors);
  return { ...serialized, ...path.values, ...fromQuery.values, ...form.values };
}
