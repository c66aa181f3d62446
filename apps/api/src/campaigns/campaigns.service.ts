import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  campaignSendWorkflowId,
  ENGINE_TASK_QUEUE,
  WORKFLOW_TYPES,
  type CampaignSendInput,
} from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import { TemporalService } from '../engine/temporal.service';
import { Segment } from '../segments/segment.entity';
import { User } from '../users/user.entity';
import { campaignCounts, countsOf } from './campaign-counts';
import { assertTemplates } from './campaign-template';
import { campaignRecipients, campaignResults } from './campaign-results';
import type {
  CampaignResults,
  CampaignView,
  CreateCampaignInput,
  ListCampaignsQuery,
  ListRecipientsQuery,
  RecipientView,
  ScheduleCampaignInput,
  UpdateCampaignInput,
} from './campaign.dto';
import { Campaign, type CampaignStatus } from './campaign.entity';
import { campaignView } from './campaign.view';

const EDITABLE: readonly CampaignStatus[] = ['draft'];
const CANCELLABLE: readonly CampaignStatus[] = ['draft', 'scheduled', 'sending'];

function assertStatus(campaign: Campaign, allowed: readonly CampaignStatus[], what: string): void {
  if (allowed.includes(campaign.status)) return;
  throw new BatonError('INVALID_TRANSITION', `A ${campaign.status} campaign cannot be ${what}`, {
    status: campaign.status,
    allowed,
  });
}

/** Campaigns as admins and managers edit them, and the hand-over to their sending workflow. */
@Injectable()
export class CampaignsService {
  private readonly logger = new Logger('campaigns');

