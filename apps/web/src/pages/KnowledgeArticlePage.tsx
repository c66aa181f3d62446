import { archiveArticle, editsKnowledge, fetchArticle, fetchCategories, type Article } from '../api/kb';
import type { User } from '../api/types';
import { KbArticleBody } from '../components/KbArticleBody';
import { KbStatusBadge } from '../components/KbStatusBadge';
import { KnowledgeArticleForm } from '../components/KnowledgeArticleForm';
import { LoadState } from '../components/LoadState';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { formatDateTime } from '../lib/describeLead';
import { describeError } from '../lib/describeError';
import { knowledgeArticleHref, routeHref } from '../lib/routes';
import './MyTasksPage.css';
import './KnowledgePage.css';
import '../components/RecordLayout.css';

/** One article: the editor for admins and managers, the published text for everyone else. */
export function KnowledgeArticlePage({ id, user }: { id: string; user: User }) {
  const isNew = id === 'new';
  const editor = editsKnowledge(user);
  const article = useRemote<Article | null>(`kb-article:${id}`, (signal) =>
    isNew ? Promise.resolve(null) : fetchArticle(id, signal),
  );
  const categories = useRemote('kb-categories', (signal) => fetchCategories(signal));
  const archive = useSubmit();
  useDocumentTitle(isNew ? 'New article' : (article.data?.title ?? 'Article'));

  const back = (
    <p className="record-page__back">
      <a href={routeHref('knowledge')}>← Knowledge base</a>
    </p>
  );
  if (!isNew && article.data === null) {
    return (
      <main className="page">
        {back}
        <LoadState detail="Loading the article…" error={article.error} onRetry={article.reload} />
      </main>
    );
  }
  const current = article.data;

  if (!editor && current) {
    return (
      <main className="page" data-testid="kb-article-page">
        {back}
        <article className="knowledge__article">
          <h1 className="page__title">{current.title}</h1>
          <p className="knowledge__meta">
            {[
              current.category?.name,
              current.tags.join(', '),
              `updated ${formatDateTime(new Date(current.updatedAt))}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <KbArticleBody body={current.body} />
        </article>
      </main>
    );
  }

  return (
    <main className="page" data-testid="kb-article-page" data-article-id={current?.id}>
      {back}
      <div className="page__header">
        <div>
          <h1 className="page__title record-page__title">
            {current ? current.title : 'New article'}{' '}
            {current && <KbStatusBadge status={current.status} archived={current.archivedAt !== null} />}
          </h1>
          {current && (
            <p className="page__subtitle">
              {current.author ? `Written by ${current.author.name} · ` : ''}updated{' '}
              {formatDateTime(new Date(current.updatedAt))}
            </p>
          )}
        </div>
        {current && current.archivedAt === null && (
          <button
            type="button"
            className="button"
            disabled={archive.busy}
            onClick={() => void archive.run(async () => article.replace(await archiveArticle(current.id)))}
          >
            Archive
          </button>
        )}
      </div>
      {archive.error !== null && (
        <p className="knowledge__error" role="alert">
          {describeError(archive.error)}
        </p>
      )}
      <KnowledgeArticleForm
        // A saved or reloaded version starts the form over from what the server holds.
        key={current ? `${current.id}:${current.version}` : 'new'}
        article={current}
        categories={categories.data ?? []}
        onSaved={(saved) => {
          if (isNew) window.location.hash = knowledgeArticleHref(saved.id);
          else article.replace(saved);
        }}
        onReload={article.reload}
      />
    </main>
  );
}
