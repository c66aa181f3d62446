import { Fragment } from 'react';
import type { User } from '../api/types';
import type { NotificationFeed } from '../hooks/useNotificationFeed';
import { roleLabel } from '../lib/roles';
import { routeHref, type NavRoute, type Route } from '../lib/routes';
import { BrandMark } from './BrandMark';
import { NotificationBell } from './NotificationBell';
import { NavMenu, type NavMenuItem } from './NavMenu';
import { RecordsMenu } from './RecordsMenu';
import './AppHeader.css';

interface AppHeaderProps {
  user: User;
  route: Route;
  notifications: NotificationFeed;
  onSignOut: () => void;
}

const NAV_ITEMS: ReadonlyArray<{ route: NavRoute; label: string; roles?: ReadonlyArray<User['role']> }> = [
  { route: 'tasks', label: 'My tasks' },
  // Sales numbers: a rep's own, a manager's team's, everyone's for admins.
  { route: 'dashboard', label: 'Dashboard', roles: ['admin', 'manager', 'sales_rep'] },
  { route: 'leads', label: 'Leads' },
  // Quotes are made by the people who sell.
  { route: 'quotes', label: 'Quotes', roles: ['admin', 'manager', 'sales_rep'] },
  // The people approval requests are routed to (the rep's manager, quote approvers, escalations).
  { route: 'approvals', label: 'Approvals', roles: ['admin', 'manager', 'approver'] },
  { route: 'team', label: 'Team', roles: ['admin', 'manager'] },
  // Workflows decide what happens to every record: drawn and published by operations admins.
  { route: 'workflows', label: 'Workflows', roles: ['admin'] },
];

const MARKETING_ITEMS: ReadonlyArray<
  NavMenuItem<'segments' | 'campaigns'> & { roles: ReadonlyArray<User['role']> }
> = [
  // Saved conditions over contacts or leads: drawn by managers and admins, read by reps.
  {
    route: 'segments',
    label: 'Segments',
    hint: 'Saved filters over contacts and leads',
    roles: ['admin', 'manager', 'sales_rep'],
  },
  // Email campaigns to contact segments: run by managers and admins.
  {
    route: 'campaigns',
    label: 'Campaigns',
    hint: 'Emails to a segment, and who reacted',
    roles: ['admin', 'manager'],
  },
];

function isCurrent(item: NavRoute, route: Route): boolean {
  return (
    item === route ||
    (item === 'workflows' && route === 'workflow') ||
    (item === 'quotes' && route === 'quote')
  );
}

function marketingSectionOf(route: Route): 'segments' | 'campaigns' | null {
  if (route === 'segments' || route === 'segment') return 'segments';
  if (route === 'campaigns' || route === 'campaign') return 'campaigns';
  return null;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

export function AppHeader({ user, route, notifications, onSignOut }: AppHeaderProps) {
  const marketing = MARKETING_ITEMS.filter((item) => item.roles.includes(user.role));
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="app-header__brand" href={routeHref('tasks')}>
          <BrandMark />
        </a>
        <nav className="app-header__nav" aria-label="Main">
          {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => (
            <Fragment key={item.route}>
              <a
                className="app-header__link"
                href={routeHref(item.route)}
                aria-current={isCurrent(item.route, route) ? 'page' : undefined}
                data-testid={`nav-${item.route}`}
              >
                {item.label}
              </a>
              {/* Every role reads customer records (engineers and approvers for context), so no role filter. */}
              {item.route === 'leads' && <RecordsMenu route={route} user={user} />}
              {item.route === 'quotes' && marketing.length > 0 && (
                <NavMenu
                  label="Marketing"
                  testId="nav-marketing"
                  items={marketing}
                  current={marketingSectionOf(route)}
                />
              )}
            </Fragment>
          ))}
        </nav>
        <div className="app-header__account">
          <NotificationBell feed={notifications} />
          <span className="app-header__avatar" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="app-header__user" data-testid="current-user">
            <span className="app-header__name">{user.name}</span>{' '}
            <span className="app-header__role">{roleLabel(user.role)}</span>
          </span>
          <button type="button" className="button button--quiet" data-testid="sign-out" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
