import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../accounts/account.entity';
import { Activity } from '../../activities/activity.entity';
import { CASE_PRIORITIES, CASE_STATUSES, SupportCase } from '../../cases/case.entity';
import { slaDueAt } from '../../cases/sla';
import { Contact } from '../../contacts/contact.entity';
import { Lead } from '../../leads/lead.entity';
import { Note } from '../../notes/note.entity';
import { Opportunity } from '../../opportunities/opportunity.entity';
import type { RecordType } from '../../record-links/record-link';
import { RENEWAL_STATUSES, Subscription } from '../../subscriptions/subscription.entity';
import type { User } from '../../users/user.entity';

// Deterministic like demo-crm.ts: every value derives from the row's index. Runs after the CRM
// rows are flushed, and reads them back in creation order.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const PLANS = [
  'Platform standard, 10 seats',
  'Platform enterprise, 50 seats',
  'Premium support',
  'Data retention',
];
const CASE_SUBJECTS = [
  'Gateway drops offline at night',
  'Sensor readings out of range',
  'Cannot export data to CSV',
  'SSO login loops back to sign-in',
  'Invoice shows wrong seat count',
  'API rate limit reached unexpectedly',
];
const ACTIVITY_SUBJECTS: Record<string, string[]> = {
  call: ['Discovery call', 'Follow-up call', 'Pricing call', 'Check-in call'],
  meeting: ['On-site demo', 'Quarterly review', 'Technical workshop'],
  email: ['Sent proposal', 'Sent case study', 'Replied to questions', 'Sent renewal reminder'],
};
const KINDS = ['call', 'meeting', 'email'] as const;
const NOTE_BODIES = [
  'Budget is approved for next quarter; procurement wants three quotes.',
  'Prefers email over calls; avoid Mondays.',
  'Competitor trial ends in six weeks.',
  'Champion is moving teams; find a new sponsor.',
  'Asked about on-premise deployment again.',
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Linkable {
  type: RecordType;
  id: string;
  owner: User | null;
}

export async function seedDemoRecords(tx: EntityManager, users: User[], now: number): Promise<void> {
  const reps = users.filter((u) => u.role === 'sales_rep');
  const manager = users.find((u) => u.role === 'manager');
  const byAge = { orderBy: [{ createdAt: 'asc' as const }, { name: 'asc' as const }] };
  const accounts = await tx.find(Account, {}, byAge);
  const contacts = await tx.find(Contact, {}, byAge);
  const leads = await tx.find(Lead, {}, byAge);
  const opportunities = await tx.find(Opportunity, {}, byAge);

  const subscriptions = Array.from({ length: 40 }, (_, i) => {
    const account = pick(accounts, i * 3);
    const end = now + ((i * 3) % 120) * DAY + DAY;
    return tx.create(Subscription, {
      account,
      plan: pick(PLANS, i),
      startDate: isoDay(end - 365 * DAY),
      endDate: isoDay(end),
      renewalStatus: pick(RENEWAL_STATUSES, i),
      warrantyEnd: i % 4 === 0 ? isoDay(end + 365 * DAY) : null,
      amount: `${2_400 + ((i * 4_513) % 90_000)}.00`,
      owner: account.owner,
      createdAt: new Date(end - 365 * DAY),
      updatedAt: new Date(end - 365 * DAY),
    });
  });

  // Opened over the last 30 days: the older open and pending ones are past their SLA.
  const cases = Array.from({ length: 50 }, (_, i) => {
    const account = pick(accounts, i * 7);
    const priority = pick(CASE_PRIORITIES, i);
    const openedAt = new Date(now - ((i * 5) % 30) * DAY - i * HOUR);
    return tx.create(SupportCase, {
      account,
      contact: i % 5 === 0 ? null : pick(contacts, i * 7),
      subject: pick(CASE_SUBJECTS, i),
      description: `Reported by the customer on ${isoDay(openedAt.getTime())}.`,
      priority,
      status: pick(CASE_STATUSES, Math.floor(i / 4) + i),
      slaDueAt: slaDueAt(priority, openedAt),
      owner: account.owner,
      createdAt: openedAt,
      updatedAt: openedAt,
    });
  });

  const records: Linkable[] = [
    ...leads.slice(0, 40).map((r) => ({ type: 'lead' as const, id: r.id, owner: r.owner })),
    ...accounts.map((r) => ({ type: 'account' as const, id: r.id, owner: r.owner })),
    ...contacts.slice(0, 40).map((r) => ({ type: 'contact' as const, id: r.id, owner: r.owner })),
    ...opportunities.map((r) => ({ type: 'opportunity' as const, id: r.id, owner: r.owner })),
    ...subscriptions.map((r) => ({ type: 'subscription' as const, id: r.id, owner: r.owner })),
    ...cases.map((r) => ({ type: 'case' as const, id: r.id, owner: r.owner })),
  ];

  for (let i = 0; i < 200; i += 1) {
    const record = pick(records, i * 7);
    const kind = pick(KINDS, i);
    tx.create(Activity, {
      kind,
      subject: pick(ACTIVITY_SUBJECTS[kind]!, i),
      body: i % 3 === 0 ? null : 'Summary logged from the demo data.',
      occurredAt: new Date(now - ((i * 13) % 60) * DAY - i * 37 * 60_000),
      durationMinutes: kind === 'email' ? null : 15 + ((i * 5) % 60),
      recordType: record.type,
      recordId: record.id,
      author: record.owner ?? pick(reps, i),
    });
  }

  for (let i = 0; i < 80; i += 1) {
    const record = pick(records, i * 11 + 3);
    const author = record.owner ?? pick(reps, i);
    const colleague = reps.find((r) => r.id !== author.id) ?? manager;
    const shared = i % 3 !== 0 && colleague !== undefined;
    const createdAt = new Date(now - ((i * 17) % 45) * DAY - i * 53 * 60_000);
    tx.create(Note, {
      body: pick(NOTE_BODIES, i),
      recordType: record.type,
      recordId: record.id,
      author,
      visibility: shared ? 'shared' : 'private',
      sharedWith: shared ? [colleague.id, ...(i % 2 === 0 && manager ? [manager.id] : [])] : [],
      createdAt,
      updatedAt: createdAt,
    });
  }
}
