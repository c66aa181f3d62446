import { z } from 'zod';
import { BatonError, ROLES } from '@baton/domain';
import { defineActivityType, type CrmGateway, type CrmUser } from '@baton/activity-sdk';
import { RuleError, truthy } from '@baton/rules';
import { activeMembers, ASSIGN_STRATEGIES, describePool, pickOwner, type OwnerPool } from './owner-pools';
import { evaluateValue, recordData } from './record-data';

const strategy = z
  .enum(ASSIGN_STRATEGIES)
  .describe(
    'Round-robin takes turns; weighted takes turns in proportion to weights; least-loaded picks whoever has the fewest open tasks',
  );

const weights = z
  .record(z.string().min(1), z.number().int().min(1).max(100))
  .refine((w) => Object.keys(w).length <= 200, 'give at most 200 weights')
  .describe('User id → share of the turns for the weighted strategy, e.g. 3 and 1; users not listed count 1');

const territory = z.strictObject({
  name: z.string().trim().min(1).max(100),
  // Checked against the record's fields by the definition validator, like an approval stage's `when`.
  when: z
    .unknown()
    .refine((rule) => rule !== undefined, 'a territory needs a condition')
    .describe('JSON Logic over the record, e.g. {"in":[{"var":"lead.region"},["EMEA","Europe"]]}'),
  assignTo: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('users'), userIds: z.array(z.string().min(1)).min(1).max(100) }),
    z.strictObject({ kind: z.literal('role'), role: z.enum(ROLES) }),
  ]),
  strategy: strategy.optional(),
  weights: weights.optional(),
});

const configSchema = z
  .strictObject({
    strategy: strategy.default('round_robin'),
    role: z.enum(ROLES).default('sales_rep').describe('Users of this role share the work'),
    weights: weights.optional(),
    territories: z
      .array(territory)
      .max(50)
      .optional()
      .describe(
        'Checked in order: the first whose condition holds names who shares the work; none, or nobody active in it, falls back to the role',
      ),
  })
  .superRefine((config, ctx) => {
    if (config.strategy === 'weighted' && !config.weights)
      ctx.addIssue({ code: 'custom', path: ['weights'], message: 'the weighted strategy needs weights' });
    const seen = new Set<string>();
    config.territories?.forEach((t, i) => {
      if (seen.has(t.name))
        ctx.addIssue({
          code: 'custom',
          path: ['territories', i, 'name'],
          message: `two territories are named ${t.name}`,
        });
      seen.add(t.name);
      if ((t.strategy ?? config.strategy) === 'weighted' && !t.weights && !config.weights)
        ctx.addIssue({
          code: 'custom',
          path: ['territories', i, 'weights'],
          message: 'the weighted strategy needs weights (here or on the step)',
        });
    });
  });

type Config = z.output<typeof configSchema>;
type Territory = NonNullable<Config['territories']>[number];

/** The first territory whose condition holds for the record, if any. */
function matchTerritory(
  territories: readonly Territory[],
  data: Record<string, unknown>,
  now: Date,
): Territory | undefined {
  for (const t of territories) {
    try {
      if (truthy(evaluateValue(t.when, data, now))) return t;
    } catch (error) {
      // A broken condition fails the same way on every retry: stop with a code that names it.
      if (error instanceof RuleError)
        throw new BatonError(
          'RULE_INVALID',
          `The condition of territory ${t.name} failed: ${error.message}`,
          {
            territory: t.name,
            ruleCode: error.code,
          },
        );
      throw error;
    }
  }
  return undefined;
}

/** The matched territory's pool when someone in it is active, else the step's role pool. */
async function choosePool(
  crm: CrmGateway,
  config: Config,
  matched: Territory | undefined,
): Promise<{ pool: OwnerPool; candidates: CrmUser[]; territory: string | null }> {
  if (matched) {
    const pool: OwnerPool = {
      members: matched.assignTo,
      strategy: matched.strategy ?? config.strategy,
      weights: matched.weights ?? config.weights ?? {},
    };
    const candidates = await activeMembers(crm, pool.members);
    if (candidates.length > 0) return { pool, candidates, territory: matched.name };
  }
  const pool: OwnerPool = {
    members: { kind: 'role', role: config.role },
    strategy: config.strategy,
    weights: config.weights ?? {},
  };
  const candidates = await activeMembers(crm, pool.members);
  if (candidates.length === 0) {
    const skipped = matched
      ? `territory ${matched.name} (${describePool(matched.assignTo)}) has nobody active and `
      : '';
    throw new BatonError(
      'NO_ASSIGNEE_AVAILABLE',
      `No one to assign: ${skipped}no active user has the role ${config.role}`,
      { role: config.role, ...(matched ? { territory: matched.name } : {}) },
    );
  }
  return { pool, candidates, territory: null };
}

/**
 * Gives the record an owner from a pool — the first matching territory's, else the step's role —
 * by turns, weighted turns or workload. Inactive users are never picked.
 */
export const assignOwner = defineActivityType({
  type: 'assign_owner',
  title: 'Assign owner',
  category: 'Routing',
  icon: 'user-check',
  description:
    'Sets the record owner by territory rules, else to the next user of a role: in turn, weighted, or by workload.',
  configSchema,
  outputSchema: z.object({
    ownerId: z.string(),
    ownerName: z.string(),
    /** The territory whose pool the owner came from; null when the role pool was used. */
    territory: z.string().nullable(),
    strategy: z.enum(ASSIGN_STRATEGIES),
    /** A territory that matched but had nobody active, so the role pool was used instead. */
    skippedTerritory: z.string().optional(),
  }),
  async run({ config, record, steps, trigger, crm, now }) {
    const matched = config.territories?.length
      ? matchTerritory(config.territories, await recordData(crm, record, steps, trigger), now)
      : undefined;
    const { pool, candidates, territory } = await choosePool(crm, config, matched);
    const owner = await pickOwner(crm, pool, candidates);
    await crm.updateRecord(record, { ownerId: owner.id });
    return {
      ownerId: owner.id,
      ownerName: owner.name,
      territory,
      strategy: pool.strategy,
      ...(matched && territory === null ? { skippedTerritory: matched.name } : {}),
    };
  },
});
