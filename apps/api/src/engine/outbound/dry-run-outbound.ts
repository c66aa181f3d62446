import {
  messageIdFor,
  type OutboundMail,
  type OutboundPort,
  type OutboundRequest,
  type OutboundResponse,
  type SentMail,
} from '@baton/activity-sdk';
import type { Intention } from '@baton/contracts';
import type { HttpCaller } from './http-caller';
import type { SmtpMailer } from './smtp-mailer';

// Shown to whoever dry-runs the workflow; credentials in them stay in the definition.
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * Outbound effects in a dry run: nothing is sent. Each call becomes an intention (appended to the
 * step's list, beside its CRM intentions) and gets a stand-in answer: the mail as accepted, the
 * request as answered 200 with an empty body. Configuration problems fail as they would for real.
 */
export class DryRunOutbound implements OutboundPort {
  constructor(
    private readonly intentions: Intention[],
    private readonly mailer: SmtpMailer,
    private readonly http: HttpCaller,
  ) {}

  async sendMail(mail: OutboundMail): Promise<SentMail> {
    this.mailer.assertConfigured();
    this.intentions.push({
      kind: 'send_email',
      summary: `Email "${mail.subject}" to ${mail.to.join(', ')}`,
      details: { to: mail.to, subject: mail.subject, text: mail.text },
    });
    return { messageId: messageIdFor(mail.idempotencyKey, this.mailer.domain), accepted: [...mail.to] };
  }

  async fetch(request: OutboundRequest): Promise<OutboundResponse> {
    // Only the URL's own host is checked: resolving names is left to the real call.
    this.http.checkHost(new URL(request.url));
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [
        name,
        SECRET_HEADERS.has(name.toLowerCase()) ? '(hidden)' : value,
      ]),
    );
    this.intentions.push({
      kind: 'http_request',
      summary: `${request.method} ${request.url}`,
      details: { method: request.method, url: request.url, headers, body: readable(request.body) },
    });
    return { status: 200, headers: {}, body: '', truncated: false };
  }
}

function readable(body: string | undefined): unknown {
  if (body === undefined) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
