import { useEffect, useId, useRef, useState } from 'react';
import { routeHref, type NavRoute } from '../lib/routes';
import './NavMenu.css';

export interface NavMenuItem<R extends NavRoute> {
  route: R;
  label: string;
  hint: string;
}

/**
 * Several pages behind one header entry, a list that opens below it: the header has room for only
 * so many top-level links at a laptop's width. Closes on a pick, a click outside, Escape or a new page.
 */
export function NavMenu<R extends NavRoute>({
  label,
  testId,
  items,
  current,
}: {
  label: string;
  testId: string;
  items: ReadonlyArray<NavMenuItem<R>>;
  /** The item whose page (or one of its sub-pages) is showing. */
  current: R | null;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();

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
    <div className="nav-menu" ref={root}>
      <button
        type="button"
        ref={button}
        className={`app-header__link nav-menu__button${current ? ' nav-menu__button--current' : ''}`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        data-testid={testId}
      >
        {/* Always the menu's name: the section's own would widen an already full header. */}
        {label}
        {current && (
          <span className="visually-hidden">
            , showing {items.find((item) => item.route === current)?.label.toLowerCase()}
          </span>
        )}
        <svg className="nav-menu__caret" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <ul className="nav-menu__panel" id={menuId}>
          {items.map((item) => (
            <li key={item.route}>
              <a
                className="nav-menu__link"
                href={routeHref(item.route)}
                aria-current={current === item.route ? 'page' : undefined}
                onClick={() => setOpen(false)}
                data-testid={`nav-${item.route}`}
              >
                <span className="nav-menu__label">{item.label}</span>
                <span className="nav-menu__hint">{item.hint}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
