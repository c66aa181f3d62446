import { useState } from 'react';
import {
  editsKnowledge,
  fetchArticles,
  fetchCategories,
  searchArticles,
  type ArticleSummary,
} from '../api/kb';
import type { User } from '../api/types';
import { KbCategoryForm } from '../components/KbCategoryForm';
import { KnowledgeArticleTable } from '../components/KnowledgeArticleTable';
import { KnowledgeSearchResults } from '../components/KnowledgeSearchResults';
import { KnowledgeNav } from '../components/KnowledgeNav';
import { ListToolbar } from '../components/ListToolbar';
import { useDebounced } from '../hooks/useDebounced';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { usePagedList } from '../hooks/usePagedList';
import { useRemote } from '../hooks/useRemote';
import { knowledgeArticleHref } from '../lib/routes';
import './MyTasksPage.css';
import './KnowledgePage.css';

const STATUS_OPTIONS = [
  { value: '', label: 'Drafts and published' },
  { value: 'published', label: 'Published' },
  { value: 'draft', label: 'Drafts' },
];

/** The knowledge base's articles: searched by relevance, or listed by last change. */
export function KnowledgePage({ user }: { user: User }) {
  useDocumentTitle('Knowledge base');
  const editor = editsKnowledge(user);
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState('');
  const [categoryRevision, setCategoryRevision] = useState(0);
  const q = useDebounced(typed.trim(), 250);
  const list = usePagedList<ArticleSummary>(`kb-articles:${status}`, (cursor, signal) =>
    fetchArticles({ status }, cursor, signal),
  );
  const search = useRemote(`kb-search:${q}`, (signal) =>
    q ? searchArticles(q, signal) : Promise.resolve(null),
  );
  const categories = useRemote('kb-categories', (signal) => fetchCategories(signal), {
    refresh: categoryRevision,
  });

  return (
    <main className="page knowledge">
      <div className="page__header">
        <div>
          <h1 className="page__title">Knowledge base</h1>
          <p className="page__subtitle">
            {editor
              ? 'Published articles make up the public help center; drafts stay here.'
              : 'Answers to send customers, as published in the help center.'}
          </p>
        </div>
        {editor && (
          <a
            className="button button--primary"
            href={knowledgeArticleHref('new')}
            data-testid="kb-new-article"
          >
            New article
          </a>
        )}
      </div>
      <KnowledgeNav current="knowledge" />
      <ListToolbar
        label="Find articles"
        search={{
          value: typed,
          label: 'Search articles',
          placeholder: 'Search titles and text',
          onChange: setTyped,
        }}
        choice={
          editor && !q
            ? { label: 'Status', value: status, options: STATUS_OPTIONS, onChange: setStatus }
            : undefined
        }
      />
      {q ? (
        <KnowledgeSearchResults q={q} result={search} showStatus={editor} />
      ) : (
        <KnowledgeArticleTable list={list} showStatus={editor} />
      )}
      {editor && (
        <section className="knowledge__categories" aria-label="Categories">
          <h2 className="knowledge__section-title">Categories</h2>
          <p className="knowledge__categories-list">
            {(categories.data ?? []).map((c) => c.name).join(' · ') || 'None yet.'}
          </p>
          <KbCategoryForm onAdded={() => setCategoryRevision((n) => n + 1)} />
        </section>
      )}
    </main>
  );
}
