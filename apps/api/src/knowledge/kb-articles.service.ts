import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BatonError } from '@baton/domain';
import { assertVersion } from '../accounts/crm-access';
import { allOf, keyset, orderBy, parseSort, toPage } from '../accounts/crm-list';
import { AuditService } from '../audit/audit.service';
import type { Page } from '../common/pagination';
import { User } from '../users/user.entity';
import {
  ARTICLE_SORTS,
  type ArticleSummary,
  type ArticleView,
  type CreateArticleInput,
  type ListArticlesQuery,
  type SearchQuery,
  type SearchResult,
  type UpdateArticleInput,
} from './kb-article.dto';
import { KbArticle, type ArticleStatus } from './kb-article.entity';
import { editsKnowledge } from './kb-access';
import { KbCategory } from './kb-category.entity';
import { searchArticles } from './kb-search';
import { articleSummary, articleView } from './kb.view';
import { freeSlug, slugify } from './slug';

const POPULATE = ['category', 'author'] as const;

// What the audit log keeps of an article: enough to see who published what, not every body.
const audited = (a: KbArticle) => ({
  title: a.title,
  slug: a.slug,
  status: a.status,
  categoryId: a.category?.id ?? null,
  tags: a.tags,
  version: a.version,
});

@Injectable()
export class KbArticlesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateArticleInput, actor: User): Promise<ArticleView> {
    const article = await this.em.transactional(async (tx) => {
      const { categoryId, slug, status = 'draft', ...fields } = input;
      // Checked before the article exists: a query flushes pending inserts of its entity first.
      if (slug) await this.assertSlugFree(tx, slug);
      const article = tx.create(KbArticle, {
        ...fields,
        slug: slug ?? (await this.generatedSlug(tx, fields.title)),
        category: categoryId ? await liveCategory(tx, categoryId) : null,
        author: tx.getReference(User, actor.id),
      });
      setStatus(article, status);
      await tx.flush();
      this.record(tx, actor, 'kb_article.created', article, undefined);
      return article;
    });
    return this.get(article.id, actor);
  }

  async update(id: string, input: UpdateArticleInput, actor: User): Promise<ArticleView> {
    await this.em.transactional(async (tx) => {
      const article = await this.find(tx, id, actor);
      assertVersion(article, input.version, 'article');
      const before = audited(article);
      const { version: _version, categoryId, slug, status, ...fields } = input;
      if (slug !== undefined && slug !== article.slug) {
        await this.assertSlugFree(tx, slug);
        article.slug = slug;
      }
      Object.assign(article, fields);
      if (categoryId !== undefined)
        article.category = categoryId === null ? null : await liveCategory(tx, categoryId);
      if (status !== undefined) setStatus(article, status);
      await tx.flush();
      this.record(tx, actor, 'kb_article.updated', article, before);
    });
    return this.get(id, actor);
  }

  async archive(id: string, actor: User): Promise<ArticleView> {
    await this.em.transactional(async (tx) => {
      const article = await this.find(tx, id, actor);
      if (article.archivedAt) return;
      const before = audited(article);
      article.archivedAt = new Date();
      await tx.flush();
      this.record(tx, actor, 'kb_article.archived', article, before);
    });
    return this.get(id, actor);
  }

  async get(id: string, viewer: User): Promise<ArticleView> {
    return articleView(await this.find(this.em.fork(), id, viewer));
  }

  async list(query: ListArticlesQuery, viewer: User): Promise<Page<ArticleSummary>> {
    const sort = parseSort(query.sort, ARTICLE_SORTS);
    const editor = editsKnowledge(viewer);
    // Readers asking for drafts get none rather than an error: for them there are none.
    if (!editor && query.status === 'draft') return { items: [], nextCursor: null };
    const status = editor ? query.status : 'published';
    const where = allOf([
      query.archived && editor ? undefined : { archivedAt: null },
      status ? { status } : undefined,
      query.category ? { category: query.category } : undefined,
      query.tag ? { tags: { $contains: [query.tag] } } : undefined,
      keyset(sort, query.cursor),
    ]);
    const rows = await this.em.find(KbArticle, where, {
      populate: POPULATE,
      orderBy: orderBy(sort),
      limit: query.limit + 1,
    });
    return toPage(rows, query.limit, sort, articleSummary);
  }

  async search(query: SearchQuery, viewer: User): Promise<SearchResult> {
    const items = await searchArticles(this.em, query.q, {
      publishedOnly: !editsKnowledge(viewer),
      limit: query.limit,
    });
    return { q: query.q, items };
  }

  /** An article the viewer may read: drafts and archived ones are the editors' only. */
  async find(em: EntityManager, id: string, viewer: User): Promise<KbArticle> {
    const article = await em.findOne(KbArticle, { id }, { populate: POPULATE });
    if (!article || (!editsKnowledge(viewer) && (article.status !== 'published' || article.archivedAt))) {
      throw new BatonError('NOT_FOUND', 'No article with this id', { id });
    }
    return article;
  }

  private async assertSlugFree(tx: EntityManager, slug: string): Promise<void> {
    if (await tx.count(KbArticle, { slug })) {
      throw new BatonError('CONFLICT', 'Another article has this slug', { field: 'slug', slug });
    }
  }

  private async generatedSlug(tx: EntityManager, title: string): Promise<string> {
    const base = slugify(title);
    const rows = await tx.find(KbArticle, { slug: { $like: `${base}%` } }, { fields: ['slug'] });
    return freeSlug(base, new Set(rows.map((r) => r.slug)));
  }

  private record(
    tx: EntityManager,
    actor: User,
    action: string,
    article: KbArticle,
    before: ReturnType<typeof audited> | undefined,
  ): void {
    this.audit.record(tx, {
      actor,
      action,
      entityType: 'kb_article',
      entityId: article.id,
      before,
      after: audited(article),
    });
  }
}

function setStatus(article: KbArticle, status: ArticleStatus): void {
  if (status === 'published' && (article.status !== 'published' || !article.publishedAt))
    article.publishedAt = new Date();
  article.status = status;
}

async function liveCategory(em: EntityManager, id: string): Promise<KbCategory> {
  const category = await em.findOne(KbCategory, { id });
  if (!category) {
    throw new BatonError('VALIDATION_FAILED', 'categoryId does not name a category', {
      field: 'categoryId',
      id,
    });
  }
  return category;
}
