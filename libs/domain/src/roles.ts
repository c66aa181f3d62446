export const ROLES = ['admin', 'sales_rep', 'approver', 'manager', 'engineer'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Operations admin',
  sales_rep: 'Sales rep',
  approver: 'Quote approver',
  manager: 'Sales manager',
  engineer: 'Engineer',
};
