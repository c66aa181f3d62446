import { PassThrough } from 'node:stream';
import { answerClientError } from './client-errors';

function answer(code: string | undefined): string {
  const socket = new PassThrough();
  let written = '';
  socket.on('data', (c: Buffer) => (written += c.toString()));
  answerClientError(Object.assign(new Error('refused'), { code }), socket);
  return written;
}

describe(answerClientError.name, () => {
  it('answers headers over the limit with 431 and a coded JSON body', () => {
    const text = answer('HPE_HEADER_OVERFLOW');
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(text.split('\r\n\r\n')[1]!)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers any other parse failure with 400 VALIDATION_FAILED', () => {
    const text = answer('HPE_INVALID_METHOD');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(text.split('\r\n\r\n')[1]!)).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('writes nothing to a connection the client reset', () => {
    expect(answer('ECONNRESET')).toBe('');
  });
});
