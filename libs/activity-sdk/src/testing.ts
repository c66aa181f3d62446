import type { BusinessHours } from '@baton/domain';
import type { RunOrigin } from '@baton/contracts';
import { BatonError } from '@baton/domain';
import type { CrmGateway, CrmRecord, CrmUser, NewNotification, NewTask, RecordRef } from './crm-gateway';
import type { ActivityType } from './define';
import {
  messageIdFor,
  type OutboundMail,
  type OutboundPort,
  type OutboundRequest,
  type OutboundResponse,
  type SentMail,
} from './outbound';
import { forbiddenHostname, forbiddenTargetError } from './target-guard';

/** An in-memory CRM for unit tests of activity types. Records are keyed by `type:id`. */
export class FakeCrm implements CrmGateway {
  readonly records = new Map<string, CrmRecord>();
  readonly users: CrmUser[] = [];
  readonly tasks: Array<NewTask & { id: string }> = [];
  readonly notifications: Array<NewNotification & { id: string }> = [];
  readonly turns = new Map<string, number>();
  /** Records made with `createRecord`, in order; each is also readable with `getRecord`. */
  readonly created: Array<{ entity: string; id: string; values: Record<string, unknown> }> = [];

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

  async createRecord(entity: string, values: Record<string, unknown>): Promise<{ id: string }> {
    const id = `${entity}-${this.created.length + 1}`;
    this.created.push({ entity, id, values });
    const ownerId = typeof values.ownerId === 'string' ? values.ownerId : null;
    this.addRecord({ type: entity, id, ownerId, fields: { id, ...values } });
    return { id };
  }
}

/**
 * Outbound effects for unit tests: records mails and requests instead of sending them, and
 * answers requests from a queue (`answer`). Like the host it refuses forbidden targets, remembers
 * successes by idempotency key, and fails `sendMail` with `EMAIL_NOT_CONFIGURED` when told to.
 */
export class FakeOutbound implements OutboundPort {
  readonly mails: Array<OutboundMail & SentMail> = [];
  readonly requests: OutboundRequest[] = [];
  private readonly answers: Array<Partial<OutboundResponse> | Error> = [];
  private readonly remembered = new Map<string, OutboundResponse>();

  constructor(private readonly options: { mailConfigured?: boolean; allowPrivateTargets?: boolean } = {}) {}

  /** Queues what the next requests get, in order: a response (200 `{}` filled in) or an error to throw. */
  answer(...answers: Array<Partial<OutboundResponse> | Error>): this {
    this.answers.push(...answers);
    return this;
  }

  async sendMail(mail: OutboundMail): Promise<SentMail> {
    if (this.options.mailConfigured === false)
      throw new BatonError('EMAIL_NOT_CONFIGURED', 'Email is not set up on this server');
    const sent = this.mails.find((m) => m.idempotencyKey === mail.idempotencyKey);
    if (sent) return { messageId: sent.messageId, accepted: sent.accepted };
    const result = { messageId: messageIdFor(mail.idempotencyKey, 'baton.test'), accepted: [...mail.to] };
    this.mails.push({ ...mail, ...result });
    return result;
  }

  async fetch(request: OutboundRequest): Promise<OutboundResponse> {
    const { hostname } = new URL(request.url);
    const why = this.options.allowPrivateTargets ? null : forbiddenHostname(hostname);
    if (why) throw forbiddenTargetError(hostname, why);
    const remembered = this.remembered.get(request.idempotencyKey);
    if (remembered) return remembered;
    this.requests.push(request);
    const next = this.answers.shift() ?? {};
    if (next instanceof Error) throw next;
    const response: OutboundResponse = {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{}',
      truncated: false,
      ...next,
    };
    if (response.status >= 200 && response.status < 300)
      this.remembered.set(request.idempotencyKey, response);
    return response;
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
 * applied, bad config rejected), output checked against its output schema — against a fake CRM
 * and (unless given one) a fresh `FakeOutbound`.
 */
export async function runActivityType<Output extends Record<string, unknown>>(
  type: ActivityType<any, Output>,
  options: {
    config: unknown;
    record: RecordRef;
    crm: CrmGateway;
    outbound?: OutboundPort;
    now?: Date;
    steps?: Record<string, Record<string, unknown>>;
    idempotencyKey?: string;
    businessHours?: BusinessHours;
  },
): Promise<Output> {
  const config = type.configSchema.parse(options.config);
  const output = await type.run({
    config,
    record: options.record,
    steps: options.steps ?? {},
    origin: TEST_ORIGIN,
    stepId: 'step',
    idempotencyKey: options.idempotencyKey ?? 'run-1:step:1',
    now: options.now ?? new Date('2026-11-23T09:00:00Z'),
    crm: options.crm,
    outbound: options.outbound ?? new FakeOutbound(),
    ...(options.businessHours ? { businessHours: options.businessHours } : {}),
  });
  return type.outputSchema.parse(output);
}
