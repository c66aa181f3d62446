import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Operations admin',
  sales_rep: 'Sales rep',
  approver: 'Quote approver',
  manager: 'Sales manager',
  engineer: 'Engineer',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}
