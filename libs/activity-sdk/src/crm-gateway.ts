import type { Role } from '@baton/domain';

/** A record a step works on. */
export interface RecordRef {
  type: string;
  id: string;
}

export interface CrmRecord extends RecordRef {
  /** Human label, e.g. "Ada Lovelace (Analytical Engines)". */
  label: string;
  ownerId: string | null;
  /** The record's fields as conditions see them (dates as ISO-8601 strings). */
  fields: Record<string, unknown>;
}

export interface CrmUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  openTasks: number;
  /** Next up the management chain: the user's own manager, else their team's; null at the top. */
  managerId: string | null;
}

export interface NewNotification {
  userId: string;
  title: string;
  body?: string;
  record?: RecordRef;
}

export interface NewTask {
  title: string;
  description?: string;
  assigneeId: string;
  dueAt: Date;
  priority: 'low' | 'normal' | 'high';
  record?: RecordRef;
}

/**
 * What an activity type may do to the CRM. The host implements it inside the step's database
 * transaction, so everything a step writes commits together with its idempotency record — or not
 * at all. Unit tests pass a fake.
 */
export interface CrmGateway {
  getRecord(ref: RecordRef): Promise<CrmRecord>;
  updateRecord(ref: RecordRef, patch: Record<string, unknown>): Promise<void>;
  findUsers(query: { role?: Role; active?: boolean; ids?: string[] }): Promise<CrmUser[]>;
  /** Takes the next turn in a named rotation of `size` places, under a lock; returns 0..size-1. */
  takeTurn(pool: string, size: number): Promise<number>;
  createTask(task: NewTask): Promise<{ id: string }>;
  /** An in-app notification, sent once per step visit and recipient however often the step is retried. */
  notify(notification: NewNotification): Promise<{ id: string }>;
  /**
   * Creates a record of `entity` (e.g. `opportunity`) from field values, checked as the API checks
   * a new record of that kind; the run is its creator. A field a step may not set, or a value of
   * the wrong kind, is DEFINITION_INVALID; a missing required field is VALIDATION_FAILED.
   *
   * @example
   * const { id } = await crm.createRecord('opportunity', { name: 'Renewal', accountId });
   */
  createRecord(entity: string, values: Record<string, unknown>): Promise<{ id: string }>;
}
