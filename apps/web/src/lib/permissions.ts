import type { User } from '../api/types';

// The API decides; these only keep the screens from offering what it would refuse.

/** Admins and managers change any record; a rep changes the records they own. */
export function mayEdit(user: User, owner: { id: string } | null): boolean {
  if (user.role === 'admin' || user.role === 'manager') return true;
  return user.role === 'sales_rep' && owner?.id === user.id;
}

/** Logging activities, notes and tasks: everyone but engineers, who read customer data only. */
export function mayLog(user: User): boolean {
  return user.role !== 'engineer';
}

/** Reps assign tasks to themselves; managers and admins to anyone. */
export function assignsAnyone(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}
