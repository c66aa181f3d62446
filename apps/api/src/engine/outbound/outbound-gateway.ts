import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  OutboundMail,
  OutboundPort,
  OutboundRequest,
  OutboundResponse,
  SentMail,
} from '@baton/activity-sdk';
import type { HttpCaller } from './http-caller';
import { OutboundEffect } from './outbound-effect.entity';
import type { SmtpMailer } from './smtp-mailer';

/**
 * Email and HTTP for one step, each success remembered in `outbound_effects` under its idempotency
 * key and committed on its own (the entity manager is not the step's transaction): a later
 * delivery of the step — after a crash, a lost database connection, or a failure further on in
 * the step — finds the record and returns the same result without sending again.
 *
 * What cannot be guaranteed: the send and its record are two systems, so a crash after the SMTP
 * server accepted the message (or the receiver answered) but before the record commits leaves no
 * trace here, and the retried step sends again. The same holds for an attempt that Temporal timed
 * out while it was still sending. Delivery is therefore at least once, and a repeat is
 * recognisable on the other side: the repeat carries the same Message-ID (derived from the key)
 * or the same Idempotency-Key header.
 */
export class MikroOutboundGateway implements OutboundPort {
  constructor(
    private readonly em: EntityManager,
    private readonly step: { runId: string; stepId: string },
    private readonly mailer: SmtpMailer,
    private readonly http: HttpCaller,
  ) {}

  sendMail(mail: OutboundMail): Promise<SentMail> {
    return this.once(
      `mail:${mail.idempotencyKey}`,
      () => this.mailer.send(mail),
      () => true,
    );
  }

  // Only a 2xx is remembered: after a 503 the retried step must call again.
  fetch(request: OutboundRequest): Promise<OutboundResponse> {
    return this.once(
      `http:${request.idempotencyKey}`,
      () => this.http.call(request),
      (response) => response.status >= 200 && response.status < 300,
    );
  }

  private async once<T extends object>(
    key: string,
    effect: () => Promise<T>,
    remember: (result: T) => boolean,
  ): Promise<T> {
    const prior = await this.em.findOne(OutboundEffect, { key });
    if (prior) return prior.result as T;
    const result = await effect();
    if (remember(result)) {
      await this.em.upsert(
        OutboundEffect,
        {
          key,
          runId: this.step.runId,
          stepId: this.step.stepId,
          result: { ...result },
          createdAt: new Date(),
        },
        { onConflictAction: 'ignore' },
      );
    }
    return result;
  }
}
