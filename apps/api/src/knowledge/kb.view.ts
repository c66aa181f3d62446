import type { ArticleSummary, ArticleView, CategoryView } from './kb-article.dto';
import type { KbArticle } from './kb-article.entity';
import type { KbCategory } from './kb-category.entity';

export function categoryView(category: KbCategory): CategoryView {
  return { id: category.id, name: category.name, slug: category.slug, position: category.position };
}

/** Needs `category` and `author` populated. */
export function articleSummary(article: KbArticle): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    slug: article.slug,
    status: article.status,
    category: article.category ? categoryView(article.category) : null,
    tags: article.tags,
    author: article.author ? { id: article.author.id, name: article.author.name } : null,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    archivedAt: article.archivedAt?.toISOString() ?? null,
    version: article.version,
  };
}

export function articleView(article: KbArticle): ArticleView {
  return { ...articleSummary(article), body: article.body };
}
