import type { User } from '../api/types';
import type { RecordListRoute, Route } from '../lib/routes';
import { NavMenu, type NavMenuItem } from './NavMenu';

// The knowledge base sits with the records: support agents reach it beside their cases; importing
// from a file is one more way records arrive.
type MenuRoute = RecordListRoute | 'knowledge' | 'import';

export const RECORD_NAV_ITEMS: ReadonlyArray<NavMenuItem<MenuRoute>> = [
  { route: 'accounts', label: 'Accounts', hint: 'Companies you sell to' },
  { route: 'contacts', label: 'Contacts', hint: 'People at those companies' },
  { route: 'opportunities', label: 'Opportunities', hint: 'Deals and their quotes' },
  { route: 'subscriptions', label: 'Subscriptions', hint: 'Contracts and renewals' },
  { route: 'cases', label: 'Cases', hint: 'Support requests and replies' },
  { route: 'knowledge', label: 'Knowledge base', hint: 'Help articles and canned answers' },
  { route: 'import', label: 'Import from CSV', hint: 'Leads, contacts or accounts from a file' },
];

// Importing creates customer records: the roles that may create them.
const IMPORTERS: ReadonlyArray<User['role']> = ['admin', 'manager', 'sales_rep'];

const SECTIONS: Record<MenuRoute, ReadonlyArray<Route>> = {
  accounts: ['accounts', 'account'],
  contacts: ['contacts', 'contact'],
  opportunities: ['opportunities', 'opportunity'],
  subscriptions: ['subscriptions', 'subscription'],
  cases: ['cases', 'case'],
  knowledge: ['knowledge', 'knowledge-article', 'canned-answers'],
  import: ['import'],
};

export function recordSectionOf(route: Route): MenuRoute | null {
  return RECORD_NAV_ITEMS.find((item) => SECTIONS[item.route].includes(route))?.route ?? null;
}

/** The CRM record lists, one header entry: six more top-level links would not fit a laptop's width. */
export function RecordsMenu({ route, user }: { route: Route; user: User }) {
  const items = IMPORTERS.includes(user.role)
    ? RECORD_NAV_ITEMS
    : RECORD_NAV_ITEMS.filter((item) => item.route !== 'import');
  return <NavMenu label="Records" testId="nav-records" items={items} current={recordSectionOf(route)} />;
}
