import { z } from 'zod';
import { defineActivityType } from '@baton/activity-sdk';
import { evaluateValue, recordData } from './record-data';

const configSchema = z.strictObject({
  set: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.unknown())
    .refine((fields) => Object.keys(fields).length > 0, 'set at least one field')
    .describe('Field → value; a value may be JSON Logic, e.g. {"var": "steps.approve.comment"}'),
});

/** Changes fields of the triggering record; the record type decides which fields a step may set. */
export const updateRecord = defineActivityType({
  type: 'update_record',
  title: 'Update record',
  category: 'Records',
  icon: 'edit',
  description: 'Sets fields of the record (e.g. mark a quote approved), each value fixed or computed.',
  configSchema,
  outputSchema: z.object({ changed: z.record(z.string(), z.unknown()) }),
  async run({ config, record, steps, trigger, crm, now }) {
    const data = await recordData(crm, record, steps, trigger);
    const patch = Object.fromEntries(
      Object.entries(config.set).map(([field, value]) => [field, evaluateValue(value, data, now)]),
    );
    await crm.updateRecord(record, patch);
    return { changed: patch };
  },
});
