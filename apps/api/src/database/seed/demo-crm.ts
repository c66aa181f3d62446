import type { EntityManager } from '@mikro-orm/postgresql';
import { Account } from '../../accounts/account.entity';
import { AccountContact, Contact } from '../../contacts/contact.entity';
import { OPPORTUNITY_STAGES, Opportunity } from '../../opportunities/opportunity.entity';
import { Product } from '../../products/product.entity';
import { QUOTE_STATUSES, Quote, QuoteLine } from '../../quotes/quote.entity';
import { lineAmounts, quoteAmounts } from '../../quotes/quote-totals';
import type { User } from '../../users/user.entity';

// Deterministic demo volume: every value derives from the row's index, so each fresh install
// shows the same CRM.

const DAY = 86_400_000;
const PREFIXES = [
  'Northwind',
  'Bluefin',
  'Copperleaf',
  'Granite',
  'Helios',
  'Ironbark',
  'Juniper',
  'Kestrel',
];
const SUFFIXES = ['Logistics', 'Energy', 'Health', 'Foods', 'Robotics', 'Media', 'Finance', 'Telecom'];
const INDUSTRIES = [
  'Logistics',
  'Energy',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Media',
  'Finance',
  'Telecom',
];
const REGIONS = ['EMEA', 'NA', 'APAC', 'LATAM'];
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
];
const TITLES = ['CTO', 'Head of Procurement', 'Operations Director', 'IT Manager', 'CFO', 'Buyer'];
const ROLES = ['Decision maker', 'Buyer', 'Technical evaluator', 'Champion', null];
// SKU, name, unit price, unit cost (what the quote margin is measured against).
const PRODUCTS: Array<[string, string, string, string]> = [
  ['TEL-GW-100', 'Telemetry gateway', '1490.00', '820.00'],
  ['TEL-GW-200', 'Telemetry gateway Pro', '2290.00', '1190.00'],
  ['SNS-TMP-01', 'Temperature sensor', '89.00', '31.00'],
  ['SNS-VIB-01', 'Vibration sensor', '149.00', '58.00'],
  ['SNS-GPS-01', 'GPS tracker', '119.00', '47.00'],
  ['LIC-PLT-STD', 'Platform licence, standard (per seat / year)', '480.00', '60.00'],
  ['LIC-PLT-ENT', 'Platform licence, enterprise (per seat / year)', '920.00', '95.00'],
  ['LIC-API-1M', 'API calls, 1M block', '250.00', '40.00'],
  ['SUP-STD-12', 'Standard support, 12 months', '3600.00', '1450.00'],
  ['SUP-PRM-12', 'Premium support, 12 months', '9600.00', '4100.00'],
  ['SVC-ONB-01', 'Onboarding workshop (day)', '1400.00', '780.00'],
  ['SVC-INT-01', 'Integration engineering (day)', '1250.00', '720.00'],
  ['SVC-TRN-01', 'User training (half day)', '650.00', '340.00'],
  ['HW-MNT-01', 'Mounting kit', '39.50', '14.20'],
  ['HW-CBL-05', 'Sensor cable, 5 m', '12.90', '3.80'],
  ['HW-PSU-01', 'Power supply unit', '54.00', '22.50'],
  ['DATA-RET-1Y', 'Extended data retention, 1 year', '1800.00', '310.00'],
  ['DATA-EXP-01', 'Data export connector', '2100.00', '420.00'],
  ['SEC-SSO-01', 'Single sign-on add-on', '1500.00', '180.00'],
  ['SEC-AUD-01', 'Audit log add-on', '990.00', '120.00'],
];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function seedDemoCrm(tx: EntityManager, reps: User[], approver: User | undefined, now: number): void {
  const ownerOf = (i: number) => pick(reps, i);
  const at = (i: number, daysAgo: number) => {
    const createdAt = new Date(now - daysAgo * DAY - i * 60_000);
    return { createdAt, updatedAt: createdAt };
  };

  const accounts = Array.from({ length: 60 }, (_, i) => {
    const name = `${pick(PREFIXES, i)} ${pick(SUFFIXES, Math.floor(i / PREFIXES.length) + i)}${i >= 56 ? ' Group' : ''}`;
    return tx.create(Account, {
      name,
      domain: `${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
      industry: pick(INDUSTRIES, i * 3),
      region: pick(REGIONS, i),
      owner: ownerOf(i),
      ...at(i, (i * 5) % 90),
    });
  });

  const contacts = Array.from({ length: 150 }, (_, i) => {
    const [first, last] = [pick(FIRST, i), pick(LAST, i * 7 + Math.floor(i / 10))];
    const account = pick(accounts, i);
    const contact = tx.create(Contact, {
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}@${account.domain}`.toLowerCase(),
      phone: `+44 20 7946 ${String(1000 + i).slice(-4)}`,
      title: pick(TITLES, i),
      owner: ownerOf(i),
      ...at(i, (i * 2) % 80),
    });
    // Every contact works with one account; every fifth also with a partner account.
    tx.create(AccountContact, { account, contact, role: pick(ROLES, i) });
    if (i % 5 === 0) tx.create(AccountContact, { account: pick(accounts, i + 17), contact, role: 'Partner' });
    return contact;
  });

  const products = PRODUCTS.map(([sku, name, unitPrice, unitCost], i) =>
    tx.create(Product, { sku, name, unitPrice, unitCost, active: i !== 19, ...at(i, 120) }),
  );

  const opportunities = Array.from({ length: 80 }, (_, i) => {
    const account = pick(accounts, i * 3);
    const stage = pick(OPPORTUNITY_STAGES, i);
    const opportunity = tx.create(Opportunity, {
      account,
      name: `${account.name} — ${pick(['Fleet rollout', 'Pilot', 'Expansion', 'Renewal', 'Platform migration'], i)}`,
      stage,
      amount: `${5_000 + ((i * 7_919) % 195_000)}.${String((i * 37) % 100).padStart(2, '0')}`,
      closeDate: i % 9 === 0 ? null : isoDay(now + ((i * 11) % 180) * DAY - 30 * DAY),
      rfiReference: i % 4 === 0 ? `RFI-2026-${String(100 + i)}` : null,
      rfpReference: i % 3 === 0 ? `RFP-2026-${String(200 + i)}` : null,
      offerDeadline: i % 3 === 0 ? new Date(now + ((i * 5) % 60) * DAY + 12 * 3_600_000) : null,
      owner: account.owner,
      ...at(i, (i * 4) % 100),
    });
    opportunity.contacts.set(contacts.filter((_, c) => c % accounts.length === (i * 3) % accounts.length));
    return opportunity;
  });

  for (let i = 0; i < 30; i += 1) {
    const opportunity = pick(opportunities, i * 2 + 1);
    const status = pick(QUOTE_STATUSES, i);
    const quote = tx.create(Quote, {
      name: `${opportunity.name} — quote ${1 + (i % 3)}`,
      opportunity,
      account: opportunity.account,
      currency: opportunity.currency,
      status,
      owner: opportunity.owner,
      ...at(i, (i * 3) % 45),
    });
    if (['approved', 'rejected', 'sent', 'accepted'].includes(status) && approver) {
      quote.decidedBy = approver;
      quote.decidedAt = new Date(now - i * 3_600_000);
      quote.decisionComment = status === 'rejected' ? 'Discount above policy; please revise' : null;
    }
    const lines = Array.from({ length: 1 + (i % 5) }, (_, l) => {
      const product = pick(products, i * 3 + l * 7);
      const priced = {
        quantity: 1 + (((i + l) * 3) % 12),
        unitPrice: product.unitPrice,
        discountPercent: `${(i + l) % 4 === 0 ? 0 : 5 * ((i + l) % 4)}.00`,
      };
      return tx.create(QuoteLine, { quote, position: l, product, ...priced, ...lineAmounts(priced) });
    });
    const totals = quoteAmounts(lines);
    Object.assign(quote, { subtotal: totals.subtotal, discountTotal: totals.discount, total: totals.total });
  }
}
