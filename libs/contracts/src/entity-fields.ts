import type { FieldDefinition, FieldSchema } from '@baton/rules';
import type { EntityType } from './definition';

const text: FieldDefinition = { type: 'string' };
const date: FieldDefinition = { type: 'date' };
const number: FieldDefinition = { type: 'number' };

/** Fields of each entity as conditions see them (dates as ISO-8601 strings, references as ids). */
export const ENTITY_FIELDS: Record<EntityType, Record<string, FieldDefinition>> = {
  lead: {
    id: text,
    name: text,
    email: text,
    company: text,
    phone: text,
    source: { type: 'string', label: 'Source' },
    status: { type: 'string', label: 'Status' },
    score: number,
    region: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  quote: {
    id: text,
    name: text,
    status: { type: 'string', label: 'Status' },
    currency: text,
    subtotal: number,
    discountTotal: number,
    total: number,
    maxDiscountPercent: { type: 'number', label: 'Deepest line discount %' },
    discountPercent: { type: 'number', label: 'Overall discount %' },
    lineCount: number,
    opportunityId: text,
    accountId: text,
    ownerId: text,
    decisionComment: text,
    decidedById: text,
    createdAt: date,
    updatedAt: date,
  },
  opportunity: {
    id: text,
    name: text,
    stage: { type: 'string', label: 'Stage' },
    amount: number,
    currency: text,
    closeDate: date,
    rfiReference: text,
    rfpReference: text,
    offerDeadline: { type: 'date', label: 'Offer submission deadline' },
    accountId: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  subscription: {
    id: text,
    plan: text,
    startDate: date,
    endDate: { type: 'date', label: 'End date' },
    renewalStatus: { type: 'string', label: 'Renewal status' },
    warrantyEnd: date,
    amount: number,
    accountId: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  case: {
    id: text,
    subject: text,
    priority: { type: 'string', label: 'Priority' },
    status: { type: 'string', label: 'Status' },
    slaDueAt: { type: 'date', label: 'SLA due' },
    accountId: text,
    contactId: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  account: {
    id: text,
    name: text,
    domain: text,
    industry: text,
    region: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  contact: {
    id: text,
    name: text,
    email: text,
    phone: text,
    title: text,
    ownerId: text,
    createdAt: date,
    updatedAt: date,
  },
  task: {
    id: text,
    title: text,
    status: text,
    priority: text,
    dueAt: date,
    assigneeId: text,
    ownerId: text,
    recordType: text,
    recordId: text,
    createdAt: date,
    completedAt: date,
  },
};

/**
 * The data a workflow's conditions are evaluated against: the triggering record under its entity
 * name (`lead.score`), the outputs of earlier steps (`steps.assign.ownerId`), what the trigger
 * brought (`trigger.payload.score` for a webhook) and the evaluation time.
 */
export function conditionSchemaFor(entity: EntityType): FieldSchema {
  const fields = ENTITY_FIELDS[entity];
  return {
    fields: {
      [entity]: fields ? { type: 'object', fields } : { type: 'object' },
      steps: { type: 'object' },
      // What the trigger brought: a webhook's posted JSON as `trigger.payload` (open: any shape).
      trigger: { type: 'object' },
    },
  };
}
