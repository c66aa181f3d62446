import type { Duplex } from 'node:stream';
import type { ErrorBody } from './http-errors';

// Node's HTTP parser refuses some requests before Express sees them (a request line or headers
// over 16 KB, broken HTTP, a request that never finishes arriving) and by default answers with a
// bare status line. These answers carry the same `{ code, message }` body as every other error.
const ANSWERS: Record<string, { status: number; reason: string; body: ErrorBody }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request line and headers are larger than 16 KB' },
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    reason: 'Payload Too Large',
    body: { code: 'PAYLOAD_TOO_LARGE', message: 'The chunk extensions are too large' },
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    body: { code: 'VALIDATION_FAILED', message: 'The request did not arrive in time' },
  },
};
const MALFORMED = {
  status: 400,
  reason: 'Bad Request',
  body: { code: 'VALIDATION_FAILED', message: 'The request is not valid HTTP' } satisfies ErrorBody,
};

/** A `clientError` listener for the HTTP server. */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, reason, body } = ANSWERS[err.code ?? ''] ?? MALFORMED;
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
