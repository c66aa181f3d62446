import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { Account } from '../accounts/account.entity';
import {
  activeUser,
  assertMayEdit,
  assertVersion,
  assertVisible,
  badReference,
  newOwner,
  seesOnlyOwn,
} from '../accounts/crm-access';
import { archiveRecord, changeRecord, fieldsOf, recordChange } from '../accounts/crm-events';
import { allOf, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { created, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  SUBSCRIPTION_SORTS,
  type CreateSubscriptionInput,
  type ListSubscriptionsQuery,
  type SubscriptionView,
  type UpdateSubscriptionInput,
} from './subscription.dto';
import { Subscription } from './subscription.entity';
import { subscriptionView } from './subscription.view';

const EVENT_FIELDS = [
  'account',
  'plan',
  'startDate',
  'endDate',
  'renewalStatus',
  'warrantyEnd',
  'amount',
  'owner',
  'archivedAt',
] as const;
const POPULATE = ['owner', 'account'] as const;

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateSubscriptionInput, actor: User): Promise<SubscriptionView> {
    const subscription = await this.em.transactional(async (tx) => {
      const { accountId, ownerId, ...fields } = input;
      const subscription = tx.create(Subscription, {
        ...fields,
        account: await this.account(tx, accountId),
        owner: await newOwner(tx, ownerId, actor),
      });
      this.event(tx, subscription, 'created', actor, created(fieldsOf(subscription), EVENT_FIELDS));
      return subscription;
    });
    this.outbox.committed();
    return subscriptionView(subscription);
  }

  async update(id: string, input: UpdateSubscriptionInput, actor: User): Promise<SubscriptionView> {
    const subscription = await changeRecord(this.em, this.outbox, {
      type: 'subscription',
      action: 'updated',
      actor,
      load: (tx) => this.editable(tx, id, actor, input.version),
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
      apply: async (tx, subscription) => {
        const { version: _version, accountId, ownerId, ...fields } = input;
        Object.assign(subscription, fields);
        // The body alone cannot tell when only one of the two dates is sent.
        if (subscription.endDate < subscription.startDate) {
          throw new BatonError('VALIDATION_FAILED', 'endDate must not be before startDate', {
            field: 'endDate',
          });
        }
        if (accountId !== undefined && accountId !== subscription.account.id) {
          subscription.account = await this.account(tx, accountId);
        }
        if (ownerId !== undefined) {
          subscription.owner = ownerId === null ? null : await activeUser(tx, ownerId);
        }
      },
    });
    return subscriptionView(subscription);
  }

  async archive(id: string, actor: User): Promise<SubscriptionView> {
    const subscription = await archiveRecord(this.em, this.outbox, {
      type: 'subscription',
      actor,
      load: (tx) => this.editable(tx, id, actor),
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
    });
    return subscriptionView(subscription);
  }

  /** A subscription the actor may change, at the version they read when one is given. */
  private async editable(
    tx: EntityManager,
    id: string,
    actor: User,
    version?: number,
  ): Promise<Subscription> {
    const subscription = await this.find(tx, id, actor);
    assertMayEdit(subscription, actor, 'subscriptions');
    if (version !== undefined) assertVersion(subscription, version, 'subscription');
    return subscription;
  }

  async get(id: string, viewer: User): Promise<SubscriptionView> {
    return subscriptionView(await this.find(this.em, id, viewer));
  }

  async list(query: ListSubscriptionsQuery, viewer: User): Promise<Page<SubscriptionView>> {
    const sort = parseSort(query.sort, SUBSCRIPTION_SORTS);
    const where = allOf([
      seesOnlyOwn(viewer) ? { owner: viewer.id } : undefined,
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.renewalStatus ? { renewalStatus: query.renewalStatus } : undefined,
      query.endingBefore ? { endDate: { $lt: query.endingBefore } } : undefined,
      query.account ? { account: query.account } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Subscription, where, {
      populate: POPULATE,
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, subscriptionView);
  }

  private async account(tx: EntityManager, id: string): Promise<Account> {
    const account = await tx.findOne(Account, { id, archivedAt: null });
    if (!account) throw badReference('accountId', id);
    return account;
  }

  private async find(em: EntityManager, id: string, viewer: User): Promise<Subscription> {
    const subscription = await em.findOne(Subscription, { id }, { populate: POPULATE });
    return assertVisible(subscription, viewer, 'subscription', id);
  }

  private event(
    tx: EntityManager,
    subscription: Subscription,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'subscription', id: subscription.id }, action, actor, changes);
  }
}
