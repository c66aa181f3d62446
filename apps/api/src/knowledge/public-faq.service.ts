import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SearchQuery } from './kb-article.dto';
import { KbArticle } from './kb-article.entity';
import { KbCategory } from './kb-category.entity';
import { searchArticles } from './kb-search';
import type { Faq, FaqArticle, FaqSearchResult, FaqSection } from './public-faq.dto';

// Far more than a FAQ should hold; a bound so an anonymous request never reads the whole table.
const MAX_ARTICLES = 500;

const faqArticle = (a: KbArticle): FaqArticle => ({
  id: a.id,
  title: a.title,
  slug: a.slug,
  body: a.body,
  tags: a.tags,
  updatedAt: a.updatedAt.toISOString(),
});

/** What anyone may read without signing in: published, unarchived articles and nothing else. */
@Injectable()
export class PublicFaqService {
  constructor(private readonly em: EntityManager) {}

  async faq(): Promise<Faq> {
    const categories = await this.em.find(
      KbCategory,
      {},
      { orderBy: [{ position: 'asc' }, { name: 'asc' }] },
    );
    const articles = await this.em.find(
      KbArticle,
      { status: 'published', archivedAt: null },
      { orderBy: [{ title: 'asc' }, { id: 'asc' }], limit: MAX_ARTICLES },
    );
    const byCategory = new Map<string | null, KbArticle[]>();
    for (const article of articles) {
      const key = article.category?.id ?? null;
      byCategory.set(key, [...(byCategory.get(key) ?? []), article]);
    }
    const sections: FaqSection[] = categories
      .filter((c) => byCategory.has(c.id))
      .map((c) => ({
        category: { id: c.id, name: c.name, slug: c.slug },
        articles: (byCategory.get(c.id) ?? []).map(faqArticle),
      }));
    const loose = byCategory.get(null);
    if (loose) sections.push({ category: null, articles: loose.map(faqArticle) });
    return { sections };
  }

  async search(query: SearchQuery): Promise<FaqSearchResult> {
    const hits = await searchArticles(this.em, query.q, { publishedOnly: true, limit: query.limit });
    return { q: query.q, items: hits.map(({ status: _status, ...hit }) => hit) };
  }
}
