import type { FaqArticle, SearchResult } from '../api/kb';
import type { Remote } from '../hooks/useRemote';
import { KbArticleBody } from './KbArticleBody';
import { KbHighlighted } from './KbHighlighted';
import { LoadState } from './LoadState';

interface FaqSearchResultsProps {
  q: string;
  result: Remote<SearchResult | null>;
  /** The published articles by id, for reading a result in full. */
  articles: ReadonlyMap<string, FaqArticle>;
}

/** Search results, best match first, each with its matched words highlighted. */
export function FaqSearchResults({ q, result, articles }: FaqSearchResultsProps) {
  const hits = result.data?.items;
  if (!hits) {
    return <LoadState detail="Searching…" error={result.error} onRetry={result.reload} />;
  }
  return (
    <section className="faq__results" aria-label="Search results">
      <p className="faq__summary" role="status" data-testid="faq-summary">
        {hits.length === 0
          ? `No answers match “${q}”. Try other words, or sign in to contact support.`
          : `${hits.length} ${hits.length === 1 ? 'answer' : 'answers'} for “${q}”, best match first`}
      </p>
      <ol className="faq__hits">
        {hits.map((hit) => {
          const article = articles.get(hit.id);
          return (
            <li key={hit.id} className="faq__hit" data-testid="faq-hit" data-slug={hit.slug}>
              <details>
                <summary>
                  <span className="faq__hit-title">
                    <KbHighlighted parts={hit.titleParts} />
                  </span>
                  {hit.category && <span className="faq__hit-category">{hit.category.name}</span>}
                  <span className="faq__hit-snippet" data-testid="faq-snippet">
                    <KbHighlighted parts={hit.snippet} />
                  </span>
                </summary>
                {article ? (
                  <KbArticleBody body={article.body} />
                ) : (
                  <p>Reload the page to read this answer.</p>
                )}
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
