import type { MouseEvent } from 'react';
import type { FaqSection } from '../api/kb';
import { KbArticleBody } from './KbArticleBody';

/** The FAQ by category: each question opens in place to its answer. */
export function FaqSections({ sections }: { sections: readonly FaqSection[] }) {
  if (sections.length === 0) {
    return <p className="faq__empty">No answers have been published yet.</p>;
  }
  return (
    <div className="faq__sections">
      <nav className="faq__toc" aria-label="Categories">
        <ul>
          {sections.map((section) => (
            <li key={section.category?.id ?? 'other'}>
              <a href="#/faq" onClick={(e) => jumpTo(e, anchor(section))}>
                {section.category?.name ?? 'Other questions'}
              </a>
              <span className="faq__toc-count"> {section.articles.length}</span>
            </li>
          ))}
        </ul>
      </nav>
      <div className="faq__categories">
        {sections.map((section) => (
          <section
            key={section.category?.id ?? 'other'}
            id={anchor(section)}
            className="faq__category"
            aria-labelledby={`${anchor(section)}-title`}
            data-testid="faq-category"
          >
            <h2 className="faq__category-title" id={`${anchor(section)}-title`}>
              {section.category?.name ?? 'Other questions'}
            </h2>
            <ul className="faq__questions">
              {section.articles.map((article) => (
                <li key={article.id}>
                  <details className="faq__question" data-testid="faq-article" data-slug={article.slug}>
                    <summary>{article.title}</summary>
                    <KbArticleBody body={article.body} />
                  </details>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

const anchor = (section: FaqSection) => `faq-${section.category?.slug ?? 'other'}`;

// The app routes by hash, so a category link scrolls instead of changing the address.
function jumpTo(event: MouseEvent, id: string): void {
  event.preventDefault();
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
