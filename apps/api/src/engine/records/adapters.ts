import { BatonError } from '@baton/domain';
import type { EntityType } from '@baton/contracts';
import { Account } from '../../accounts/account.entity';
import { CASE_PRIORITIES, CASE_STATUSES, SupportCase } from '../../cases/case.entity';
import { reprioritise } from '../../cases/sla';
import { Contact } from '../../contacts/contact.entity';
import { LEAD_SOURCES, LEAD_STATUSES, Lead } from '../../leads/lead.entity';
import { leadFields } from '../../leads/lead.view';
import { OPPORTUNITY_STAGES, Opportunity } from '../../opportunities/opportunity.entity';
import { Quote } from '../../quotes/quote.entity';
import { QUOTE_ACTIONS } from '../../quotes/quote-status';
import { RENEWAL_STATUSES, Subscription } from '../../subscriptions/subscription.entity';
import { TASK_PRIORITIES, TASK_STATUSES, Task } from '../../tasks/task.entity';
import { caseCreator, opportunityCreator, quoteCreator, taskCreator } from './creators';
import {
  integer,
  iso,
  money,
  oneOf,
  text,
  userRef,
  type FieldWriter,
  type RecordAdapter,
} from './record-adapter';

const owner = userRef<{ owner: unknown }>('owner', { nullable: true });
const ownerIdOf = (r: { owner: { id: string } | null }): string | null => r.owner?.id ?? null;

const lead: RecordAdapter<Lead> = {
  entity: Lead,
  populate: ['owner'],
  label: (l) => (l.company ? `${l.name} (${l.company})` : l.name),
  ownerId: ownerIdOf,
  fields: leadFields,
  writable: {
    ownerId: owner,
    score: integer({ min: 0, max: 100, nullable: true }),
    status: oneOf(LEAD_STATUSES),
    region: text({ nullable: true, max: 100 }),
    source: oneOf(LEAD_SOURCES),
  },
};

// A step moves a quote only along the status machine (e.g. submitted → approved), and a decision
// is stamped when it lands, as when a person decides through the API.
const quoteStatus: FieldWriter<Quote> = (_em, quote, value) => {
  const allowed = Object.values(QUOTE_ACTIONS).some(
    (a) => a.to === value && (a.from as readonly string[]).includes(quote.status),
  );
  if (!allowed) {
    throw new BatonError(
      'INVALID_TRANSITION',
      `A step cannot move a ${quote.status} quote to ${String(value)}`,
      {
        status: quote.status,
        to: value,
      },
    );
  }
  quote.status = value as Quote['status'];
  if (value === 'approved' || value === 'rejected') quote.decidedAt = new Date();
  quote.updatedAt = new Date();
};

const decidedBy = userRef<Quote>('decidedBy', { nullable: true });
const quoteDecider: FieldWriter<Quote> = async (em, quote, value, field) => {
  await decidedBy(em, quote, value, field);
  quote.decidedAt = value === null ? null : new Date();
};

const quote: RecordAdapter<Quote> = {
  entity: Quote,
  populate: ['owner', 'decidedBy', 'lines'],
  label: (q) => q.name,
  ownerId: ownerIdOf,
  fields: (q) => {
    const discounts = q.lines.getItems().map((l) => Number(l.discountPercent));
    return {
      id: q.id,
      name: q.name,
      status: q.status,
      currency: q.currency,
      subtotal: money(q.subtotal),
      discountTotal: money(q.discountTotal),
      total: money(q.total),
      // What approval rules route on: the deepest line discount and the overall discount.
      maxDiscountPercent: discounts.length ? Math.max(...discounts) : 0,
      discountPercent: Number(q.subtotal) > 0 ? (Number(q.discountTotal) / Number(q.subtotal)) * 100 : 0,
      lineCount: discounts.length,
      opportunityId: q.opportunity.id,
      accountId: q.account.id,
      ownerId: ownerIdOf(q),
      decisionComment: q.decisionComment,
      decidedById: q.decidedBy?.id ?? null,
      createdAt: iso(q.createdAt),
      updatedAt: iso(q.updatedAt),
    };
  },
  writable: {
    status: quoteStatus,
    decisionComment: text({ nullable: true }),
    decidedById: quoteDecider,
    ownerId: owner,
  },
  create: quoteCreator,
};

