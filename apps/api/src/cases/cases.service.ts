import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
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
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { Contact } from '../contacts/contact.entity';
import { created, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  CASE_SORTS,
  type CaseView,
  type CreateCaseInput,
  type ListCasesQuery,
  type UpdateCaseInput,
} from './case.dto';
import { SETTLED_CASE_STATUSES, SupportCase } from './case.entity';
import { caseView } from './case.view';
import { slaDueAt } from './sla';

const EVENT_FIELDS = [
  'account',
  'contact',
  'subject',
  'description',
  'priority',
  'status',
  'slaDueAt',
  'owner',
  'archivedAt',
] as const;
const POPULATE = ['owner', 'account', 'contact'] as const;

function breachedFilter(breached: 'true' | 'false' | undefined, now: Date) {
  if (breached === undefined) return undefined;
  const live = { slaDueAt: { $lt: now }, status: { $nin: [...SETTLED_CASE_STATUSES] } };
  return breached === 'true' ? live : { $not: live };
}

@Injectable()
export class CasesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateCaseInput, actor: User): Promise<CaseView> {
    const supportCase = await this.em.transactional(async (tx) => {
      const { accountId, contactId, ownerId, ...fields } = input;
      const openedAt = new Date();
      const supportCase = tx.create(SupportCase, {
        ...fields,
        account: await this.account(tx, accountId),
        contact: contactId ? await this.contact(tx, contactId) : null,
        slaDueAt: slaDueAt(fields.priority ?? 'normal', openedAt),
        owner: await newOwner(tx, ownerId, actor),
        createdAt: openedAt,
        updatedAt: openedAt,
      });
      this.event(tx, supportCase, 'created', actor, created(fieldsOf(supportCase), EVENT_FIELDS));
      return supportCase;
    });
    this.outbox.committed();
    return caseView(supportCase);
  }

  async update(id: string, input: UpdateCaseInput, actor: User): Promise<CaseView> {
    const supportCase = await changeRecord(this.em, this.outbox, {
      type: 'case',
      action: 'updated',
      actor,
      load: (tx) => this.editable(tx, id, actor, input.version),
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
      apply: async (tx, supportCase) => {
        const { version: _version, contactId, ownerId, ...fields } = input;
        Object.assign(supportCase, fields);
        if (contactId !== undefined) {
          supportCase.contact = contactId === null ? null : await this.contact(tx, contactId);
        }
        if (ownerId !== undefined)
          supportCase.owner = ownerId === null ? null : await activeUser(tx, ownerId);
      },
    });
    return caseView(supportCase);
  }

  async archive(id: string, actor: User): Promise<CaseView> {
    const supportCase = await archiveRecord(this.em, this.outbox, {
      type: 'case',
      actor,
      load: (tx) => this.editable(tx, id, actor),
      snapshot: fieldsOf,
      fields: EVENT_FIELDS,
    });
    return caseView(supportCase);
  }

  /** A case the actor may change, at the version they read when one is given. */
  private async editable(tx: EntityManager, id: string, actor: User, version?: number): Promise<SupportCase> {
    const supportCase = await this.find(tx, id, actor);
    assertMayEdit(supportCase, actor, 'cases');
    if (version !== undefined) assertVersion(supportCase, version, 'case');
    return supportCase;
  }

  async get(id: string, viewer: User): Promise<CaseView> {
    return caseView(await this.find(this.em, id, viewer));
  }

  async list(query: ListCasesQuery, viewer: User): Promise<Page<CaseView>> {
    const sort = parseSort(query.sort, CASE_SORTS);
    const where = allOf([
      seesOnlyOwn(viewer) ? { owner: viewer.id } : undefined,
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.status ? { status: query.status } : undefined,
      query.priority ? { priority: query.priority } : undefined,
      query.account ? { account: query.account } : undefined,
      query.q ? { subject: { $ilike: containsPattern(query.q) } } : undefined,
      breachedFilter(query.breached, new Date()),
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(SupportCase, where, {
      populate: POPULATE,
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, caseView);
  }

  private async account(tx: EntityManager, id: string): Promise<Account> {
    const account = await tx.findOne(Account, { id, archivedAt: null });
    if (!account) throw badReference('accountId', id);
    return account;
  }

  private async contact(tx: EntityManager, id: string): Promise<Contact> {
    const contact = await tx.findOne(Contact, { id, archivedAt: null });
    if (!contact) throw badReference('contactId', id);
    return contact;
  }

  private async find(em: EntityManager, id: string, viewer: User): Promise<SupportCase> {
    const supportCase = await em.findOne(SupportCase, { id }, { populate: POPULATE });
    return assertVisible(supportCase, viewer, 'case', id);
  }

  private event(
    tx: EntityManager,
    supportCase: SupportCase,
    action: 'created' | 'updated' | 'deleted',
    actor: User,
    changes: Changes,
  ): void {
    recordChange(this.outbox, tx, { type: 'case', id: supportCase.id }, action, actor, changes);
  }
}
