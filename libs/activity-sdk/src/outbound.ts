import { createHash } from 'node:crypto';

/** An email a step sends, as plain text. */
export interface OutboundMail {
  /** Email addresses. */
  to: string[];
  subject: string;
  text: string;
  /**
   * Names this send: the host remembers a successful send under it, and the message's Message-ID
   * is derived from it, so every delivery of a step sends the same Message-ID. Pass the step's
   * `idempotencyKey` (suffixed, if one step sends several messages).
   */
  idempotencyKey: string;
}

export interface SentMail {
  /** The Message-ID header, angle brackets included. */
  messageId: string;
  /** The recipients the SMTP server accepted. */
  accepted: string[];
}

export const HTTP_METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** An HTTP request a step makes. Sent exactly as given: the host adds no headers of its own. */
export interface OutboundRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The whole exchange, connect to last byte, must fit in this. */
  timeoutMs: number;
  /** Names this call: the host remembers a 2xx answer under it, as for `OutboundMail`. */
  idempotencyKey: string;
}

export interface OutboundResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body as text, cut at `RESPONSE_BODY_LIMIT` bytes. */
  body: string;
  truncated: boolean;
}

/** The most of a response body a step keeps: it becomes step output, stored with the run. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

/**
 * What an activity type may do outside the CRM. Unlike `crm` writes these cannot be rolled back,
 * so the host remembers each success under its idempotency key and a retried step gets the
 * remembered result instead of sending again. In a dry run nothing leaves the host: each call is
 * recorded as an intention and answered with a stand-in. Unit tests pass `FakeOutbound`.
 */
export interface OutboundPort {
  /**
   * Sends a plain-text email over the host's SMTP server. Throws `BatonError`
   * `EMAIL_NOT_CONFIGURED` when there is none; SMTP failures throw plain (retried) errors.
   */
  sendMail(mail: OutboundMail): Promise<SentMail>;
  /**
   * Makes one HTTP request and returns whatever status answers it; redirects are not followed.
   * Throws `BatonError` `HTTP_TARGET_FORBIDDEN` for a host that is or resolves to a loopback,
   * private, link-local or metadata address (unless the host allows private targets); network
   * failures and timeouts throw plain (retried) errors.
   */
  fetch(request: OutboundRequest): Promise<OutboundResponse>;
}

/**
 * The Message-ID of the mail sent under an idempotency key: the same on every delivery of a step,
 * so a copy sent twice (see `OutboundPort`) is recognisable as one message.
 *
 * @example messageIdFor('run-1:mail:1', 'baton.example.com') // '<baton.3f1c…@baton.example.com>'
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40);
  return `<baton.${hash}@${domain}>`;
}
