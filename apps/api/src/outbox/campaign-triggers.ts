import { Logger } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CAMPAIGN_EVENTS, type CampaignEvent, type CampaignTrigger } from '@baton/contracts';
import { evaluateRule, truthy } from '@baton/rules';
import { MikroCrmGateway } from '../engine/crm-gateway';
import { Workflow } from '../workflows/workflow.entity';
import { WorkflowVersion } from '../workflows/workflow-version.entity';
import { OutboxEvent } from './outbox-event.entity';

/** The outbox action of campaign events: `contact.campaign`, on the recipient contact. */
export const CAMPAIGN_ACTION = 'campaign';

/** What a campaign event brings a run, as `trigger.payload`. */
export interface CampaignTriggerPayload {
  campaignId: string;
  campaignName: string;
  event: CampaignEvent;
  /** The link clicked; null for the other events. */
  url: string | null;
}

/** Records a campaign event in the caller's transaction, for the dispatcher to match with triggers. */
export function recordCampaignEvent(
  em: EntityManager,
  contactId: string,
  payload: CampaignTriggerPayload,
): OutboxEvent {
  return em.create(OutboxEvent, {
    type: `contact.${CAMPAIGN_ACTION}`,
    aggregateType: 'contact',
    aggregateId: contactId,
    payload: { actorId: null, changes: {}, campaign: payload },
  });
}

/** The campaign part of an outbox event's payload, when it is a campaign event. */
export function campaignPayloadOf(payload: Record<string, unknown>): CampaignTriggerPayload | undefined {
  const campaign = payload.campaign as Partial<CampaignTriggerPayload> | undefined;
  if (
    !campaign ||
    typeof campaign.campaignId !== 'string' ||
    !(CAMPAIGN_EVENTS as readonly unknown[]).includes(campaign.event)
  )
    return undefined;
  return {
    campaignId: campaign.campaignId,
    campaignName: typeof campaign.campaignName === 'string' ? campaign.campaignName : '',
    event: campaign.event!,
    url: typeof campaign.url === 'string' ? campaign.url : null,
  };
}

const RECHECK_MS = 500;

interface Published {
  stamp: string;
  checkedAt: number;
  triggers: Array<{ workflowId: string; versionId: string; trigger: CampaignTrigger }>;
}

/** Whether a campaign trigger fires for an event, its condition aside. */
export function campaignTriggerMatches(trigger: CampaignTrigger, event: CampaignTriggerPayload): boolean {
  if (trigger.event !== event.event) return false;
  if (trigger.campaignId !== undefined && trigger.campaignId !== event.campaignId) return false;
  if (trigger.linkContains === undefined) return true;
  return event.url !== null && event.url.includes(trigger.linkContains);
}

/**
 * Published versions whose campaign trigger fires for a campaign event: same event, the
 * trigger's campaign (if it names one), a clicked URL containing its `linkContains`, and its
 * condition holding on the contact with the event as `trigger.payload`.
 */
export class CampaignTriggers {
  private readonly logger = new Logger('triggers');
  private published?: Published;

  async findTriggered(
    em: EntityManager,
    contactId: string,
    event: CampaignTriggerPayload,
  ): Promise<Array<{ workflow: Workflow; version: WorkflowVersion; trigger: CampaignTrigger }>> {
    const published = await this.refresh(em);
    const candidates = published.triggers.filter((t) => campaignTriggerMatches(t.trigger, event));
    if (candidates.length === 0) return [];
    const fields = await this.contactFields(em, contactId);
    const data = { contact: fields, steps: {}, trigger: { payload: event } };
    const hits = candidates.filter(({ versionId, trigger }) => {
      if (trigger.condition === undefined) return true;
      try {
        return truthy(evaluateRule(trigger.condition, data, { now: Date.now() }));
      } catch (err) {
        // As for record triggers: a condition that cannot be evaluated does not fire.
        this.logger.warn(
          `trigger ${versionId}/${trigger.id} condition failed: ${err instanceof Error ? err.message : String(err)}`,
        );
        return false;
      }
    });
    if (hits.length === 0) return [];
    const workflows = new Map(
      (await em.find(Workflow, { id: { $in: hits.map((h) => h.workflowId) } })).map((w) => [w.id, w]),
    );
    const versions = new Map(
      (await em.find(WorkflowVersion, { id: { $in: hits.map((h) => h.versionId) } })).map((v) => [v.id, v]),
    );
    return hits.flatMap((h) => {
      const workflow = workflows.get(h.workflowId);
      const version = versions.get(h.versionId);
      return workflow && version ? [{ workflow, version, trigger: h.trigger }] : [];
    });
  }

  // The same cheap stamp as record triggers: re-read only when the set of published versions changed.
  // A big campaign puts thousands of events in the outbox; the stamp is checked at most twice a second.
  private async refresh(em: EntityManager): Promise<Published> {
    if (this.published && Date.now() - this.published.checkedAt < RECHECK_MS) return this.published;
    const [row] = await em.execute<Array<{ stamp: string | null }>>(
      `select md5(string_agg(id::text || ':' || active_version_id::text, ',' order by id)) as stamp from workflows where active_version_id is not null and not archived`,
    );
    const stamp = row?.stamp ?? 'none';
    if (this.published?.stamp === stamp) {
      this.published.checkedAt = Date.now();
      return this.published;
    }
    const workflows = await em.find(Workflow, { archived: false, activeVersionId: { $ne: null } });
    const versions = await em.find(WorkflowVersion, {
      id: { $in: workflows.map((w) => w.activeVersionId!) },
    });
    const triggers = versions.flatMap((version) =>
      version.definition.triggers.flatMap((trigger) =>
        trigger.kind === 'campaign'
          ? [{ workflowId: version.workflow.id, versionId: version.id, trigger }]
          : [],
      ),
    );
    this.published = { stamp, checkedAt: Date.now(), triggers };
    return this.published;
  }

  private async contactFields(em: EntityManager, id: string): Promise<Record<string, unknown>> {
    try {
      return (await new MikroCrmGateway(em).getRecord({ type: 'contact', id })).fields;
    } catch {
      return {};
    }
  }
}
