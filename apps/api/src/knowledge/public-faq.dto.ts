import { z } from 'zod';
import { searchHitSchema } from './kb-article.dto';

export const faqArticleSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  slug: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type FaqArticle = z.infer<typeof faqArticleSchema>;

export const faqSectionSchema = z.object({
  category: z
    .object({ id: z.uuid(), name: z.string(), slug: z.string() })
    .nullable()
    .describe('null: published articles in no category'),
  articles: z.array(faqArticleSchema),
});
export type FaqSection = z.infer<typeof faqSectionSchema>;

export const faqSchema = z.object({ sections: z.array(faqSectionSchema) });
export type Faq = z.infer<typeof faqSchema>;

// The public copy of a hit says nothing about drafts: everything it finds is published.
export const faqSearchHitSchema = searchHitSchema.omit({ status: true });
export const faqSearchResultSchema = z.object({ q: z.string(), items: z.array(faqSearchHitSchema) });
export type FaqSearchResult = z.infer<typeof faqSearchResultSchema>;
