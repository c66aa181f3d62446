import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CrmGateway,
  CrmRecord,
  CrmUser,
  NewNotification,
  NewTask,
  RecordRef,
} from '@baton/activity-sdk';
import type { DryRunOverlay, Intention } from '@baton/contracts';
import type { Role } from '@baton/domain';
import { User } from '../users/user.entity';
import { MikroCrmGateway } from './crm-gateway';

/** Thrown to roll a dry run's transaction back once the step has run. */
export class DryRunRollback extends Error {}

/**
 * The CRM for a dry run: every write really happens inside the step's transaction (so the step
 * reads its own writes and fails exactly where it would), is recorded as an intention, and is
 * rolled back with the transaction.
 */
export class DryRunCrmGateway implements CrmGateway {
  readonly intentions: Intention[] = [];
  private readonly turnsTaken = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly inner: MikroCrmGateway,
  ) {}

  /** Replays what earlier steps would have written, so this one sees the record as it would be. */
  async applyOverlay(overlay: DryRunOverlay): Promise<void> {
    const plain = new MikroCrmGateway(this.em);
    for (const [key, patch] of Object.entries(overlay)) {
      const [type, id] = key.split(':') as [string, string];
      await plain.updateRecord({ type, id }, patch);
    }
  }

  getRecord(ref: RecordRef): Promise<CrmRecord> {
    return this.inner.getRecord(ref);
  }

  findUsers(query: { role?: Role; active?: boolean; ids?: string[] }): Promise<CrmUser[]> {
    return this.inner.findUsers(query);
  }

  /**
   * The turn a real run would take next, without taking it: sequences ignore rollbacks, so a dry
   * run (or a backtest of hundreds) must not move the rotation real leads are assigned by.
   */
  async takeTurn(pool: string, size: number): Promise<number> {
    const taken = this.turnsTaken.get(pool) ?? 0;
    this.turnsTaken.set(pool, taken + 1);
    return ((await this.inner.peekTurn(pool)) + taken) % size;
  }

  async updateRecord(ref: RecordRef, patch: Record<string, unknown>): Promise<void> {
    await this.inner.updateRecord(ref, patch);
    const { label } = await this.inner.getRecord(ref);
    const fields = await this.describe(patch);
    this.intentions.push({
      kind: 'update_record',
      summary: `Set ${fields} on ${ref.type} ${label}`,
      details: { record: { type: ref.type, id: ref.id }, patch },
    });
  }

  async createTask(task: NewTask): Promise<{ id: string }> {
    const created = await this.inner.createTask(task);
    const who = await this.name(task.assigneeId);
    this.intentions.push({
      kind: 'create_task',
      summary: `Create task "${task.title}" for ${who}, due ${task.dueAt.toISOString().slice(0, 10)}`,
      details: { ...task, dueAt: task.dueAt.toISOString() },
    });
    return created;
  }

  async notify(notification: NewNotification): Promise<{ id: string }> {
    const sent = await this.inner.notify(notification);
    const who = await this.name(notification.userId);
    this.intentions.push({
      kind: 'notify',
      summary: `Notify ${who}: ${notification.title}`,
      details: { ...notification },
    });
    return sent;
  }

  // Nothing is created, not even inside the rolled-back transaction: later steps get a
  // recognisable placeholder id (they run in transactions of their own and would not find it).
  async createRecord(entity: string, values: Record<string, unknown>): Promise<{ id: string }> {
    this.inner.checkNewRecord(entity, values);
    const id = `00000000-0000-4000-8000-${randomBytes(6).toString('hex')}`;
    const named = [values.name, values.title, values.subject].find((v) => typeof v === 'string');
    this.intentions.push({
      kind: 'create_record',
      summary: `Create ${entity}${named === undefined ? '' : ` "${String(named)}"`}`,
      details: { entity, values },
    });
    return { id };
  }

  private async name(userId: string): Promise<string> {
    return (await this.em.findOne(User, { id: userId }))?.name ?? userId;
  }

  // Owner changes read better with the person's name than with an id.
  private async describe(patch: Record<string, unknown>): Promise<string> {
    const parts: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      const shown =
        field.endsWith('Id') && typeof value === 'string' ? await this.name(value) : JSON.stringify(value);
      parts.push(`${field} = ${shown}`);
    }
    return parts.join(', ');
  }
}
