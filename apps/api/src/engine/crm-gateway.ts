import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CrmGateway, CrmRecord, CrmUser, NewTask, RecordRef } from '@baton/activity-sdk';
import type { RunOrigin } from '@baton/contracts';
import { BatonError, type Role } from '@baton/domain';
import { Lead } from '../leads/lead.entity';
import { leadFields } from '../leads/lead.view';
import { diff } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import { Task } from '../tasks/task.entity';
import { User } from '../users/user.entity';
import { AssignmentCursor } from './assignment-cursor.entity';

const LEAD_WRITABLE = new Set(['ownerId', 'score', 'status', 'region', 'source']);

function leadRecord(lead: Lead): CrmRecord {
  return {
    type: 'lead',
    id: lead.id,
    label: lead.company ? `${lead.name} (${lead.company})` : lead.name,
    ownerId: lead.owner?.id ?? null,
    fields: leadFields(lead),
  };
}

/**
 * The CRM as activity types see it, bound to one step's transaction and idempotency key: what a
 * step writes here commits with the step's idempotency record, or not at all.
 */
export class MikroCrmGateway implements CrmGateway {
  constructor(
    private readonly em: EntityManager,
    /** The step this gateway writes for; absent for read-only use. */
    private readonly step?: { origin: RunOrigin; stepId: string; idempotencyKey: string },
    private readonly outbox?: OutboxService,
  ) {}

  async getRecord(ref: RecordRef): Promise<CrmRecord> {
    return leadRecord(await this.lead(ref));
  }

  async updateRecord(ref: RecordRef, patch: Record<string, unknown>): Promise<void> {
    const lead = await this.lead(ref);
    const before = leadFields(lead);
    for (const [field, value] of Object.entries(patch)) {
      if (!LEAD_WRITABLE.has(field))
        throw new BatonError('DEFINITION_INVALID', `A step may not change lead.${field}`);
      if (field === 'ownerId') {
        if (value !== null && typeof value !== 'string')
          throw new BatonError('DEFINITION_INVALID', 'ownerId must be a user id');
        lead.owner = value === null ? null : await this.em.findOneOrFail(User, { id: value });
      } else {
        Object.assign(lead, { [field]: value });
      }
    }
    // Workflow writes are changes like any other: other workflows may be waiting for them.
    const changes = diff(before, leadFields(lead), Object.keys(patch));
    if (Object.keys(changes).length > 0 && this.outbox) {
      const cause = this.step
        ? { workflowId: this.step.origin.workflowId, runId: this.step.origin.runId }
        : undefined;
      this.outbox.record(this.em, {
        type: 'lead.updated',
        aggregateType: 'lead',
        aggregateId: lead.id,
        actorId: null,
        changes,
        ...(cause ? { cause } : {}),
      });
    }
  }

  async findUsers(query: { role?: Role; active?: boolean }): Promise<CrmUser[]> {
    const where: Record<string, unknown> = {};
    if (query.role) where.role = query.role;
    if (query.active !== undefined) where.active = query.active;
    const users = await this.em.find(User, where, { orderBy: { email: 'asc' } });
    if (users.length === 0) return [];
    const rows: Array<{ assignee_id: string; open: string }> = await this.em.execute(
      `select assignee_id, count(*) as open from tasks where status = 'open' and assignee_id in (${users.map(() => '?').join(',')}) group by assignee_id`,
      users.map((u) => u.id),
    );
    const open = new Map(rows.map((r) => [r.assignee_id, Number(r.open)]));
    return users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      active: u.active,
      openTasks: open.get(u.id) ?? 0,
    }));
  }

  // Raw SQL goes through `em.execute`, which runs inside the step's transaction: a second pooled
  // connection per step deadlocks the pool once as many steps run as there are connections.
  async takeTurn(pool: string, size: number): Promise<number> {
    await this.em.execute(
      'insert into assignment_cursors (pool, position) values (?, 0) on conflict do nothing',
      [pool],
    );
    // The row lock serialises concurrent runs so two records never take the same turn.
    const cursor = await this.em.findOneOrFail(
      AssignmentCursor,
      { pool },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const turn = cursor.position % size;
    cursor.position = (turn + 1) % size;
    return turn;
  }

  async createTask(task: NewTask): Promise<{ id: string }> {
    if (!this.step) throw new Error('createTask needs the step it runs for');
    const existing = await this.em.findOne(Task, { idempotencyKey: this.step.idempotencyKey });
    if (existing) return { id: existing.id };
    const assignee = await this.em.findOne(User, { id: task.assigneeId });
    if (!assignee) throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'The task assignee does not exist');
    const record = task.record ? await this.getRecord(task.record) : undefined;
    const { origin } = this.step;
    const created = this.em.create(Task, {
      title: task.title,
      description: task.description ?? null,
      priority: task.priority,
      dueAt: task.dueAt,
      assignee,
      recordType: record?.type ?? null,
      recordId: record?.id ?? null,
      recordLabel: record?.label ?? null,
      runId: origin.runId,
      workflowId: origin.workflowId,
      workflowName: origin.workflowName,
      workflowVersion: origin.version,
      stepId: this.step.stepId,
      idempotencyKey: this.step.idempotencyKey,
    });
    return { id: created.id };
  }

  private async lead(ref: RecordRef): Promise<Lead> {
    if (ref.type !== 'lead')
      throw new BatonError('DEFINITION_INVALID', `Steps cannot work on ${ref.type} records yet`);
    const lead = await this.em.findOne(Lead, { id: ref.id }, { populate: ['owner'] });
    if (!lead)
      throw new BatonError('NOT_FOUND', 'The record this run is about no longer exists', { id: ref.id });
    return lead;
  }
}
