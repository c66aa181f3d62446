import { apiRequest } from './client';
import type { Role } from './types';

export interface DirectoryUser {
  id: string;
  name: string;
  role: Role;
  managerId: string | null;
}

/** Active users, by name. */
export function fetchUsers(signal?: AbortSignal): Promise<{ items: DirectoryUser[] }> {
  return apiRequest<{ items: DirectoryUser[] }>('/users', { signal });
}
