import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the sink received it: the SMTP envelope and the plain-text message's parts. */
export interface ReceivedMail {
  from: string;
  /** Envelope recipients (RCPT TO), in order. */
  to: string[];
  /** Message headers, names in lower case, folded lines joined. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  text: string;
}

export interface SmtpSink {
  url: string;
  mails: ReceivedMail[];
  stop(): Promise<void>;
}

function parse(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'messageId' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  // Plain ASCII text is sent 7bit; a trailing CRLF ends the body.
  const text = raw
    .slice(split + 4)
    .replace(/\r\n$/, '')
    .replace(/\r\n/g, '\n');
  return { headers, subject: headers.subject ?? '', messageId: headers['message-id'] ?? '', text };
}

/**
 * A real SMTP server on a free local port that accepts every message and keeps it in memory. No
 * authentication, no STARTTLS (the client would otherwise try to upgrade to a self-signed cert).
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        mails.push({
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((r) => r.address),
          ...parse(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
