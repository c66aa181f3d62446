import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { activeUser, assertMayEdit, assertVersion, assertVisible, seesOnlyOwn } from '../accounts/crm-access';
import { archiveRecord, changeRecord, fieldsOf } from '../accounts/crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
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
import { CASE_EVENT_FIELDS as EVENT_FIELDS, createCase, liveContact } from './case-create';
import { caseView } from './case.view';
import { reprioritise } from './sla';

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
    const supportCase = await this.em.transactional((tx) => createCase(tx, this.outbox, input, actor));
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
        const { version: _version, contactId, ownerId, priority, ...fields } = input;
        Object.assign(supportCase, fields);
        if (priority !== undefined) reprioritise(supportCase, priority);
        if (contactId !== undefined) {
          supportCase.contact = contactId === null ? null : await liveContact(tx, contactId);
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

  private async find(em: EntityManager, id: string, viewer: User): Promise<SupportCase> {
    const supportCase = await em.findOne(SupportCase, { id }, { populate: POPULATE });
    return assertVisible(supportCase, viewer, 'case', id);
  }
}
