import type { SearchResult } from '../api/kb';
import type { Remote } from '../hooks/useRemote';
import { knowledgeArticleHref } from '../lib/routes';
import { KbHighlighted } from './KbHighlighted';
import { KbStatusBadge } from './KbStatusBadge';
import { LoadState } from './LoadState';

/** Articles found for `q`, best match first, the matched words highlighted. */
export function KnowledgeSearchResults({
  q,
  result,
  showStatus,
}: {
  q: string;
  result: Remote<SearchResult | null>;
  showStatus: boolean;
}) {
  const hits = result.data?.items;
  if (!hits) return <LoadState detail="Searching…" error={result.error} onRetry={result.reload} />;
  if (hits.length === 0) return <LoadState detail={`No article matches “${q}”.`} testId="list-empty" />;
  return (
    <ol className="knowledge__hits" aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.id} className="knowledge__hit" data-testid="kb-hit">
          <a className="knowledge__hit-title" href={knowledgeArticleHref(hit.id)}>
            <KbHighlighted parts={hit.titleParts} />
          </a>
          {showStatus && hit.status && <KbStatusBadge status={hit.status} />}
          <p className="knowledge__hit-snippet">
            {hit.category && <span className="knowledge__hit-category">{hit.category.name} · </span>}
            <KbHighlighted parts={hit.snippet} />
          </p>
        </li>
      ))}
    </ol>
  );
}
