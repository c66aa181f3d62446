import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CrmGateway,
  CrmRecord,
  CrmUser,
  NewNotification,
  NewTask,
  RecordRef,
} from '@baton/activity-sdk';
import { ENTITY_TYPES, type EntityType, type RunOrigin } from '@baton/contracts';
import { BatonError, type Role } from '@baton/domain';
import { Notification } from '../notifications/notification.entity';
import { diff } from '../outbox/changes';
import type { OutboxService } from '../outbox/outbox.service';
import { Task } from '../tasks/task.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { RECORD_ADAPTERS } from './records/adapters';
import type { RecordAdapter } from './records/record-adapter';
import { parseNewRecord, type RecordCreator } from './records/record-creator';

/** One PostgreSQL sequence per rotation: turns come from it without locking a row. */
function turnSequence(pool: string): string {
  return `assignment_turn_${createHash('sha256').update(pool).digest('hex').slice(0, 24)}`;
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
    const { adapter, record } = await this.load(ref);
    return {
      type: ref.type,
      id: record.id,
      label: adapter.label(record),
      ownerId: adapter.ownerId(record),
      fields: adapter.fields(record),
    };
  }

  async updateRecord(ref: RecordRef, patch: Record<string, unknown>): Promise<void> {
    const { adapter, record } = await this.load(ref);
    const before = adapter.fields(record);
    for (const [field, value] of Object.entries(patch)) {
      const write = Object.hasOwn(adapter.writable, field) ? adapter.writable[field] : undefined;
      if (!write) {
        throw new BatonError('DEFINITION_INVALID', `A step may not change ${ref.type}.${field}`, {
          field,
          writable: Object.keys(adapter.writable),
        });
      }
      await write(this.em, record, value, field);
    }
    // Workflow writes are changes like any other: other workflows may be waiting for them.
    const changes = diff(before, adapter.fields(record), Object.keys(patch));
    if (Object.keys(changes).length > 0 && this.outbox) {
      const cause = this.step
        ? { workflowId: this.step.origin.workflowId, runId: this.step.origin.runId }
        : undefined;
      this.outbox.record(this.em, {
        type: `${ref.type}.updated`,
        aggregateType: ref.type,
        aggregateId: record.id,
        actorId: null,
        changes,
        ...(cause ? { cause } : {}),
      });
    }
  }

  async findUsers(query: { role?: Role; active?: boolean; ids?: string[] }): Promise<CrmUser[]> {
    const where: Record<string, unknown> = {};
    if (query.role) where.role = query.role;
    if (query.active !== undefined) where.active = query.active;
    if (query.ids) where.id = { $in: query.ids };
    const users = await this.em.find(User, where, { orderBy: { email: 'asc' } });
    if (users.length === 0) return [];
    const rows: Array<{ assignee_id: string; open: string }> = await this.em.execute(
      `select assignee_id, count(*) as open from tasks where status = 'open' and assignee_id in (${users.map(() => '?').join(',')}) group by assignee_id`,
      users.map((u) => u.id),
    );
    const open = new Map(rows.map((r) => [r.assignee_id, Number(r.open)]));
    const teamIds = [...new Set(users.flatMap((u) => (u.teamId && !u.managerId ? [u.teamId] : [])))];
    const teams = new Map(
      teamIds.length ? (await this.em.find(Team, { id: { $in: teamIds } })).map((t) => [t.id, t]) : [],
    );
    return users.map((u) => {
      const teamManager = u.teamId ? (teams.get(u.teamId)?.managerId ?? null) : null;
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        active: u.active,
        openTasks: open.get(u.id) ?? 0,
        // A team's manager is not their own manager.
        managerId: u.managerId ?? (teamManager !== u.id ? teamManager : null),
      };
    });
  }

  // Raw SQL goes through `em.execute`, which runs inside the step's transaction: a second pooled
  // connection per step deadlocks the pool once as many steps run as there are connections.
  //
  // Turns come from a sequence per pool: `nextval` never waits for another transaction, where a
  // locked cursor row made every assignment wait for the one before it to commit (it capped the
  // whole engine at about ten runs a second). A retried step may skip a turn; nobody gets two.
  async takeTurn(pool: string, size: number): Promise<number> {
    const sequence = turnSequence(pool);
    const [found] = await this.em.execute<Array<{ oid: string | null }>>(`select to_regclass(?) as oid`, [
      sequence,
    ]);
    if (!found?.oid) {
      // Only the first turn of a pool creates its sequence; concurrent first turns take turns here.
      await this.em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [sequence]);
      await this.em.execute(`create sequence if not exists "${sequence}" minvalue 0 start 0`);
    }
    const [row] = await this.em.execute<Array<{ turn: string }>>(`select nextval('"${sequence}"') as turn`);
    return Number(BigInt(row!.turn) % BigInt(size));
  }

  /** The turn `takeTurn` would give next, without moving the rotation (for dry runs). */
  async peekTurn(pool: string): Promise<number> {
    const sequence = turnSequence(pool);
    const [found] = await this.em.execute<Array<{ oid: string | null }>>(`select to_regclass(?) as oid`, [
      sequence,
    ]);
    if (!found?.oid) return 0;
    const [row] = await this.em.execute<Array<{ last_value: string; is_called: boolean }>>(
      `select last_value, is_called from "${sequence}"`,
    );
    const last = Number(row!.last_value);
    return row!.is_called ? last + 1 : last;
  }

  async createTask(task: NewTask): Promise<{ id: string }> {
    const step = this.requireStep('createTask');
    const existing = await this.em.findOne(Task, { idempotencyKey: step.idempotencyKey });
    if (existing) return { id: existing.id };
    const assignee = await this.em.findOne(User, { id: task.assigneeId });
    if (!assignee) throw new BatonError('NO_ASSIGNEE_AVAILABLE', 'The task assignee does not exist');
    const record = task.record ? await this.getRecord(task.record) : undefined;
    const { origin } = step;
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
      stepId: step.stepId,
      idempotencyKey: step.idempotencyKey,
    });
    return { id: created.id };
  }

  async notify(notification: NewNotification): Promise<{ id: string }> {
    const step = this.requireStep('notify');
    const idempotencyKey = `${step.idempotencyKey}:${notification.userId}`;
    const existing = await this.em.findOne(Notification, { idempotencyKey });
    if (existing) return { id: existing.id };
    const created = this.em.create(Notification, {
      userId: notification.userId,
      title: notification.title,
      body: notification.body ?? null,
      recordType: notification.record?.type ?? null,
      recordId: notification.record?.id ?? null,
      runId: step.origin.runId,
      idempotencyKey,
    });
    return { id: created.id };
  }

  // Once per step without a key of its own: the record commits with the step's idempotency record,
  // keyed by the step's key, so a redelivered step returns the first output without running again,
  // and of two racing deliveries only one commits.
  async createRecord(entity: string, values: Record<string, unknown>): Promise<{ id: string }> {
    const step = this.requireStep('createRecord');
    if (!this.outbox) throw new Error("createRecord needs the outbox for the new record's event");
    const creator = this.creator(entity);
    const input = parseNewRecord(entity, creator, values);
    return creator.create(input, {
      em: this.em,
      outbox: this.outbox,
      actor: { run: { workflowId: step.origin.workflowId, runId: step.origin.runId } },
      createTask: (task) => this.createTask(task),
    });
  }

  /** Checks what `createRecord` would create, writing nothing: for dry runs. */
  checkNewRecord(entity: string, values: Record<string, unknown>): void {
    parseNewRecord(entity, this.creator(entity), values);
  }

  private creator(entity: string): RecordCreator {
    const creator = (ENTITY_TYPES as readonly string[]).includes(entity)
      ? RECORD_ADAPTERS[entity as EntityType].create
      : undefined;
    if (!creator) {
      const creatable = ENTITY_TYPES.filter((type) => RECORD_ADAPTERS[type].create);
      throw new BatonError('DEFINITION_INVALID', `Steps cannot create ${entity} records`, { creatable });
    }
    return creator;
  }

  private requireStep(what: string): NonNullable<MikroCrmGateway['step']> {
    if (!this.step) throw new Error(`${what} needs the step it runs for`);
    return this.step;
  }

  private async load(ref: RecordRef): Promise<{ adapter: RecordAdapter; record: { id: string } }> {
    if (!(ENTITY_TYPES as readonly string[]).includes(ref.type))
      throw new BatonError('DEFINITION_INVALID', `Steps cannot work on ${ref.type} records`);
    const adapter = RECORD_ADAPTERS[ref.type as EntityType];
    const record = await this.em.findOne(
      adapter.entity,
      { id: ref.id },
      {
        populate: adapter.populate as never,
      },
    );
    if (!record)
      throw new BatonError('NOT_FOUND', 'The record this run is about no longer exists', {
        type: ref.type,
        id: ref.id,
      });
    return { adapter, record };
  }
}
