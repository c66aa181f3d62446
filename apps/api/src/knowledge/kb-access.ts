import type { User } from '../users/user.entity';

/**
 * Who writes the knowledge base: admins and managers (Baton has no separate support role). Everyone
 * else signed in reads published articles; drafts stay with the editors.
 */
export function editsKnowledge(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}
