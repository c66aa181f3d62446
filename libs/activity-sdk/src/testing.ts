import type { RunOrigin } from '@baton/contracts';
import type { CrmGateway, CrmRecord, CrmUser, NewNotification, NewTask, RecordRef } from './crm-gateway';
import type { ActivityType } from './define';

/** An in-memory CRM for unit tests of activity types. Records are keyed by `type:id`. */
export class FakeCrm implements CrmGateway {
  readonly records = new Map<string, CrmRecord>();
  readonly users: CrmUser[] = [];
  readonly tasks: Array<NewTask & { id: string }> = [];
  readonly notifications: Array<NewNotification & { id: string }> = [];
  readonly turns = new Map<string, number>();

  addRecord(
    record: Omit<CrmRecord, 'label' | 'ownerId'> & Partial<Pick<CrmRecord, 'label' | 'ownerId'>>,
  ): CrmRecord {
    const full: CrmRecord = { label: record.id, ownerId: null, ...record };
    this.records.set(`${full.type}:${full.id}`, full);
    return full;
  }

  addUser(user: Partial<CrmUser> & Pick<CrmUser, 'id' | 'role'>): CrmUser {
    const full: CrmUser = {
      name: user.id,
      email: `${user.id}@example.test`,
      active: true,
      openTasks: 0,
      managerId: null,
      ...user,
    };
    this.users.push(full);
    return full;
  }

  async getRecord(ref: RecordRef): Promise<CrmRecord> {
    const record = this.records.get(`${ref.type}:${ref.id}`);
    if (!record) throw new Error(`no ${ref.type} ${ref.id}`);
    return record;
  }

  async updateRecord(ref: RecordRef, patch: Record<string, unknown>): Promise<void> {
    const record = await this.getRecord(ref);
    Object.assign(record.fields, patch);
    if ('ownerId' in patch) record.ownerId = patch.ownerId as string | null;
  }

  async findUsers(query: { role?: string; active?: boolean; ids?: string[] }): Promise<CrmUser[]> {
    return this.users.filter(
      (u) =>
        (query.role === undefined || u.role === query.role) &&
        (query.active === undefined || u.active === query.active) &&
        (query.ids === undefined || query.ids.includes(u.id)),
    );
  }

  async takeTurn(pool: string, size: number): Promise<number> {
    const turn = (this.turns.get(pool) ?? 0) % size;
    this.turns.set(pool, turn + 1);
    return turn;
  }

  async createTask(task: NewTask): Promise<{ id: string }> {
    const id = `task-${this.tasks.length + 1}`;
    this.tasks.push({ ...task, id });
    return { id };
  }

  async notify(notification: NewNotification): Promise<{ id: string }> {
    const id = `notification-${this.notifications.length + 1}`;
    this.notifications.push({ ...notification, id });
    return { id };
  }
}

const TEST_ORIGIN: RunOrigin = {
  workflowId: 'wf',
  workflowName: 'Test workflow',
  versionId: 'v1',
  version: 1,
  runId: 'run-1',
};

/**
 * Runs an activity type the way the worker does — config parsed with its schema (defaults
 * applied, bad config rejected), output checked against its output schema — against a fake CRM.
 */
export async function runActivityType<Output extends Record<string, unknown>>(
  type: ActivityType<any, Output>,
  options: {
    config: unknown;
    record: RecordRef;
    crm: CrmGateway;
    now?: Date;
    steps?: Record<string, Record<string, unknown>>;
  },
): Promise<Output> {
  const config = type.configSchema.parse(options.config);
  const output = await type.run({
    config,
    record: options.record,
    steps: options.steps ?? {},
    origin: TEST_ORIGIN,
    stepId: 'step',
    idempotencyKey: 'run-1:step:1',
    now: options.now ?? new Date('2026-11-23T09:00:00Z'),
    crm: options.crm,
  });
  return type.outputSchema.parse(output);
}
