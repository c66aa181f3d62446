import type { Role } from '../api/types';

export const DEMO_PASSWORD = 'baton-demo';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role }> = [
  { email: 'admin@demo.baton', role: 'admin' },
  { email: 'rep1@demo.baton', role: 'sales_rep' },
  { email: 'rep2@demo.baton', role: 'sales_rep' },
  { email: 'approver@demo.baton', role: 'approver' },
  { email: 'manager@demo.baton', role: 'manager' },
  { email: 'engineer@demo.baton', role: 'engineer' },
];