  constructor(
    private readonly em: EntityManager,
    private readonly temporal: TemporalService,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListCampaignsQuery): Promise<Page<CampaignView>> {
    const cursor = decodeCursor(query.cursor, 'uuid');
    const where: Record<string, unknown>[] = [];
    if (query.status) where.push({ status: query.status });
    if (cursor) {
      const at = new Date(cursor.at);
      where.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: cursor.id } }] });
    }
    const rows = await this.em.find(Campaign, where.length ? { $and: where } : {}, {
      populate: ['createdBy'],
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: await this.views(this.em, items),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }

  async get(id: string): Promise<CampaignView> {
    return this.view(this.em, await this.find(this.em, id));
  }

  async results(id: string): Promise<CampaignResults> {
    return campaignResults(this.em, await this.find(this.em, id));
  }

  async recipients(id: string, query: ListRecipientsQuery): Promise<Page<RecipientView>> {
    await this.find(this.em, id);
    return campaignRecipients(this.em, id, query);
  }

  async create(input: CreateCampaignInput, actor: User): Promise<CampaignView> {
    assertTemplates(input);
    return this.em.transactional(async (tx) => {
      await this.assertContactSegment(tx, input.segmentId);
      const campaign = tx.create(Campaign, {
        ...input,
        scheduledAt: input.scheduledAt === null ? null : new Date(input.scheduledAt),
        createdBy: tx.getReference(User, actor.id),
      });
      this.record(tx, actor, 'campaign.created', campaign);
      await tx.flush();
      await tx.populate(campaign, ['createdBy']);
      return this.view(tx, campaign);
    });
  }

  async update(id: string, input: UpdateCampaignInput, actor: User): Promise<CampaignView> {
    assertTemplates(input);
    return this.em.transactional(async (tx) => {
      const campaign = await this.find(tx, id);
      assertStatus(campaign, EDITABLE, 'changed');
      assertVersion(campaign, input.version, 'campaign');
      const { version: _version, scheduledAt, ...fields } = input;
      if (fields.segmentId !== undefined) await this.assertContactSegment(tx, fields.segmentId);
      Object.assign(campaign, fields);
      if (scheduledAt !== undefined)
        campaign.scheduledAt = scheduledAt === null ? null : new Date(scheduledAt);
      this.record(tx, actor, 'campaign.updated', campaign);
      await tx.flush();
      return this.view(tx, campaign);
    });
  }

  async remove(id: string, actor: User): Promise<void> {
    await this.em.transactional(async (tx) => {
      const campaign = await this.find(tx, id);
      assertStatus(campaign, EDITABLE, 'deleted');
      this.record(tx, actor, 'campaign.deleted', campaign);
      tx.remove(campaign);
    });
  }

  /**
   * Hands a draft to its sending workflow: committed as scheduled first, so the workflow finds it
   * so; if Temporal cannot be reached it goes back to draft and the caller may try again.
   */
  async schedule(id: string, input: ScheduleCampaignInput, linkBaseUrl: string, actor: User) {
    const campaign = await this.em.transactional(async (tx) => {
      const campaign = await this.find(tx, id);
      assertStatus(campaign, EDITABLE, 'scheduled');
      if (campaign.segmentId === null)
        throw new BatonError('VALIDATION_FAILED', 'Pick a segment first', { field: 'segmentId' });
      await this.assertContactSegment(tx, campaign.segmentId);
      assertTemplates(campaign);
      if (input.scheduledAt !== undefined)
        campaign.scheduledAt = input.scheduledAt === null ? null : new Date(input.scheduledAt);
      campaign.status = 'scheduled';
      campaign.linkBaseUrl = linkBaseUrl;
      campaign.error = null;
      this.record(tx, actor, 'campaign.scheduled', campaign);
      return campaign;
    });
    try {
      const args: [CampaignSendInput] = [{ campaignId: campaign.id }];
      await this.temporal.client.workflow.start(WORKFLOW_TYPES.campaignSend, {
        taskQueue: ENGINE_TASK_QUEUE,
        workflowId: campaignSendWorkflowId(campaign.id),
        args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
        await this.em.nativeUpdate(Campaign, { id, status: 'scheduled' }, { status: 'draft' });
        throw new BatonError(
          'SERVICE_UNAVAILABLE',
          'The campaign could not be handed to the engine; try again',
          {
            cause: err instanceof Error ? err.message : String(err),
          },
        );
      }
    }
    return this.get(id);
  }

  /** Stops a campaign: a scheduled one never sends, a sending one stops after its current batch. */
  async cancel(id: string, actor: User): Promise<CampaignView> {
    const wasRunning = await this.em.transactional(async (tx) => {
      const campaign = await this.find(tx, id);
      assertStatus(campaign, CANCELLABLE, 'cancelled');
      const running = campaign.status !== 'draft';
      campaign.status = 'cancelled';
      campaign.finishedAt = new Date();
      this.record(tx, actor, 'campaign.cancelled', campaign);
      return running;
    });
    if (wasRunning) {
      // Ends a wait for the scheduled time at once; a run mid-batch sees the status at its next batch.
      await this.temporal.client.workflow
        .getHandle(campaignSendWorkflowId(id))
        .cancel()
        .catch((err: unknown) =>
          this.logger.warn(
            `campaign ${id}: sending run not cancelled (${err instanceof Error ? err.message : String(err)}); it stops at its next batch`,
          ),
        );
    }
    return this.get(id);
  }

  async find(em: EntityManager, id: string): Promise<Campaign> {
    const campaign = await em.findOne(Campaign, { id }, { populate: ['createdBy'] });
    if (!campaign) throw new BatonError('NOT_FOUND', 'No campaign with this id', { id });
    return campaign;
  }

  private async assertContactSegment(em: EntityManager, segmentId: string): Promise<void> {
    const segment = await em.findOne(Segment, { id: segmentId, archivedAt: null });
    if (!segment) {
      throw new BatonError('VALIDATION_FAILED', 'segmentId does not name a live segment', {
        field: 'segmentId',
        id: segmentId,
      });
    }
    if (segment.entity !== 'contact') {
      throw new BatonError('SEGMENT_NOT_CONTACTS', 'Campaigns go to contacts: pick a contact segment', {
        segmentId,
        entity: segment.entity,
      });
    }
  }

  private record(em: EntityManager, actor: User, action: string, campaign: Campaign): void {
    this.audit.record(em, {
      actor,
      action,
      entityType: 'campaign',
      entityId: campaign.id,
      after: { name: campaign.name, status: campaign.status, segmentId: campaign.segmentId },
    });
  }

  private async view(em: EntityManager, campaign: Campaign): Promise<CampaignView> {
    const [view] = await this.views(em, [campaign]);
    return view!;
  }

  private async views(em: EntityManager, campaigns: Campaign[]): Promise<CampaignView[]> {
    const ids = campaigns.map((c) => c.id);
    const counts = await campaignCounts(em, ids);
    const segmentIds = campaigns.flatMap((c) => (c.segmentId ? [c.segmentId] : []));
    const segments = new Map(
      segmentIds.length === 0
        ? []
        : (await em.find(Segment, { id: { $in: segmentIds } })).map((s) => [s.id, s.name]),
    );
    return campaigns.map((c) =>
      campaignView(c, c.segmentId ? (segments.get(c.segmentId) ?? null) : null, countsOf(counts, c.id)),
    );
  }
}
