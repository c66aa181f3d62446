import type { DirectoryUser } from '../api/users';

// Deep enough for any real org chart, and a guard against a cycle in bad data.
const MAX_DEPTH = 10;

/** Everyone whose management chain reaches `managerId` (direct and indirect reports). */
export function teamOf(users: DirectoryUser[], managerId: string): DirectoryUser[] {
  const byId = new Map(users.map((u) => [u.id, u]));
  return users.filter((user) => {
    let current = user.managerId;
    for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
      if (current === managerId) return true;
      current = byId.get(current)?.managerId ?? null;
    }
    return false;
  });
}
