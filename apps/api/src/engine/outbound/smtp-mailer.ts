import { createTransport } from 'nodemailer';
import { messageIdFor, type OutboundMail, type SentMail } from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';

// The SMTP overload's result; `ReturnType` would pick the catch-all `Mail<any>` overload.
function smtpRelay(url: string) {
  // A relay that does not answer must fail the attempt well within the step's timeout.
  return createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
type Relay = ReturnType<typeof smtpRelay>;

/** The server's SMTP relay (BATON_SMTP_URL), or none; one connection per message. */
export class SmtpMailer {
  private readonly transport: Relay | null;
  /** The domain of the sender address, which Message-IDs are minted under. */
  readonly domain: string;

  constructor(
    smtpUrl: string | null,
    private readonly from: string,
  ) {
    this.transport = smtpUrl ? smtpRelay(smtpUrl) : null;
    this.domain = /@([^\s>@]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
  }

  /** Fails with EMAIL_NOT_CONFIGURED when the server has no relay: retrying cannot help. */
  assertConfigured(): void {
    this.relay();
  }

  /** `html` and `headers`: campaign mails carry an HTML part and List-Unsubscribe headers too. */
  async send(mail: OutboundMail & { html?: string; headers?: Record<string, string> }): Promise<SentMail> {
    const relay = this.relay();
    const messageId = messageIdFor(mail.idempotencyKey, this.domain);
    const info = await relay.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html === undefined ? {} : { html: mail.html }),
      ...(mail.headers === undefined ? {} : { headers: mail.headers }),
      messageId,
    });
    return { messageId, accepted: info.accepted };
  }

  private relay(): Relay {
    if (!this.transport) {
      throw new BatonError(
        'EMAIL_NOT_CONFIGURED',
        'Email is not set up on this server: set BATON_SMTP_URL to an SMTP server (e.g. smtp://mail.example.com:587)',
      );
    }
    return this.transport;
  }
}
