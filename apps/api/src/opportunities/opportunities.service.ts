import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { activeUser, assertMayEdit, assertVersion, assertVisible, seesOnlyOwn } from '../accounts/crm-access';
import { archiveRecord, changeRecord } from '../accounts/crm-events';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  OPPORTUNITY_SORTS,
  type CreateOpportunityInput,
  type ListOpportunitiesQuery,
  type OpportunityView,
  type UpdateOpportunityInput,
} from './opportunity.dto';
import { Opportunity } from './opportunity.entity';
import {
  createOpportunity,
  liveAccount,
  OPPORTUNITY_EVENT_FIELDS as EVENT_FIELDS,
  opportunitySnapshot as snapshot,
  setContacts,
  toDate,
} from './opportunity-create';
import { opportunityView } from './opportunity.view';

const POPULATE = ['owner', 'account', 'contacts'] as const;

@Injectable()
export class OpportunitiesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateOpportunityInput, actor: User): Promise<OpportunityView> {
    const opportunity = await this.em.transactional((tx) => createOpportunity(tx, this.outbox, input, actor));
    this.outbox.committed();
    return opportunityView(opportunity);
  }

  async update(id: string, input: UpdateOpportunityInput, actor: User): Promise<OpportunityView> {
    const opportunity = await changeRecord(this.em, this.outbox, {
      type: 'opportunity',
      action: 'updated',
      actor,
      load: (tx) => this.editable(tx, id, actor, input.version),
      snapshot,
      fields: EVENT_FIELDS,
      apply: async (tx, opportunity) => {
        const { version: _version, accountId, contactIds, ownerId, offerDeadline, ...fields } = input;
        Object.assign(opportunity, fields);
        if (offerDeadline !== undefined) opportunity.offerDeadline = toDate(offerDeadline) ?? null;
        if (accountId !== undefined && accountId !== opportunity.account.id) {
          opportunity.account = await liveAccount(tx, accountId);
        }
        if (ownerId !== undefined)
          opportunity.owner = ownerId === null ? null : await activeUser(tx, ownerId);
        if (contactIds) await setContacts(tx, opportunity, contactIds);
      },
      // Contact changes alone do not touch the row; touching it bumps the version all the same.
      onChanged: (opportunity) => {
        opportunity.updatedAt = new Date();
      },
    });
    return opportunityView(opportunity);
  }

  async archive(id: string, actor: User): Promise<OpportunityView> {
    const opportunity = await archiveRecord(this.em, this.outbox, {
      type: 'opportunity',
      actor,
      load: (tx) => this.editable(tx, id, actor),
      snapshot,
      fields: EVENT_FIELDS,
    });
    return opportunityView(opportunity);
  }

  /** An opportunity the actor may change, at the version they read when one is given. */
  private async editable(tx: EntityManager, id: string, actor: User, version?: number): Promise<Opportunity> {
    const opportunity = await this.find(tx, id, actor);
    assertMayEdit(opportunity, actor, 'opportunities');
    if (version !== undefined) assertVersion(opportunity, version, 'opportunity');
    return opportunity;
  }

  async get(id: string, viewer: User): Promise<OpportunityView> {
    return opportunityView(await this.find(this.em, id, viewer));
  }

  async list(query: ListOpportunitiesQuery, viewer: User): Promise<Page<OpportunityView>> {
    const sort = parseSort(query.sort, OPPORTUNITY_SORTS);
    const where = allOf([
      seesOnlyOwn(viewer) ? { owner: viewer.id } : undefined,
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.stage ? { stage: query.stage } : undefined,
      query.account ? { account: query.account } : undefined,
      query.q ? { name: { $ilike: containsPattern(query.q) } } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Opportunity, where, {
      populate: POPULATE,
      strategy: 'select-in',
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, opportunityView);
  }

  private async find(em: EntityManager, id: string, viewer: User): Promise<Opportunity> {
    const opportunity = await em.findOne(Opportunity, { id }, { populate: POPULATE });
    return assertVisible(opportunity, viewer, 'opportunity', id);
  }
}
