import type { Role } from '@baton/domain';

export const DEMO_PASSWORD = 'baton-demo';

/** Fixed ids of the demo reps, so a shipped process can name them (the Lead handoff's territories). */
export const DEMO_REP_IDS = {
  rep1: '5a1e5000-0000-4000-8000-000000000001',
  rep2: '5a1e5000-0000-4000-8000-000000000002',
} as const;

export const DEMO_USERS: Array<{ id?: string; email: string; name: string; role: Role }> = [
  { email: 'admin@demo.baton', name: 'Alex Admin', role: 'admin' },
  { id: DEMO_REP_IDS.rep1, email: 'rep1@demo.baton', name: 'Riley Rep', role: 'sales_rep' },
  { id: DEMO_REP_IDS.rep2, email: 'rep2@demo.baton', name: 'Sam Seller', role: 'sales_rep' },
  { email: 'approver@demo.baton', name: 'Avery Approver', role: 'approver' },
  { email: 'manager@demo.baton', name: 'Morgan Manager', role: 'manager' },
  { email: 'engineer@demo.baton', name: 'Eden Engineer', role: 'engineer' },
];

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Frances',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Allen',
];
const COMPANIES = [
  'Analytical Engines',
  'Cobol Works',
  'Enigma Labs',
  'Orbital Math',
  'Kernel & Co',
  'Apollo Guidance',
  'Bell Systems',
  'Clu Software',
];
const SOURCES = ['web', 'referral', 'event', 'partner', 'cold_call'] as const;
const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];

/** Historical leads, deterministic so every fresh install shows the same demo. */
export function demoLeads(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const company = COMPANIES[i % COMPANIES.length]!;
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`.toLowerCase(),
      company,
      source: SOURCES[i % SOURCES.length]!,
      status: (['new', 'working', 'qualified', 'unqualified'] as const)[i % 4]!,
      score: (i * 37) % 100,
      region: REGIONS[i % REGIONS.length]!,
      daysAgo: (i * 3) % 60,
    };
  });
}
