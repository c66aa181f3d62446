import type { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { User } from '../../users/user.entity';
import type { RecordCreator } from './record-creator';

/** Sets one field of a record from a step, after checking the value; throws DEFINITION_INVALID if wrong. */
export type FieldWriter<R> = (
  em: EntityManager,
  record: R,
  value: unknown,
  field: string,
) => Promise<void> | void;

/** How steps see and change one entity type; one adapter per type keeps the gateway generic. */
export interface RecordAdapter<R extends { id: string } = any> {
  entity: new (...args: never[]) => R;
  populate: readonly string[];
  label(record: R): string;
  ownerId(record: R): string | null;
  /** The record as conditions see it: flat fields, dates as ISO strings, money as numbers, references as ids. */
  fields(record: R): Record<string, unknown>;
  /** Fields a step may set. Everything else is refused, so a definition cannot reach system fields. */
  writable: Record<string, FieldWriter<R>>;
  /** How a step creates one (`create_record`); absent where steps may not create this type. */
  create?: RecordCreator;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (field: string, expected: string): BatonError =>
  new BatonError('DEFINITION_INVALID', `A step set ${field} to a value that is not ${expected}`, { field });

export const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
export const money = (amount: string | null): number | null => (amount === null ? null : Number(amount));

export function text<R>(options: { nullable?: boolean; max?: number } = {}): FieldWriter<R> {
  return (_em, record, value, field) => {
    if (value === null && options.nullable) return void Object.assign(record as object, { [field]: null });
    if (typeof value !== 'string' || value.length > (options.max ?? 2000)) throw invalid(field, 'a text');
    Object.assign(record as object, { [field]: value });
  };
}

export function oneOf<R>(values: readonly string[]): FieldWriter<R> {
  return (_em, record, value, field) => {
    if (typeof value !== 'string' || !values.includes(value))
      throw invalid(field, `one of ${values.join(', ')}`);
    Object.assign(record as object, { [field]: value });
  };
}

export function integer<R>(options: { min: number; max: number; nullable?: boolean }): FieldWriter<R> {
  return (_em, record, value, field) => {
    if (value === null && options.nullable) return void Object.assign(record as object, { [field]: null });
    if (!Number.isInteger(value) || (value as number) < options.min || (value as number) > options.max)
      throw invalid(field, `a whole number from ${options.min} to ${options.max}`);
    Object.assign(record as object, { [field]: value });
  };
}

/** `ownerId` (or another user reference): an active user's id, or null where allowed. */
export function userRef<R>(property: string, options: { nullable: boolean }): FieldWriter<R> {
  return async (em, record, value, field) => {
    if (value === null && options.nullable) return void Object.assign(record as object, { [property]: null });
    if (typeof value !== 'string' || !UUID.test(value)) throw invalid(field, 'a user id');
    const user = await em.findOne(User, { id: value, active: true });
    if (!user) throw invalid(field, 'an active user');
    Object.assign(record as object, { [property]: user });
  };
}
