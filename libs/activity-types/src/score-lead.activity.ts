import { z } from 'zod';
import { conditionSchemaFor } from '@baton/contracts';
import { defineActivityType } from '@baton/activity-sdk';
import { evaluateRule, truthy, validateRule } from '@baton/rules';

const LEAD_SCHEMA = conditionSchemaFor('lead');

// Conditions are checked when the workflow is saved, so a typo in a field fails then, not at run time.
const condition = z.unknown().superRefine((rule, ctx) => {
  for (const error of validateRule(rule, LEAD_SCHEMA).errors) {
    ctx.addIssue({
      code: 'custom',
      message: `${error.code}: ${error.message}`,
      path: error.path ? error.path.split('.') : [],
    });
  }
});

const configSchema = z.strictObject({
  base: z.number().int().min(0).max(100).default(0).describe('Score before any rule applies'),
  rules: z
    .array(
      z.strictObject({
        when: condition.describe('JSON Logic over the lead, e.g. {"==":[{"var":"lead.source"},"referral"]}'),
        points: z.number().int().min(-100).max(100),
      }),
    )
    .min(1)
    .max(50),
});

/** Scores a lead 0–100 from weighted rules and stores the score on the lead. */
export const scoreLead = defineActivityType({
  type: 'score_lead',
  title: 'Score lead',
  category: 'Scoring',
  icon: 'gauge',
  description: 'Adds the points of every rule the lead meets to a base score, capped to 0–100.',
  configSchema,
  inputSchema: z.object({ source: z.string(), email: z.string().nullable(), company: z.string().nullable() }),
  outputSchema: z.object({ score: z.number().int(), matched: z.array(z.number().int()) }),
  async run({ config, record, crm, now }) {
    const lead = await crm.getRecord(record);
    const data = { lead: lead.fields };
    const matched = config.rules.flatMap((rule, index) =>
      truthy(evaluateRule(rule.when, data, { now })) ? [index] : [],
    );
    const total = matched.reduce((sum, index) => sum + config.rules[index]!.points, config.base);
    const score = Math.max(0, Math.min(100, total));
    await crm.updateRecord(record, { score });
    return { score, matched };
  },
});
