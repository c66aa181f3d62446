import { fetchCaseArticles, linkArticle, unlinkArticle, type CaseArticleLink } from '../api/cases';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { knowledgeArticleHref } from '../lib/routes';
import { KbArticlePicker } from './KbArticlePicker';
import './RecordFields.css';
import './RelatedList.css';

interface CaseArticlesProps {
  caseId: string;
  /** The viewer may work on the case: link and unlink. */
  editable: boolean;
  /** Changes when a reply linked articles: the list re-reads. */
  refresh: unknown;
}

/** The knowledge-base articles the customer was pointed to on this case. */
export function CaseArticles({ caseId, editable, refresh }: CaseArticlesProps) {
  const links = useRemote(`case-articles:${caseId}`, (signal) => fetchCaseArticles(caseId, signal), {
    refresh,
  });
  const change = useSubmit();
  const linked = new Set((links.data ?? []).map((l) => l.article.id));

  const link = (articleId: string) =>
    void change.run(async () => links.replace(await linkArticle(caseId, articleId)));
  const unlink = (item: CaseArticleLink) =>
    void change.run(async () => {
      await unlinkArticle(caseId, item.article.id);
      links.replace((links.data ?? []).filter((l) => l.article.id !== item.article.id));
    });

  return (
    <section
      className="record-card related"
      aria-labelledby="case-articles-title"
      data-testid="case-articles"
    >
      <header className="record-card__header">
        <h2 className="record-card__title" id="case-articles-title">
          Articles{links.data && <span className="related__count"> · {links.data.length}</span>}
        </h2>
      </header>
      {links.data === null ? (
        <p className="related__state" role={links.error ? 'alert' : 'status'}>
          {links.error ? describeError(links.error) : 'Loading…'}
        </p>
      ) : links.data.length === 0 ? (
        <p className="related__state">No articles linked yet.</p>
      ) : (
        <ul className="related__list">
          {links.data.map((item) => (
            <li key={item.article.id} className="related__item" data-testid="case-article">
              <span className="related__text">
                <a className="related__name" href={knowledgeArticleHref(item.article.id)}>
                  {item.article.title}
                </a>
                <span className="related__secondary">
                  {item.article.archived ? 'archived · ' : ''}
                  {item.linkedBy ? `linked by ${item.linkedBy.name}` : 'linked'}
                </span>
              </span>
              {editable && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={change.busy}
                  onClick={() => unlink(item)}
                  aria-label={`Unlink “${item.article.title}”`}
                >
                  Unlink
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {change.error !== null && (
        <p className="related__state related__state--error" role="alert">
          {describeError(change.error)}
        </p>
      )}
      {editable && (
        <KbArticlePicker
          label="Find an article to link"
          action="Link"
          exclude={linked}
          onPick={(hit) => link(hit.id)}
          testId="case-article-picker"
        />
      )}
    </section>
  );
}
