import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { User } from '../users/user.entity';

// Who may see and change CRM records, shared by the CRM feature services.

interface Owned {
  owner: User | null;
}

export const ownerRefSchema = z.object({ id: z.uuid(), name: z.string() }).nullable();

export function ownerRef(record: Owned): { id: string; name: string } | null {
  return record.owner ? { id: record.owner.id, name: record.owner.name } : null;
}

export function editsAll(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

/** Reps see only their own opportunities and quotes; every other role reads all of them. */
export function seesOnlyOwn(user: User): boolean {
  return user.role === 'sales_rep';
}

/**
 * A record the viewer may not see is reported exactly like a missing one (404), so ids of other
 * reps' deals cannot be probed.
 */
export function assertVisible<T extends Owned>(record: T | null, viewer: User, what: string, id: string): T {
  if (!record || (seesOnlyOwn(viewer) && record.owner?.id !== viewer.id)) {
    throw new BatonError('NOT_FOUND', `No ${what} with this id`, { id });
  }
  return record;
}

export function assertMayEdit(record: Owned, actor: User, what: string): void {
  if (editsAll(actor)) return;
  if (actor.role === 'sales_rep' && record.owner?.id === actor.id) return;
  throw new BatonError('FORBIDDEN', `You may only change your own ${what}`);
}

export function assertVersion(record: { version: number }, version: number, what: string): void {
  if (record.version !== version) {
    throw new BatonError('CONFLICT', `The ${what} was changed by someone else; reload it and try again`, {
      currentVersion: record.version,
    });
  }
}

export async function activeUser(em: EntityManager, id: string): Promise<User> {
  const user = await em.findOne(User, { id, active: true });
  if (!user) throw new BatonError('VALIDATION_FAILED', 'The owner is not an active user', { ownerId: id });
  return user;
}

/** The owner of a new record: the given user, else the creator (loaded in the caller's transaction). */
export function newOwner(em: EntityManager, ownerId: string | undefined, actor: User): Promise<User> {
  return activeUser(em, ownerId ?? actor.id);
}

/** A referenced record that does not exist, is archived, or is invisible to the caller. */
export function badReference(field: string, id: string): BatonError {
  return new BatonError('VALIDATION_FAILED', `${field} does not name a record you can use`, { field, id });
}
