import type { User } from '../api/types';
import { roleLabel } from '../lib/roles';
import { BrandMark } from './BrandMark';
import './AppHeader.css';

interface AppHeaderProps {
  user: User;
  onSignOut: () => void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

export function AppHeader({ user, onSignOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="app-header__brand" href="/">
          <BrandMark />
        </a>
        <nav className="app-header__nav" aria-label="Main">
          <a className="app-header__link" href="/" aria-current="page">
            My tasks
          </a>
        </nav>
        <div className="app-header__account">
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
