import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import type { Page } from '../common/pagination';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  ACCOUNT_SORTS,
  type AccountView,
  type CreateAccountInput,
  type ListAccountsQuery,
  type UpdateAccountInput,
} from './account.dto';
import { Account } from './account.entity';
import { accountView } from './account.view';
import { ACCOUNT_EVENT_FIELDS as EVENT_FIELDS, createAccount } from './account-create';
import { activeUser, assertMayEdit, assertVersion } from './crm-access';
import { archiveRecord, changeRecord, fieldsOf } from './crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, sameTextPattern, toPage } from './crm-list';

@Injectable()
export class AccountsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateAccountInput, actor: User): Promise<AccountView> {
    const account = await this.em.transactional((tx) => createAccount(tx, this.outbox, input, actor));
    this.outbox.committed();
    return accountView(account);
  }

  async update(id: string, input: UpdateAccountInput, actor: User): Promise<AccountView> {
    const account = await changeRecord(this.em, this.outbox, {
      type: 'account',
      action: 'updated',
      actor,
      load: async (tx) => {
        const account = await this.find(tx, id);
        assertMayEdit(account, actor, 'accounts');
        assertVersion(account, input.version, 'account');
        return account;
      },
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
      apply: async (tx, account) => {
        const { version: _version, ownerId, ...fields } = input;
        Object.assign(account, fields);
        if (ownerId !== undefined) account.owner = ownerId === null ? null : await activeUser(tx, ownerId);
      },
    });
    return accountView(account);
  }

  /** DELETE archives: the account stays readable by id and keeps its history; lists hide it. */
  async archive(id: string, actor: User): Promise<AccountView> {
    const account = await archiveRecord(this.em, this.outbox, {
      type: 'account',
      actor,
      load: async (tx) => {
        const account = await this.find(tx, id);
        assertMayEdit(account, actor, 'accounts');
        return account;
      },
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
    });
    return accountView(account);
  }

  async get(id: string): Promise<AccountView> {
    return accountView(await this.find(this.em, id));
  }

  async list(query: ListAccountsQuery, viewer: User): Promise<Page<AccountView>> {
    const sort = parseSort(query.sort, ACCOUNT_SORTS);
    const where = allOf([
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.industry ? { industry: { $ilike: sameTextPattern(query.industry) } } : undefined,
      query.region ? { region: { $ilike: sameTextPattern(query.region) } } : undefined,
      query.q ? { name: { $ilike: containsPattern(query.q) } } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Account, where, {
      populate: ['owner'],
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, accountView);
  }

  private async find(em: EntityManager, id: string): Promise<Account> {
    const account = await em.findOne(Account, { id }, { populate: ['owner'] });
    if (!account) throw new BatonError('NOT_FOUND', 'No account with this id', { id });
    return account;
  }
}