const opportunity: RecordAdapter<Opportunity> = {
  entity: Opportunity,
  populate: ['owner'],
  label: (o) => o.name,
  ownerId: ownerIdOf,
  fields: (o) => ({
    id: o.id,
    name: o.name,
    stage: o.stage,
    amount: money(o.amount),
    currency: o.currency,
    closeDate: o.closeDate,
    rfiReference: o.rfiReference,
    rfpReference: o.rfpReference,
    offerDeadline: iso(o.offerDeadline),
    accountId: o.account.id,
    ownerId: ownerIdOf(o),
    createdAt: iso(o.createdAt),
    updatedAt: iso(o.updatedAt),
  }),
  writable: { stage: oneOf(OPPORTUNITY_STAGES), ownerId: owner },
  create: opportunityCreator,
};

const subscription: RecordAdapter<Subscription> = {
  entity: Subscription,
  populate: ['owner'],
  label: (s) => s.plan,
  ownerId: ownerIdOf,
  fields: (s) => ({
    id: s.id,
    plan: s.plan,
    startDate: s.startDate,
    endDate: s.endDate,
    renewalStatus: s.renewalStatus,
    warrantyEnd: s.warrantyEnd,
    amount: money(s.amount),
    accountId: s.account.id,
    ownerId: ownerIdOf(s),
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  }),
  writable: { renewalStatus: oneOf(RENEWAL_STATUSES), ownerId: owner },
};

const supportCase: RecordAdapter<SupportCase> = {
  entity: SupportCase,
  populate: ['owner'],
  label: (c) => c.subject,
  ownerId: ownerIdOf,
  fields: (c) => ({
    id: c.id,
    subject: c.subject,
    priority: c.priority,
    status: c.status,
    slaDueAt: iso(c.slaDueAt),
    accountId: c.account.id,
    contactId: c.contact?.id ?? null,
    ownerId: ownerIdOf(c),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  }),
  writable: {
    // A step changing the priority moves the SLA exactly as a person's change does.
    priority: (em, c, value, field) => {
      const wanted = { priority: c.priority };
      void oneOf<typeof wanted>(CASE_PRIORITIES)(em, wanted, value, field);
      reprioritise(c, wanted.priority);
    },
    status: oneOf(CASE_STATUSES),
    ownerId: owner,
  },
  create: caseCreator,
};

const account: RecordAdapter<Account> = {
  entity: Account,
  populate: ['owner'],
  label: (a) => a.name,
  ownerId: ownerIdOf,
  fields: (a) => ({
    id: a.id,
    name: a.name,
    domain: a.domain,
    industry: a.industry,
    region: a.region,
    ownerId: ownerIdOf(a),
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
  }),
  writable: {
    region: text({ nullable: true, max: 100 }),
    industry: text({ nullable: true }),
    ownerId: owner,
  },
};

const contact: RecordAdapter<Contact> = {
  entity: Contact,
  populate: ['owner'],
  label: (c) => c.name,
  ownerId: ownerIdOf,
  fields: (c) => ({
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    title: c.title,
    ownerId: ownerIdOf(c),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  }),
  writable: { title: text({ nullable: true, max: 200 }), ownerId: owner },
};

const task: RecordAdapter<Task> = {
  entity: Task,
  populate: ['assignee'],
  label: (t) => t.title,
  ownerId: (t) => t.assignee.id,
  fields: (t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    priority: t.priority,
    dueAt: iso(t.dueAt),
    assigneeId: t.assignee.id,
    ownerId: t.assignee.id,
    recordType: t.recordType,
    recordId: t.recordId,
    createdAt: iso(t.createdAt),
    completedAt: iso(t.completedAt),
  }),
  writable: {
    priority: oneOf(TASK_PRIORITIES),
    status: oneOf(TASK_STATUSES),
    assigneeId: userRef('assignee', { nullable: false }),
  },
  create: taskCreator,
};

export const RECORD_ADAPTERS: Record<EntityType, RecordAdapter> = {
  lead,
  quote,
  opportunity,
  subscription,
  case: supportCase,
  account,
  contact,
  task,
};
