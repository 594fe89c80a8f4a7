import type { Socket } from 'node:net';

/** Node's codes for requests it could not read, and the status each deserves. */
const STATUS_BY_CODE: Readonly<Record<string, readonly [number, string, string]>> = {
  HPE_INVALID_URL: [400, 'BadRequest', 'The request target cannot be read: send a path such as /sessions, or a full http:// URL.'],
  HPE_HEADER_OVERFLOW: [431, 'RequestHeaderFieldsTooLarge', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'RequestTimeout', 'The request was not received in time.'],
  HPE_HEADERS_TIMEOUT: [408, 'RequestTimeout', 'The request headers were not received in time.'],
};

/**
 * Node's 'clientError' handler: a request Node's parser refused (a malformed request line, headers
 * too large, too slow) gets a ResponseStatus in JSON, the format every client reads, instead of
 * Node's bare 400; a connection that is gone is just closed.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const [status, errorCode, message] = STATUS_BY_CODE[err.code ?? ''] ?? [400, 'BadRequest', 'The request could not be read as HTTP/1.1.'];
  const body = JSON.stringify({ responseStatus: { errorCode, message, errors: [] } });
  socket.end(
    `HTTP/1.1 ${status} ${errorCode.replace(/([a-z])([A-Z])/g, '$1 $2')}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
