import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { messageIdFor } from '@baton/activity-sdk';
import type {
  CampaignBatchInput,
  CampaignBatchResult,
  CampaignEvent,
  CampaignSendPlan,
} from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { BATON_CONFIG, type BatonConfig } from '../config';
import { reasonsNotToSend, type SkipReason } from '../consents/consent-checks';
import { sqlRows } from '../consents/sql-rows';
import { SmtpMailer } from '../engine/outbound/smtp-mailer';
import { recordCampaignEvent } from '../outbox/campaign-triggers';
import { OutboxService } from '../outbox/outbox.service';
import { segmentMembers, type SegmentMember } from '../segments/segment-members';
import { heartbeat } from './campaign-heartbeat';
import { mergeDataOf } from './campaign-merge-data';
import { buildCampaignMessage } from './campaign-message';
import type { MergeData } from './campaign-template';
import { Campaign } from './campaign.entity';
import { smtpOutcome } from './smtp-outcome';

/** A token that names one recipient or one link in URLs: 192 random bits, URL-safe. */
export const newToken = (): string => randomBytes(24).toString('base64url');

type Delivery = 'sent' | 'bounced' | 'taken';

/**
 * The activities of a campaign's sending workflow. Each recipient is claimed (a row unique per
 * campaign and contact) before its mail goes out and marked sent after, so a batch retried after a
 * crash skips everyone already claimed: nobody gets the mail twice. A recipient whose send was cut
 * off mid-conversation is marked failed (INTERRUPTED) rather than risk a second copy.
 */
@Injectable()
export class CampaignSender {
  private readonly mailer: SmtpMailer;

  constructor(
    private readonly orm: MikroORM,
    private readonly outbox: OutboxService,
    @Inject(BATON_CONFIG) config: BatonConfig,
  ) {
    this.mailer = new SmtpMailer(config.smtpUrl, config.mailFrom);
  }

  async plan({ campaignId, begin }: { campaignId: string; begin: boolean }): Promise<CampaignSendPlan> {
    const em = this.orm.em.fork();
    const campaign = await em.findOne(Campaign, { id: campaignId });
    if (!campaign) return { go: false, status: 'deleted' };
    if (begin && campaign.status === 'scheduled') {
      // Optimistic locking: a cancel committed meanwhile makes this fail, and the retry sees it.
      campaign.status = 'sending';
      campaign.startedAt = new Date();
      await em.flush();
    }
    const live = begin ? campaign.status === 'sending' : ['scheduled', 'sending'].includes(campaign.status);
    if (!live) return { go: false, status: campaign.status };
    return {
      go: true,
      scheduledAt: (campaign.scheduledAt ?? new Date(0)).toISOString(),
      ratePerMinute: campaign.ratePerMinute,
    };
  }

  async batch({ campaignId, afterId }: CampaignBatchInput): Promise<CampaignBatchResult> {
    const em = this.orm.em.fork();
    const campaign = await em.findOne(Campaign, { id: campaignId });
    if (campaign?.status !== 'sending') return { state: 'cancelled' };
    this.mailer.assertConfigured();
    if (campaign.segmentId === null)
      throw new BatonError('NOT_FOUND', "The campaign's segment was deleted", { campaignId });
    const members = await segmentMembers(em, campaign.segmentId, {
      ...(afterId === undefined ? {} : { afterId }),
      limit: campaign.batchSize,
    });
    if (members.length === 0) return { state: 'done' };

    // A retried batch finds the recipients its earlier attempt claimed, and leaves them be.
    const claimed = await sqlRows<{ contact_id: string }>(
      em,
      `select contact_id from campaign_recipients where campaign_id = ? and contact_id = any(?::uuid[])`,
      [campaign.id, members.map((m) => m.id)],
    );
    const handled = new Set(claimed.map((r) => r.contact_id));
    const fresh = members.filter((m) => !handled.has(m.id));
    const reasons = await reasonsNotToSend(em, campaign.purpose, fresh);
    const data = await mergeDataOf(
      em,
      fresh.filter((m) => !reasons.has(m.id)),
      campaign.name,
    );

    let sent = 0;
    let skipped = 0;
    for (const member of fresh) {
      heartbeat();
      const reason = reasons.get(member.id);
      if (reason !== undefined) {
        if (await this.skip(em, campaign, member, reason)) skipped += 1;
      } else if ((await this.deliver(em, campaign, member, data.get(member.id)!)) === 'sent') {
        sent += 1;
      }
    }
    return { state: 'more', lastId: members.at(-1)!.id, sent, skipped };
  }

