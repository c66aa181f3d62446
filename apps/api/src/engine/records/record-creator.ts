import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { NewTask } from '@baton/activity-sdk';
import { BatonError } from '@baton/domain';
import type { RunActor } from '../../accounts/crm-events';
import type { OutboxService } from '../../outbox/outbox.service';

/** What creating a record from a step may use: the step's transaction, the outbox, and the run as creator. */
export interface CreateContext {
  em: EntityManager;
  outbox: OutboxService;
  actor: RunActor;
  /** Tasks a step creates carry the run and step that made them, as `create_task`'s do. */
  createTask(task: NewTask): Promise<{ id: string }>;
}

/** How steps create records of one entity type, through the same code as the API. */
export interface RecordCreator<Input = any> {
  /**
   * The fields a step may give, checked as the API checks a new record. Fields that accept no
   * `undefined` are required.
   */
  schema: z.ZodObject;
  create(input: Input, context: CreateContext): Promise<{ id: string }>;
}

export function requiredFields(creator: RecordCreator): string[] {
  return Object.entries(creator.schema.shape)
    .filter(([, field]) => !(field as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/**
 * A step's values as the creator's input. A field the step may not give, or a value of the wrong
 * kind, is a fault of the definition (DEFINITION_INVALID); a required field with no value — say a
 * `var` that found nothing on this record — is VALIDATION_FAILED, as the API answers a body
 * without it.
 */
export function parseNewRecord(
  entity: string,
  creator: RecordCreator,
  values: Record<string, unknown>,
): unknown {
  const creatable = Object.keys(creator.schema.shape);
  const unknown = Object.keys(values).filter((field) => !creatable.includes(field));
  if (unknown.length > 0) {
    throw new BatonError('DEFINITION_INVALID', `A step may not set ${entity}.${unknown.join(', ')}`, {
      fields: unknown,
      creatable,
    });
  }
  // A `var` that finds nothing gives null; on a new record that means "not given".
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
  const missing = requiredFields(creator).filter((field) => given[field] === undefined);
  if (missing.length > 0) {
    throw new BatonError('VALIDATION_FAILED', `A new ${entity} needs ${missing.join(', ')}`, {
      missing,
    });
  }
  const parsed = creator.schema.safeParse(given);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  throw new BatonError('DEFINITION_INVALID', `A step gave a new ${entity} a wrong value: ${summary}`, {
    issues,
  });
}

// Conditions see money as numbers (subscription.amount = 2400), so a step may give one.
export function acceptsNumber<S extends z.ZodType>(money: S) {
  return z.preprocess((v) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(2) : v), money);
}

// Date operators (date_add, add_business_days) give instants; a calendar-day field takes their day.
export function acceptsInstant<S extends z.ZodType>(day: S) {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? v.slice(0, 10) : v),
    day,
  );
}
