import { useEffect, useId, useRef, useState } from 'react';
import { routeHref, type RecordListRoute, type Route } from '../lib/routes';
import './RecordsMenu.css';

export const RECORD_NAV_ITEMS: ReadonlyArray<{ route: RecordListRoute; label: string; hint: string }> = [
  { route: 'accounts', label: 'Accounts', hint: 'Companies you sell to' },
  { route: 'contacts', label: 'Contacts', hint: 'People at those companies' },
  { route: 'opportunities', label: 'Opportunities', hint: 'Deals and their quotes' },
  { route: 'subscriptions', label: 'Subscriptions', hint: 'Contracts and renewals' },
];

const SECTIONS: Record<RecordListRoute, ReadonlyArray<Route>> = {
  accounts: ['accounts', 'account'],
  contacts: ['contacts', 'contact'],
  opportunities: ['opportunities', 'opportunity'],
  subscriptions: ['subscriptions', 'subscription'],
};

export function recordSectionOf(route: Route): RecordListRoute | null {
  return RECORD_NAV_ITEMS.find((item) => SECTIONS[item.route].includes(route))?.route ?? null;
}

/** The CRM record lists, one header entry: four more top-level links would not fit a laptop's width. */
export function RecordsMenu({ route }: { route: Route }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const current = recordSectionOf(route);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onHash = () => setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onHash);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
    };
  }, [open]);

  return (
    <div className="records-menu" ref={root}>
      <button
        type="button"
        ref={button}
        className={`app-header__link records-menu__button${current ? ' records-menu__button--current' : ''}`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid="nav-records"
      >
        {/* Always "Records": the section's own name would widen an already full header. */}
        Records
        {current && (
          <span className="visually-hidden">
            , showing {RECORD_NAV_ITEMS.find((item) => item.route === current)?.label.toLowerCase()}
          </span>
        )}
        <svg className="records-menu__caret" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <ul className="records-menu__panel" id={menuId}>
          {RECORD_NAV_ITEMS.map((item) => (
            <li key={item.route}>
              <a
                className="records-menu__link"
                href={routeHref(item.route)}
                aria-current={current === item.route ? 'page' : undefined}
                onClick={() => setOpen(false)}
                data-testid={`nav-${item.route}`}
              >
                <span className="records-menu__label">{item.label}</span>
                <span className="records-menu__hint">{item.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
