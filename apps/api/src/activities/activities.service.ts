import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { allOf, keyset, orderBy, parseSort, toPage, type SortFields } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { created, diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import { linkedRecord, pathRecord, visibleRecord } from '../record-links/record-link';
import { User } from '../users/user.entity';
import type {
  ActivityView,
  CreateActivityInput,
  ListActivitiesQuery,
  UpdateActivityInput,
} from './activity.dto';
import { Activity } from './activity.entity';
import { usableKind } from './activity-kinds.service';
import { activityView } from './activity.view';

const EVENT_FIELDS = [
  'kind',
  'subject',
  'body',
  'occurredAt',
  'durationMinutes',
  'recordType',
  'recordId',
  'author',
] as const;
// Newest first, always: a record's log reads backwards from today.
const SORT = parseSort('-occurredAt', { occurredAt: { kind: 'timestamp' } } satisfies SortFields);

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateActivityInput, actor: User): Promise<ActivityView> {
    const activity = await this.em.transactional(async (tx) => {
      const { recordType, recordId, occurredAt, ...fields } = input;
      await usableKind(tx, input.kind);
      await linkedRecord(tx, recordType, recordId, actor);
      const activity = tx.create(Activity, {
        ...fields,
        occurredAt: occurredAt ? new Date(occurredAt) : new Date(),
        recordType,
        recordId,
        author: tx.getReference(User, actor.id),
      });
      this.event(tx, activity, 'created', actor, created(fieldsOf(activity), EVENT_FIELDS));
      return activity;
    });
    this.outbox.committed();
    return this.get(activity.id, actor);
  }

  async update(id: string, input: UpdateActivityInput, actor: User): Promise<ActivityView> {
    await this.em.transactional(async (tx) => {
      const activity = await this.find(tx, id, actor);
      this.assertAuthor(activity, actor);
      assertVersion(activity, input.version, 'activity');
      const before = fieldsOf(activity);
      const { version: _version, occurredAt, ...fields } = input;
      if (fields.kind !== undefined && fields.kind !== activity.kind) await usableKind(tx, fields.kind);
      Object.assign(activity, fields);
      if (occurredAt !== undefined) activity.occurredAt = new Date(occurredAt);
      this.event(tx, activity, 'updated', actor, diff(before, fieldsOf(activity), EVENT_FIELDS));
    });
    this.outbox.committed();
    return this.get(id, actor);
  }

  async remove(id: string, actor: User): Promise<void> {
    await this.em.transactional(async (tx) => {
      const activity = await this.find(tx, id, actor);
      this.assertAuthor(activity, actor);
      this.event(tx, activity, 'deleted', actor, diff(fieldsOf(activity), {}, EVENT_FIELDS));
      tx.remove(activity);
    });
    this.outbox.committed();
  }

  async get(id: string, viewer: User): Promise<ActivityView> {
    return activityView(await this.find(this.em.fork(), id, viewer));
  }

  async list(query: ListActivitiesQuery, viewer: User): Promise<Page<ActivityView>> {
    await pathRecord(this.em, query.recordType, query.recordId, viewer);
    const rows = await this.em.find(
      Activity,
      allOf([{ recordType: query.recordType, recordId: query.recordId }, keyset(SORT, query.cursor)]),
      { populate: ['author'], orderBy: orderBy(SORT), limit: query.limit + 1 },
    );
    return toPage(rows, query.limit, SORT, activityView);
  }

  /** Visible when its record is: one on a record the caller cannot see is reported as missing. */
  private async find(em: EntityManager, id: string, viewer: User): Promise<Activity> {
    const activity = await em.findOne(Activity, { id }, { populate: ['author'] });
    if (!activity || !(await visibleRecord(em, activity.recordType, activity.recordId, viewer))) {
      throw new BatonError('NOT_FOUND', 'No activity with this id', { id });
    }
    return activity;
  }

  private assertAuthor(activity: Activity, actor: User): void {
    if (activity.author.id !== actor.id) {
      throw new BatonError('FORBIDDEN', 'Only the author may change or delete an activity');
    }
  }

  private event(
    tx: EntityManager,
    activity: Activity,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'activity', id: activity.id }, action, actor, changes);
  }
}
