import type { Route } from '../lib/routes';
import { routeHref } from '../lib/routes';
import './KnowledgeNav.css';

/** The knowledge base's sections, and the public FAQ its published articles make up. */
export function KnowledgeNav({ current }: { current: Route }) {
  return (
    <nav className="knowledge-nav" aria-label="Knowledge base">
      <a
        className="knowledge-nav__link"
        href={routeHref('knowledge')}
        aria-current={current === 'knowledge' ? 'page' : undefined}
      >
        Articles
      </a>
      <a
        className="knowledge-nav__link"
        href={routeHref('canned-answers')}
        aria-current={current === 'canned-answers' ? 'page' : undefined}
        data-testid="nav-canned-answers"
      >
        Canned answers
      </a>
      <a className="knowledge-nav__link" href={routeHref('faq')}>
        Public help center
      </a>
    </nav>
  );
}
