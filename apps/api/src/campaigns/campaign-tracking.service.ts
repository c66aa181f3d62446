import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CampaignEvent } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { sqlRows } from '../consents/sql-rows';
import { recordCampaignEvent } from '../outbox/campaign-triggers';
import { OutboxService } from '../outbox/outbox.service';
import type { BounceInput } from './campaign.dto';

interface Recipient {
  id: string;
  campaign_id: string;
  campaign_name: string;
  purpose: string;
  contact_id: string;
  email: string | null;
  status: string;
}

const RECIPIENT = `select r.id, r.campaign_id, c.name as campaign_name, c.purpose, r.contact_id, r.email, r.status
  from campaign_recipients r join campaigns c on c.id = r.campaign_id`;

// Tokens are 32 URL-safe characters; anything else is not worth a query.
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

// Every unknown token gets this same answer: nothing tells a guess that was close from one that was not.
const notFound = () => new BatonError('NOT_FOUND', 'Not found');

/**
 * What recipients do with a campaign's mail — open it, click its links, unsubscribe — and bounces
 * reported by the mail provider. Each event is stored; the first of its kind per recipient (per
 * link for clicks) also goes through the outbox to campaign triggers, so a mail opened ten times
 * starts a workflow once.
 */
@Injectable()
export class CampaignTrackingService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async opened(token: string): Promise<void> {
    const recipient = await this.recipientByToken(token);
    await this.record(recipient, 'opened', null);
  }

  /** The link's original URL, to redirect to. */
  async clicked(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw notFound();
    const [link] = await sqlRows<{ recipient_id: string; url: string }>(
      this.em,
      `select recipient_id, url from campaign_links where token = ?`,
      [token],
    );
    if (!link) throw notFound();
    const [recipient] = await sqlRows<Recipient>(this.em, `${RECIPIENT} where r.id = ?`, [link.recipient_id]);
    if (!recipient) throw notFound();
    await this.record(recipient, 'clicked', link.url);
    return link.url;
  }

  /**
   * Takes effect at once: later sends for the campaign's purpose skip this contact and address,
   * and their consent for it is withdrawn. Repeating it changes nothing.
   */
  async unsubscribed(token: string, source: 'link' | 'one_click'): Promise<{ purpose: string }> {
    const recipient = await this.recipientByToken(token);
    await this.em.transactional(async (tx) => {
      // Serialises two clicks on the same link, so the second finds the first's row.
      await sqlRows(tx, `select pg_advisory_xact_lock(hashtext(?))`, [`unsubscribe:${recipient.id}`]);
      const [done] = await sqlRows(
        tx,
        `select 1 from campaign_events where recipient_id = ? and type = 'unsubscribed' limit 1`,
        [recipient.id],
      );
      if (done) return;
      await sqlRows(
        tx,
        `insert into unsubscribes (id, contact_id, email, purpose, campaign_id, source, created_at)
         values (?, ?, ?, ?, ?, ?, now())`,
        [
          randomUUID(),
          recipient.contact_id,
          recipient.email?.toLowerCase() ?? null,
          recipient.purpose,
          recipient.campaign_id,
          source,
        ],
      );
      await sqlRows(
        tx,
        `update consents set withdrawn_at = now() where contact_id = ? and purpose = ? and withdrawn_at is null`,
        [recipient.contact_id, recipient.purpose],
      );
      await this.insertEvent(tx, recipient, 'unsubscribed', null, null);
    });
    this.outbox.committed();
    return { purpose: recipient.purpose };
  }

  /** A bounce the mail provider reports; the recipient is marked bounced once. */
  async bounced(input: BounceInput): Promise<{ recipientId: string; recorded: boolean }> {
    const [recipient] = input.messageId
      ? await sqlRows<Recipient>(this.em, `${RECIPIENT} where r.message_id = ?`, [
          input.messageId.startsWith('<') ? input.messageId : `<${input.messageId}>`,
        ])
      : await sqlRows<Recipient>(this.em, `${RECIPIENT} where r.campaign_id = ? and lower(r.email) = ?`, [
          input.campaignId,
          input.email,
        ]);
    if (!recipient) {
      throw new BatonError('NOT_FOUND', 'No mail of a campaign matches this bounce', {
        messageId: input.messageId ?? null,
      });
    }
    const recorded = await this.em.transactional(async (tx) => {
      const changed = await sqlRows(
        tx,
        `update campaign_recipients set status = 'bounced', reason = ? where id = ? and status = 'sent' returning id`,
        [input.reason ?? 'bounced', recipient.id],
      );
      if (changed.length === 0) return false;
      await this.insertEvent(tx, recipient, 'bounced', null, input.reason ?? null);
      return true;
    });
    if (recorded) this.outbox.committed();
    return { recipientId: recipient.id, recorded };
  }

  private async recipientByToken(token: string): Promise<Recipient> {
    if (!TOKEN.test(token)) throw notFound();
    const [recipient] = await sqlRows<Recipient>(this.em, `${RECIPIENT} where r.token = ?`, [token]);
    // A skipped recipient's token was never mailed to anyone.
    if (!recipient || recipient.status === 'skipped') throw notFound();
    return recipient;
  }

  private async record(recipient: Recipient, type: CampaignEvent, url: string | null): Promise<void> {
    await this.em.transactional((tx) => this.insertEvent(tx, recipient, type, url, null));
    this.outbox.committed();
  }

  // The event is always stored (results count every open); only the first of its kind per
  // recipient, and per link for clicks, reaches the outbox. Runs inside the caller's transaction.
  private async insertEvent(
    em: EntityManager,
    recipient: Recipient,
    type: CampaignEvent,
    url: string | null,
    detail: string | null,
  ): Promise<void> {
    // Two requests for the same first event (a double click) must not both take it for the first.
    await sqlRows(em, `select pg_advisory_xact_lock(hashtext(?))`, [`${recipient.id}:${type}:${url ?? ''}`]);
    const [earlier] = await sqlRows(
      em,
      `select 1 from campaign_events where recipient_id = ? and type = ? and url is not distinct from ? limit 1`,
      [recipient.id, type, url],
    );
    await sqlRows(
      em,
      `insert into campaign_events (id, campaign_id, recipient_id, contact_id, type, url, detail, at)
       values (?, ?, ?, ?, ?, ?, ?, now())`,
      [randomUUID(), recipient.campaign_id, recipient.id, recipient.contact_id, type, url, detail],
    );
    if (earlier) return;
    recordCampaignEvent(em, recipient.contact_id, {
      campaignId: recipient.campaign_id,
      campaignName: recipient.campaign_name,
      event: type,
      url,
    });
  }
}
