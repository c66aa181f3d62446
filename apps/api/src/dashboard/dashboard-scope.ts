import type { EntityManager } from '@mikro-orm/postgresql';
import type { User } from '../users/user.entity';

/** Whose records the numbers are about: null user ids means everyone's, unowned records included. */
export interface Scope {
  kind: 'own' | 'team' | 'everyone';
  userIds: string[] | null;
}

// Deeper than any real org chart; also what stops a loop drawn by mistake.
const MAX_DEPTH = 50;

// A manager's team: themselves, everyone whose management chain reaches them, and the members of
// the teams they manage (a rep can sit in a team before their manager is set).
const TEAM_SQL = `
  with recursive chain(id, depth) as (
    select ?::uuid, 0
    union
    select u.id, c.depth + 1 from users u join chain c on u.manager_id = c.id where c.depth < ${MAX_DEPTH}
  )
  select id from chain
  union
  select u.id from users u join teams t on t.id = u.team_id where t.manager_id = ?`;

/** Reps see their own numbers, managers their team's, admins everyone's. */
export async function scopeOf(em: EntityManager, viewer: User): Promise<Scope> {
  switch (viewer.role) {
    case 'admin':
      return { kind: 'everyone', userIds: null };
    case 'manager': {
      const rows = await em.execute<Array<{ id: string }>>(TEAM_SQL, [viewer.id, viewer.id], 'all');
      return { kind: 'team', userIds: rows.map((r) => r.id).sort() };
    }
    case 'sales_rep':
    case 'approver':
    case 'engineer':
      return { kind: 'own', userIds: [viewer.id] };
  }
}

/** A SQL condition keeping rows whose `column` names someone in the scope, with its bindings. */
export function inScope(column: string, scope: Scope): { sql: string; params: unknown[] } {
  if (scope.userIds === null) return { sql: 'true', params: [] };
  return { sql: `${column} = any(?::uuid[])`, params: [`{${scope.userIds.join(',')}}`] };
}
