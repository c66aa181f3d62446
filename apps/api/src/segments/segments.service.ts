import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { conditionSchemaFor } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import { validateRule } from '@baton/rules';
import { assertVersion, ownerRef } from '../accounts/crm-access';
import { sameTextPattern } from '../accounts/crm-list';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import type {
  CreateSegmentInput,
  ListSegmentsQuery,
  MembersQuery,
  PreviewSegmentInput,
  SegmentPreview,
  SegmentView,
  UpdateSegmentInput,
} from './segment.dto';
import { Segment, type SegmentEntity } from './segment.entity';
import { countMatching, pageOfMatches, planSegment } from './segment-matching';
import { memberViews } from './segment-member-views';

export const SAMPLE_SIZE = 20;

/** Saved rules over contacts or leads: their members are counted and listed live, never stored. */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListSegmentsQuery): Promise<{ items: SegmentView[] }> {
    const segments = await this.em.find(
      Segment,
      {
        ...(query.archived ? {} : { archivedAt: null }),
        ...(query.entity ? { entity: query.entity } : {}),
      },
      { populate: ['owner'], orderBy: { name: 'asc', id: 'asc' } },
    );
    const items: SegmentView[] = [];
    // One at a time: each count may scan a table, and requests share the connection pool.
    for (const segment of segments) items.push(await this.view(segment));
    return { items };
  }

  async get(id: string): Promise<SegmentView> {
    return this.view(await this.find(this.em, id, { live: false }));
  }

  async create(input: CreateSegmentInput, actor: User): Promise<SegmentView> {
    assertRule(input.entity, input.rule);
    const segment = await this.saving(input.name, async (tx) => {
      await assertNameFree(tx, input.name);
      const created = tx.create(Segment, {
        name: input.name,
        entity: input.entity,
        rule: input.rule,
        description: input.description ?? null,
        owner: actor,
      });
      tx.persist(created);
      this.audit.record(tx, {
        actor,
        action: 'segment.created',
        entityType: 'segment',
        entityId: created.id,
        after: snapshot(created),
      });
      return created;
    });
    return this.view(segment);
  }

  async update(id: string, input: UpdateSegmentInput, actor: User): Promise<SegmentView> {
    const segment = await this.saving(input.name ?? '', async (tx) => {
      const segment = await this.find(tx, id, { live: true });
      assertVersion(segment, input.version, 'segment');
      if (input.rule !== undefined) assertRule(segment.entity, input.rule);
      if (input.name !== undefined && input.name !== segment.name) await assertNameFree(tx, input.name, id);
      const before = snapshot(segment);
      if (input.name !== undefined) segment.name = input.name;
      if (input.rule !== undefined) segment.rule = input.rule;
      if (input.description !== undefined) segment.description = input.description;
      this.audit.record(tx, {
        actor,
        action: 'segment.updated',
        entityType: 'segment',
        entityId: segment.id,
        before,
        after: snapshot(segment),
      });
      return segment;
    });
    return this.view(segment);
  }

  async archive(id: string, actor: User): Promise<SegmentView> {
    const segment = await this.em.transactional(async (tx) => {
      const segment = await this.find(tx, id, { live: true });
      segment.archivedAt = new Date();
      this.audit.record(tx, {
        actor,
        action: 'segment.archived',
        entityType: 'segment',
        entityId: segment.id,
        before: snapshot(segment),
      });
      return segment;
    });
    return this.view(segment);
  }

  /** The count and first members of a rule as it is being drawn, saved or not. */
  async preview(input: PreviewSegmentInput): Promise<SegmentPreview> {
    assertRule(input.entity, input.rule);
    return this.previewOf(input.entity, input.rule);
  }

  async members(id: string, query: MembersQuery) {
    const segment = await this.find(this.em, id, { live: true });
    const plan = planSegment(segment.entity, segment.rule);
    const ids = await pageOfMatches(this.em, plan, { afterId: query.cursor, limit: query.limit + 1 });
    const page = ids.slice(0, query.limit);
    return {
      items: await memberViews(this.em, segment.entity, page),
      nextCursor: ids.length > query.limit ? page[page.length - 1]! : null,
    };
  }

  private async previewOf(entity: SegmentEntity, rule: unknown): Promise<SegmentPreview> {
    const plan = planSegment(entity, rule);
    const count = await countMatching(this.em, plan);
    const ids = await pageOfMatches(this.em, plan, { limit: SAMPLE_SIZE });
    return { count, sample: await memberViews(this.em, entity, ids), strategy: plan.strategy };
  }

  private async view(segment: Segment): Promise<SegmentView> {
    const plan = planSegment(segment.entity, segment.rule);
    return {
      id: segment.id,
      name: segment.name,
      entity: segment.entity,
      rule: segment.rule,
      description: segment.description,
      owner: ownerRef(segment),
      memberCount: await countMatching(this.em, plan),
      strategy: plan.strategy,
      createdAt: segment.createdAt.toISOString(),
      updatedAt: segment.updatedAt.toISOString(),
      archivedAt: segment.archivedAt?.toISOString() ?? null,
      version: segment.version,
    };
  }

  private async find(em: EntityManager, id: string, options: { live: boolean }): Promise<Segment> {
    const segment = await em.findOne(Segment, options.live ? { id, archivedAt: null } : { id }, {
      populate: ['owner'],
    });
    if (!segment) throw new BatonError('NOT_FOUND', 'No segment with this id', { id });
    return segment;
  }

  /** Runs a change in a transaction; two requests racing for one name meet the unique index. */
  private async saving(name: string, change: (tx: EntityManager) => Promise<Segment>): Promise<Segment> {
    try {
      return await this.em.transactional(change);
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw nameTaken(name);
      throw err;
    }
  }
}

function assertRule(entity: SegmentEntity, rule: unknown): void {
  const checked = validateRule(rule, conditionSchemaFor(entity));
  if (!checked.ok) {
    throw new BatonError('RULE_INVALID', `The rule is not valid: ${checked.errors[0]!.message}`, {
      errors: checked.errors,
    });
  }
}

async function assertNameFree(em: EntityManager, name: string, exceptId?: string): Promise<void> {
  const clash = await em.findOne(Segment, {
    name: { $ilike: sameTextPattern(name) },
    archivedAt: null,
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  if (clash) throw nameTaken(name);
}

function nameTaken(name: string): BatonError {
  return new BatonError('NAME_TAKEN', 'Another segment already has this name', { name });
}

function snapshot(segment: Segment) {
  return {
    name: segment.name,
    entity: segment.entity,
    rule: segment.rule,
    description: segment.description,
  };
}
