import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { activeUser, assertMayEdit, assertVersion, assertVisible, seesOnlyOwn } from '../accounts/crm-access';
import { recordChange } from '../accounts/crm-events';
import { Approval } from '../approvals/approval.entity';
import { WorkflowRun } from '../workflows/workflow-run.entity';
import { ApprovalsService } from '../approvals/approvals.service';
import { AuditService } from '../audit/audit.service';
import { allOf, containsPattern, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import type { Page } from '../common/pagination';
import { diff, type Changes } from '../outbox/changes';
import { OutboxService } from '../outbox/outbox.service';
import type { User } from '../users/user.entity';
import {
  QUOTE_SORTS,
  type CreateQuoteInput,
  type ListQuotesQuery,
  type QuoteView,
  type UpdateQuoteInput,
} from './quote.dto';
import { Quote } from './quote.entity';
import {
  createQuote,
  QUOTE_EVENT_FIELDS as EVENT_FIELDS,
  quoteSnapshot as snapshot,
  setQuoteLines,
} from './quote-create';
import { assertEditable, nextStatus, type QuoteAction } from './quote-status';
import { quoteView } from './quote.view';

const SETTLE_WAIT_MS = 5_000;
const OPENING_WAIT_MS = 3_000;
const POPULATE = ['owner', 'decidedBy', 'opportunity', 'account', 'lines.product'] as const;

@Injectable()
export class QuotesService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly approvals: ApprovalsService,
  ) {}

  async create(input: CreateQuoteInput, actor: User): Promise<QuoteView> {
    const quote = await this.em.transactional((tx) => createQuote(tx, this.outbox, input, actor));
    this.outbox.committed();
    return quoteView(quote);
  }

  async update(id: string, input: UpdateQuoteInput, actor: User): Promise<QuoteView> {
    return this.change(id, actor, input.version, async (tx, quote) => {
      assertEditable(quote.status);
      if (input.name !== undefined) quote.name = input.name;
      if (input.ownerId !== undefined) {
        quote.owner = input.ownerId === null ? null : await activeUser(tx, input.ownerId);
      }
      if (input.lines) await setQuoteLines(tx, quote, input.lines);
    });
  }

  /** submit, send, accept and reopen: the owner (or a manager) moves the quote along. */
  async act(id: string, action: Exclude<QuoteAction, 'approve' | 'reject'>, actor: User): Promise<QuoteView> {
    return this.change(id, actor, undefined, async (_tx, quote) => {
      quote.status = nextStatus(quote.status, action);
    });
  }

  /**
   * approve or reject a submitted quote; the controller lets only approvers, managers and admins
   * here. While an approval workflow is waiting on the quote, the decision goes to that run (which
   * settles races and moves the quote on) instead of being written here.
   */
  async decide(id: string, action: 'approve' | 'reject', comment: string | undefined, actor: User) {
    const pending = await this.pendingApproval(id);
    if (pending) {
      await this.find(this.em, id, actor);
      await this.approvals.act(pending.id, { action, ...(comment ? { comment } : {}) }, actor);
      return this.settled(id, actor);
    }
    return this.change(
      id,
      actor,
      undefined,
      async (tx, quote) => {
        const before = { status: quote.status, decisionComment: quote.decisionComment };
        quote.status = nextStatus(quote.status, action);
        quote.decisionComment = comment ?? null;
        quote.decidedBy = await activeUser(tx, actor.id);
        quote.decidedAt = new Date();
        // Inside change()'s transaction, so the decision and its audit entry commit together.
        this.audit.record(tx, {
          actor,
          action: `quote.${action === 'approve' ? 'approved' : 'rejected'}`,
          entityType: 'quote',
          entityId: quote.id,
          before,
          after: { status: quote.status, decisionComment: quote.decisionComment },
        });
      },
      { ownerOnly: false },
    );
  }

  /**
   * The approval request waiting on this quote. A run that has just started on it may not have
   * opened its request yet; a decision made in that moment waits for the request rather than
   * going around it.
   */
  private async pendingApproval(id: string): Promise<Approval | null> {
    const deadline = Date.now() + OPENING_WAIT_MS;
    for (;;) {
      const em = this.em.fork();
      const pending = await em.findOne(Approval, { recordType: 'quote', recordId: id, status: 'pending' });
      if (pending) return pending;
      const fresh = await em.count(WorkflowRun, {
        recordType: 'quote',
        recordId: id,
        status: 'running',
        startedAt: { $gt: new Date(Date.now() - OPENING_WAIT_MS) },
      });
      if (fresh === 0 || Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // The run moves the quote on a moment after the decision; answer with the quote once it has.
  private async settled(id: string, viewer: User): Promise<QuoteView> {
    for (let waited = 0; waited < SETTLE_WAIT_MS; waited += 100) {
      const quote = await this.em.fork().findOne(Quote, { id }, { populate: POPULATE });
      if (quote && quote.status !== 'submitted') return quoteView(quote);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return this.get(id, viewer);
  }

  /** submitted → draft by its owner; a pending approval request is recalled with it. */
  async recall(id: string, actor: User): Promise<QuoteView> {
    const pending = await this.pendingApproval(id);
    if (!pending) return this.act(id, 'recall', actor);
    assertMayEdit(await this.find(this.em, id, actor), actor, 'quotes');
    await this.approvals.act(pending.id, { action: 'recall' }, actor);
    return this.settled(id, actor);
  }

  async archive(id: string, actor: User): Promise<QuoteView> {
    const quote = await this.em.transactional(async (tx) => {
      const quote = await this.find(tx, id, actor);
      assertMayEdit(quote, actor, 'quotes');
      if (quote.archivedAt) return quote;
      const before = snapshot(quote);
      quote.archivedAt = new Date();
      this.event(tx, quote, diff(before, snapshot(quote), EVENT_FIELDS), actor, 'deleted');
      return quote;
    });
    this.outbox.committed();
    return quoteView(quote);
  }

  async get(id: string, viewer: User): Promise<QuoteView> {
    return quoteView(await this.find(this.em, id, viewer));
  }

  async list(query: ListQuotesQuery, viewer: User): Promise<Page<QuoteView>> {
    const sort = parseSort(query.sort, QUOTE_SORTS);
    const where = allOf([
      seesOnlyOwn(viewer) ? { owner: viewer.id } : undefined,
      query.archived ? undefined : { archivedAt: null },
      query.owner ? { owner: query.owner === 'me' ? viewer.id : query.owner } : undefined,
      query.status ? { status: query.status } : undefined,
      query.opportunity ? { opportunity: query.opportunity } : undefined,
      query.account ? { account: query.account } : undefined,
      query.q ? { name: { $ilike: containsPattern(query.q) } } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(Quote, where, {
      populate: POPULATE,
      strategy: 'select-in',
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, quoteView);
  }

  /** Loads, checks rights (and `version` when given), applies `apply`, and records `quote.updated`. */
  private async change(
    id: string,
    actor: User,
    version: number | undefined,
    apply: (tx: EntityManager, quote: Quote) => Promise<void>,
    options: { ownerOnly: boolean } = { ownerOnly: true },
  ): Promise<QuoteView> {
    const quote = await this.em.transactional(async (tx) => {
      const quote = await this.find(tx, id, actor);
      if (options.ownerOnly) assertMayEdit(quote, actor, 'quotes');
      if (version !== undefined) assertVersion(quote, version, 'quote');
      const before = snapshot(quote);
      await apply(tx, quote);
      const changes = diff(before, snapshot(quote), EVENT_FIELDS);
      // Line changes alone do not touch the row; touching it bumps the version all the same.
      if (Object.keys(changes).length > 0) quote.updatedAt = new Date();
      this.event(tx, quote, changes, actor, 'updated');
      return quote;
    });
    this.outbox.committed();
    return quoteView(quote);
  }

  private async find(em: EntityManager, id: string, viewer: User): Promise<Quote> {
    const quote = await em.findOne(Quote, { id }, { populate: POPULATE });
    return assertVisible(quote, viewer, 'quote', id);
  }

  private event(
    tx: EntityManager,
    quote: Quote,
    changes: Changes,
    actor: User,
    action: 'updated' | 'deleted',
  ): void {
    recordChange(this.outbox, tx, { type: 'quote', id: quote.id }, action, actor, changes);
  }
}