  /** Ends the campaign: sent, or failed with why. Recipients still claimed were cut off mid-send. */
  async finish({
    campaignId,
    failure,
  }: {
    campaignId: string;
    failure?: { code: string; message: string };
  }): Promise<void> {
    await this.orm.em.fork().transactional(async (tx) => {
      await sqlRows(
        tx,
        `update campaign_recipients set status = 'failed', reason = 'INTERRUPTED'
          where campaign_id = ? and status = 'sending'`,
        [campaignId],
      );
      await sqlRows(
        tx,
        `update campaigns set status = ?, error = ?::jsonb, finished_at = now(), version = version + 1
          where id = ? and status in ('scheduled', 'sending')`,
        [failure ? 'failed' : 'sent', failure ? JSON.stringify(failure) : null, campaignId],
      );
    });
  }

  private async skip(em: EntityManager, campaign: Campaign, member: SegmentMember, reason: SkipReason) {
    const rows = await sqlRows(
      em,
      `insert into campaign_recipients (id, campaign_id, contact_id, email, status, reason, token, created_at)
       values (?, ?, ?, ?, 'skipped', ?, ?, now()) on conflict do nothing returning id`,
      [randomUUID(), campaign.id, member.id, member.email, reason, newToken()],
    );
    return rows.length > 0;
  }

  private async deliver(
    em: EntityManager,
    campaign: Campaign,
    member: SegmentMember,
    data: MergeData,
  ): Promise<Delivery> {
    const token = newToken();
    const message = buildCampaignMessage({
      subject: campaign.subject,
      body: campaign.body,
      bodyFormat: campaign.bodyFormat,
      data,
      baseUrl: campaign.linkBaseUrl ?? '',
      token,
      newToken,
    });
    const idempotencyKey = `campaign:${campaign.id}:${member.id}`;
    const recipientId = randomUUID();
    const claimed = await em.transactional(async (tx) => {
      const rows = await sqlRows(
        tx,
        `insert into campaign_recipients (id, campaign_id, contact_id, email, status, message_id, token, created_at)
         values (?, ?, ?, ?, 'sending', ?, ?, now()) on conflict do nothing returning id`,
        [
          recipientId,
          campaign.id,
          member.id,
          member.email,
          messageIdFor(idempotencyKey, this.mailer.domain),
          token,
        ],
      );
      if (rows.length === 0) return false;
      if (message.links.length > 0) {
        await sqlRows(
          tx,
          `insert into campaign_links (token, recipient_id, position, url)
           select t, ?::uuid, p, u from unnest(?::text[], ?::int[], ?::text[]) as l(t, p, u)`,
          [
            recipientId,
            message.links.map((l) => l.token),
            message.links.map((l) => l.position),
            message.links.map((l) => l.url),
          ],
        );
      }
      return true;
    });
    if (!claimed) return 'taken';

    try {
      await this.mailer.send({
        to: [member.email!],
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.headers,
        idempotencyKey,
      });
    } catch (err) {
      const outcome = smtpOutcome(err);
      if (outcome.kind === 'rejected') {
        await this.settle(em, campaign, recipientId, member.id, 'bounced', outcome.reason);
        return 'bounced';
      }
      // Certainly not delivered: release the claim so the retried batch sends it.
      if (outcome.kind === 'not_sent')
        await sqlRows(em, `delete from campaign_recipients where id = ?`, [recipientId]);
      throw err;
    }
    await this.settle(em, campaign, recipientId, member.id, 'sent');
    return 'sent';
  }

  /** Records the send's outcome, its event and the trigger event in one transaction. */
  private async settle(
    em: EntityManager,
    campaign: Campaign,
    recipientId: string,
    contactId: string,
    status: 'sent' | 'bounced',
    reason: string | null = null,
  ): Promise<void> {
    const event: CampaignEvent = status === 'sent' ? 'delivered' : 'bounced';
    await em.transactional(async (tx) => {
      await sqlRows(
        tx,
        `update campaign_recipients set status = ?, reason = ?, sent_at = case when ? then now() else sent_at end
          where id = ?`,
        [status, reason, status === 'sent', recipientId],
      );
      await sqlRows(
        tx,
        `insert into campaign_events (id, campaign_id, recipient_id, contact_id, type, detail, at)
         values (?, ?, ?, ?, ?, ?, now())`,
        [randomUUID(), campaign.id, recipientId, contactId, event, reason],
      );
      recordCampaignEvent(tx, contactId, {
        campaignId: campaign.id,
        campaignName: campaign.name,
        event,
        url: null,
      });
    });
    this.outbox.committed();
  }
}
