import { z } from 'zod';
import { ENTITY_TYPES } from '@baton/contracts';
import { createCase } from '../../cases/case-create';
import { createCaseSchema, type CreateCaseInput } from '../../cases/case.dto';
import { moneySchema } from '../../accounts/crm-money';
import { createOpportunity } from '../../opportunities/opportunity-create';
import { createOpportunitySchema, type CreateOpportunityInput } from '../../opportunities/opportunity.dto';
import { createQuote } from '../../quotes/quote-create';
import { createQuoteSchema, type CreateQuoteInput } from '../../quotes/quote.dto';
import { TASK_PRIORITIES } from '../../tasks/task.entity';
import { acceptsInstant, acceptsNumber, type RecordCreator } from './record-creator';

// Each creator is the API's own creation — same checks, defaults, totals and `<entity>.created`
// event — with the run as creator.

export const opportunityCreator: RecordCreator<CreateOpportunityInput> = {
  schema: createOpportunitySchema.extend({
    amount: acceptsNumber(moneySchema).optional(),
    closeDate: acceptsInstant(z.iso.date()).optional(),
  }),
  create: async (input, { em, outbox, actor }) => ({
    id: (await createOpportunity(em, outbox, input, actor)).id,
  }),
};

const line = createQuoteSchema.shape.lines.element.extend({
  unitPrice: acceptsNumber(moneySchema).optional().describe("Defaults to the product's price-book price"),
});

export const quoteCreator: RecordCreator<CreateQuoteInput> = {
  // A workflow may open an empty draft (a renewal quote the rep then fills in); people start a
  // quote with its lines. Either way it starts as a draft with totals computed from its lines.
  schema: createQuoteSchema.extend({ lines: z.array(line).max(100).default([]) }),
  create: async (input, { em, outbox, actor }) => ({ id: (await createQuote(em, outbox, input, actor)).id }),
};

export const caseCreator: RecordCreator<CreateCaseInput> = {
  schema: createCaseSchema,
  create: async (input, { em, outbox, actor }) => ({ id: (await createCase(em, outbox, input, actor)).id }),
};

const taskSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    assigneeId: z.uuid(),
    // A calendar day means the start of it, in UTC.
    dueAt: z.union([z.iso.datetime({ offset: true }), z.iso.date().transform((d) => `${d}T00:00:00Z`)]),
    priority: z.enum(TASK_PRIORITIES).default('normal'),
    recordType: z.enum(ENTITY_TYPES).optional(),
    recordId: z.uuid().optional(),
  })
  .refine((t) => (t.recordType === undefined) === (t.recordId === undefined), {
    message: 'recordType and recordId go together',
    path: ['recordId'],
  });

export const taskCreator: RecordCreator<z.infer<typeof taskSchema>> = {
  schema: taskSchema,
  create: (task, { createTask }) =>
    createTask({
      title: task.title,
      ...(task.description === undefined ? {} : { description: task.description }),
      assigneeId: task.assigneeId,
      dueAt: new Date(task.dueAt),
      priority: task.priority,
      ...(task.recordType && task.recordId ? { record: { type: task.recordType, id: task.recordId } } : {}),
    }),
};
