import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { fieldsOf, recordChange } from '../accounts/crm-events';
import { created, diff } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import type {
  ActivityKindView,
  CreateActivityKindInput,
  ListActivityKindsQuery,
  UpdateActivityKindInput,
} from './activity.dto';
import { ActivityKind } from './activity-kind.entity';
import { activityKindView } from './activity.view';

const EVENT_FIELDS = ['key', 'label', 'icon', 'active'] as const;

@Injectable()
export class ActivityKindsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async list(query: ListActivityKindsQuery): Promise<ActivityKindView[]> {
    const where = query.active === undefined ? {} : { active: query.active === 'true' };
    const kinds = await this.em.find(ActivityKind, where, { orderBy: [{ label: 'asc' }, { key: 'asc' }] });
    return kinds.map(activityKindView);
  }

  async create(input: CreateActivityKindInput, actor: User): Promise<ActivityKindView> {
    const kind = await this.em.transactional(async (tx) => {
      if (await tx.count(ActivityKind, { key: input.key })) {
        throw new BatonError('CONFLICT', 'An activity kind with this key exists', { key: input.key });
      }
      const kind = tx.create(ActivityKind, input);
      recordChange(
        this.outbox,
        tx,
        { type: 'activity_kind', id: kind.id },
        'created',
        actor,
        created(fieldsOf(kind), EVENT_FIELDS),
      );
      return kind;
    });
    this.outbox.committed();
    return activityKindView(kind);
  }

  async update(key: string, input: UpdateActivityKindInput, actor: User): Promise<ActivityKindView> {
    const kind = await this.em.transactional(async (tx) => {
      const kind = await tx.findOne(ActivityKind, { key });
      if (!kind) throw new BatonError('NOT_FOUND', 'No activity kind with this key', { key });
      const before = fieldsOf(kind);
      Object.assign(kind, input);
      const changes = diff(before, fieldsOf(kind), EVENT_FIELDS);
      recordChange(this.outbox, tx, { type: 'activity_kind', id: kind.id }, 'updated', actor, changes);
      return kind;
    });
    this.outbox.committed();
    return activityKindView(kind);
  }
}

/** The kind for a new or changed activity: it must exist and be active. */
export async function usableKind(em: EntityManager, key: string): Promise<ActivityKind> {
  const kind = await em.findOne(ActivityKind, { key, active: true });
  if (!kind) {
    throw new BatonError('VALIDATION_FAILED', 'kind is not an active activity kind', { field: 'kind', key });
  }
  return kind;
}
