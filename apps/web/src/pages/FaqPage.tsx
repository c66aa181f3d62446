import { useId, useState } from 'react';
import { fetchFaq, searchFaq, type FaqArticle } from '../api/kb';
import { BrandMark } from '../components/BrandMark';
import { FaqSearchResults } from '../components/FaqSearchResults';
import { FaqSections } from '../components/FaqSections';
import { LoadState } from '../components/LoadState';
import { useDebounced } from '../hooks/useDebounced';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import './FaqPage.css';

/**
 * The help center anyone can read without signing in: the published FAQ by category, and a search
 * whose best matches come first with the matched words highlighted.
 */
export function FaqPage({ signedIn }: { signedIn: boolean }) {
  useDocumentTitle('Help center');
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const id = useId();
  const faq = useRemote('faq', (signal) => fetchFaq(signal));
  const search = useRemote(`faq-search:${q}`, (signal) => (q ? searchFaq(q, signal) : Promise.resolve(null)));
  const articles = new Map<string, FaqArticle>(
    (faq.data?.sections ?? []).flatMap((s) => s.articles.map((a) => [a.id, a] as const)),
  );

  return (
    <div className="faq">
      <header className="faq__bar">
        <a className="faq__brand" href="#/faq">
          <BrandMark />
        </a>
        <a className="button button--quiet" href="#/" data-testid="faq-sign-in">
          {signedIn ? 'Back to Baton' : 'Sign in'}
        </a>
      </header>
      <main className="faq__main" data-testid="faq-page">
        <div className="faq__intro">
          <h1 className="faq__title">Help center</h1>
          <p className="faq__lead">Answers to the questions our customers ask most.</p>
        </div>
        <form className="faq__search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="visually-hidden" htmlFor={`${id}-q`}>
            Search the help center
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="field__input faq__search-input"
            placeholder="Search, e.g. gateway offline"
            value={typed}
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
            data-testid="faq-search"
          />
        </form>
        {q ? (
          <FaqSearchResults q={q} result={search} articles={articles} />
        ) : faq.data ? (
          <FaqSections sections={faq.data.sections} />
        ) : (
          <LoadState detail="Loading the help center…" error={faq.error} onRetry={faq.reload} />
        )}
      </main>
    </div>
  );
}
