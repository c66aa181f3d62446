import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { defineActivityType, type CrmRecord } from '@baton/activity-sdk';
import { RuleError, validateRule } from '@baton/rules';
import { evaluateValue, recordData } from './record-data';

/** The kinds of record a step may create; people (users) and the CRM's master data are made by hand. */
export const CREATABLE_ENTITIES = ['opportunity', 'quote', 'case', 'task'] as const;
export type CreatableEntity = (typeof CREATABLE_ENTITIES)[number];

// A value is JSON Logic when it is an object with one key ({"var": …}); arrays and objects with
// several keys (a quote line) are walked, so each of their own values may be JSON Logic in turn.
function isExpression(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1
  );
}

function expressions(value: unknown, path: Array<string | number>): Array<[unknown, Array<string | number>]> {
  if (isExpression(value)) return [[value, path]];
  if (Array.isArray(value)) return value.flatMap((item, i) => expressions(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => expressions(item, [...path, key]));
  }
  return [];
}

function evaluate(value: unknown, data: Record<string, unknown>, now: Date): unknown {
  if (isExpression(value)) return evaluateValue(value, data, now);
  if (Array.isArray(value)) return value.map((item) => evaluate(item, data, now));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluate(item, data, now)]));
  }
  return value;
}

// Expressions are checked when the workflow is saved; which fields exist depends on the record
// the run is about, so `var` paths are left to run time.
const values = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.unknown())
  .superRefine((fields, ctx) => {
    const found = Object.entries(fields).flatMap(([field, value]) => expressions(value, [field]));
    for (const [rule, path] of found) {
      for (const error of validateRule(rule).errors) {
        ctx.addIssue({ code: 'custom', message: `${error.code}: ${error.message}`, path });
      }
    }
  })
  .describe(
    'Field → value; a value may be JSON Logic, e.g. {"cat": ["Renewal: ", {"var": "subscription.plan"}]}',
  );

const configSchema = z.strictObject({
  entity: z.enum(CREATABLE_ENTITIES).describe('What kind of record to create'),
  values,
  link: z
    .boolean()
    .default(false)
    .describe(
      "Relate it to the run's record: the record's account (opportunity, case), its opportunity (quote), the record itself (task)",
    ),
});

function linkedId(trigger: CrmRecord, type: string, field: string): string | undefined {
  const id = trigger.type === type ? trigger.id : trigger.fields[field];
  return typeof id === 'string' ? id : undefined;
}

/**
 * Where the domain relates a new record of `entity` to the record the run is about. A field the
 * step gives itself wins, e.g. a quote on another opportunity of the account.
 */
function links(
  entity: CreatableEntity,
  trigger: CrmRecord,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const via = (type: string, field: string): Record<string, unknown> => {
    if (Object.hasOwn(given, field)) return {};
    const id = linkedId(trigger, type, field);
    if (id === undefined) {
      throw new BatonError(
        'DEFINITION_INVALID',
        `A new ${entity} cannot be linked to a ${trigger.type}: it has no ${field}`,
        { entity, record: trigger.type, field },
      );
    }
    return { [field]: id };
  };
  switch (entity) {
    case 'opportunity':
    case 'case':
      return via('account', 'accountId');
    case 'quote':
      return via('opportunity', 'opportunityId');
    case 'task':
      return Object.hasOwn(given, 'recordId') ? {} : { recordType: trigger.type, recordId: trigger.id };
  }
}

/**
 * Creates a record — a renewal opportunity, its draft quote, a follow-up case or task — checked as
 * the API checks a new record, with the run as its creator. Later steps reach it through
 * `steps.<this step>.recordId`.
 */
export const createRecord = defineActivityType({
  type: 'create_record',
  title: 'Create record',
  category: 'Records',
  icon: 'file-plus',
  description: 'Creates an opportunity, quote, case or task, each field fixed or computed.',
  configSchema,
  outputSchema: z.object({ recordId: z.string(), entity: z.enum(CREATABLE_ENTITIES) }),
  async run({ config, record, steps, trigger, crm, now }) {
    const data = await recordData(crm, record, steps, trigger);
    const given: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(config.values)) {
      try {
        given[field] = evaluate(value, data, now);
      } catch (err) {
        if (!(err instanceof RuleError)) throw err;
        throw new BatonError('DEFINITION_INVALID', `values.${field}: ${err.message}`, { field });
      }
    }
    const linked = config.link ? links(config.entity, await crm.getRecord(record), given) : {};
    const { id } = await crm.createRecord(config.entity, { ...linked, ...given });
    return { recordId: id, entity: config.entity };
  },
});
