import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import {
  createArticle,
  updateArticle,
  type Article,
  type ArticleInput,
  type ArticleStatus,
  type KbCategory,
} from '../api/kb';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import './QuickActions.css';

interface KnowledgeArticleFormProps {
  /** null: a new article. */
  article: Article | null;
  categories: readonly KbCategory[];
  onSaved: (article: Article) => void;
  /** Re-reads the article after someone else's save won. */
  onReload: () => void;
}

const tagsOf = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);

/** Title, category, status, tags and body; an existing article is saved with the version read. */
export function KnowledgeArticleForm({ article, categories, onSaved, onReload }: KnowledgeArticleFormProps) {
  const [title, setTitle] = useState(article?.title ?? '');
  const [slug, setSlug] = useState(article?.slug ?? '');
  const [categoryId, setCategoryId] = useState(article?.category?.id ?? '');
  const [status, setStatus] = useState<ArticleStatus>(article?.status ?? 'draft');
  const [tags, setTags] = useState(article?.tags.join(', ') ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const submit = useSubmit();
  const conflict = submit.error instanceof ApiError && submit.error.code === 'CONFLICT';

  function save(event: FormEvent) {
    event.preventDefault();
    const input: ArticleInput = {
      title: title.trim(),
      body: body.trim(),
      status,
      tags: tagsOf(tags),
      categoryId: categoryId || null,
      ...(slug.trim() && slug.trim() !== article?.slug ? { slug: slug.trim() } : {}),
    };
    void submit.run(async () =>
      onSaved(article ? await updateArticle(article.id, article.version, input) : await createArticle(input)),
    );
  }

  return (
    <form className="knowledge__form" onSubmit={save} data-testid="kb-article-form">
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="field__input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
          data-testid="kb-title"
        />
      </label>
      <div className="knowledge__form-row">
        <label className="field">
          <span className="field__label">Category</span>
          <select className="field__input" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Status</span>
          <select
            className="field__input"
            value={status}
            onChange={(e) => setStatus(e.target.value as ArticleStatus)}
            data-testid="kb-status"
          >
            <option value="draft">Draft: editors only</option>
            <option value="published">Published: in the public help center</option>
          </select>
        </label>
      </div>
      <div className="knowledge__form-row">
        <label className="field">
          <span className="field__label">Tags (comma-separated)</span>
          <input className="field__input" value={tags} onChange={(e) => setTags(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Address (slug, optional)</span>
          <input
            className="field__input"
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            placeholder="made from the title"
            maxLength={80}
          />
        </label>
      </div>
      <label className="field">
        <span className="field__label">Text (Markdown or plain text; a blank line starts a paragraph)</span>
        <textarea
          className="field__input knowledge__textarea"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={14}
          required
          maxLength={50_000}
          data-testid="kb-body"
        />
      </label>
      {submit.error !== null && (
        <p className="quick-actions__problem" role="alert" data-testid="kb-error">
          {describeError(submit.error)}{' '}
          {conflict && article && (
            <button type="button" className="button button--quiet" onClick={onReload}>
              Reload their version
            </button>
          )}
        </p>
      )}
      <div className="knowledge__actions">
        <button type="submit" className="button button--primary" disabled={submit.busy} data-testid="kb-save">
          {submit.busy ? 'Saving…' : article ? 'Save' : 'Create article'}
        </button>
      </div>
    </form>
  );
}
