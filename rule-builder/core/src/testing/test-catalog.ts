// Spec support: the activity steps the fixtures use, with config schemas shaped like the API's
// step handlers (apps/api/src/engine/steps), which this package may not import.
import { z } from 'zod';
import { CONTROL_STEP_ENTRIES, createStepCatalog } from '../step-catalog';
import type { StepCatalog } from '../step-catalog';

const assignOwnerConfig = z.strictObject({
  strategy: z.literal('round_robin'),
  role: z.enum(['admin', 'sales_rep', 'approver', 'manager', 'engineer']),
});

const createTaskConfig = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  assignee: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('record_owner') }),
    z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
  ]),
  dueInBusinessDays: z.number().int().min(0).max(365),
  priority: z.enum(['low', 'normal', 'high']),
});

/** Control steps plus `assign_owner` and `create_task`. */
export const TEST_CATALOG: StepCatalog = createStepCatalog([
  ...CONTROL_STEP_ENTRIES,
  { type: 'assign_owner', kind: 'activity', configSchema: assignOwnerConfig },
  { type: 'create_task', kind: 'activity', configSchema: createTaskConfig },
]);
