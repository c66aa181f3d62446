import { useMemo } from 'react';
import { fetchUsers, type DirectoryUser } from '../api/users';
import { useRemote } from './useRemote';

export interface Directory {
  /** Active users by name; null while loading. */
  users: DirectoryUser[] | null;
  names: ReadonlyMap<string, string>;
}

/** Who is who: for note sharing, task assignees, owners, and names in the timeline. */
export function useDirectory(): Directory {
  const { data } = useRemote('users', fetchUsers);
  const users = data?.items ?? null;
  const names = useMemo(() => new Map((users ?? []).map((u) => [u.id, u.name])), [users]);
  return { users, names };
}
