import type { Response } from 'express';
import type { Codec } from '../../wire/codec.js';
import type { WireObject } from '../../wire/wire-type.js';

/** Writes a DTO in the negotiated format. No ETag or other Express extras: ServiceStack sends none. */
export function sendDto(res: Response, status: number, codec: Codec, value: unknown, type: WireObject): void {
  const body = codec.stringify(value, type);
  res.statusCode = status;
  res.setHeader('Content-Type', codec.contentType);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
