import { z } from 'zod';
import { archivedSchema, cursorParamSchema, pageSchema, text, type SortFields } from '../accounts/crm-list';
import { limitSchema } from '../common/pagination';
import { ARTICLE_STATUSES } from './kb-article.entity';
import { SLUG_PATTERN } from './slug';

const slugSchema = z
  .string()
  .max(80)
  .regex(SLUG_PATTERN, 'Expected lower-case letters and digits joined by -, e.g. reset-your-password');
const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Expected a short lower-case word, e.g. billing');
const tagsSchema = z
  .array(tagSchema)
  .max(20)
  .transform((tags) => [...new Set(tags)]);
const bodySchema = text(50_000);

export const createCategorySchema = z.strictObject({
  name: text(100),
  slug: slugSchema.optional().describe('Defaults to one made from the name'),
  position: z.number().int().min(0).max(10_000).optional().describe('Lower comes first; defaults to last'),
});
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

export const categoryViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  position: z.number(),
});
export type CategoryView = z.infer<typeof categoryViewSchema>;

export const createArticleSchema = z.strictObject({
  title: text(200),
  slug: slugSchema.optional().describe('Defaults to one made from the title'),
  body: bodySchema.describe('Markdown or plain text'),
  categoryId: z.uuid().optional(),
  status: z.enum(ARTICLE_STATUSES).optional().describe('Defaults to draft; only published reaches the FAQ'),
  tags: tagsSchema.optional(),
});
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const updateArticleSchema = z.strictObject({
  version: z.number().int().min(1).describe('The version you read; a stale one gets CONFLICT'),
  title: text(200).optional(),
  slug: slugSchema.optional(),
  body: bodySchema.optional(),
  categoryId: z.uuid().nullable().optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  tags: tagsSchema.optional(),
});
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

export const ARTICLE_SORTS: SortFields = {
  updatedAt: { kind: 'timestamp' },
  title: { kind: 'text' },
};

export const listArticlesQuerySchema = z.strictObject({
  category: z.uuid().optional(),
  status: z.enum(ARTICLE_STATUSES).optional().describe('Drafts are listed to editors only'),
  tag: tagSchema.optional(),
  archived: archivedSchema,
  sort: z.enum(['updatedAt', '-updatedAt', 'title', '-title']).default('-updatedAt'),
  cursor: cursorParamSchema,
  limit: limitSchema,
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const articleSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  category: categoryViewSchema.nullable(),
  tags: z.array(z.string()),
  author: ref.nullable(),
  publishedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  version: z.number(),
});
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const articleViewSchema = articleSummarySchema.extend({ body: z.string() });
export type ArticleView = z.infer<typeof articleViewSchema>;

export const articlePageSchema = pageSchema(articleSummarySchema);

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).describe('Web-search syntax: words, "a phrase", -excluded, or'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const snippetSchema = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe('The text in pieces; `match` pieces are what the search found');

export const searchHitSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  slug: z.string(),
  status: z.enum(ARTICLE_STATUSES),
  category: categoryViewSchema.nullable(),
  rank: z.number().describe('Higher is better: title matches weigh more than body matches'),
  titleParts: snippetSchema,
  snippet: snippetSchema,
  updatedAt: z.iso.datetime(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({ q: z.string(), items: z.array(searchHitSchema) });
export type SearchResult = z.infer<typeof searchResultSchema>;
