import { apiRequest } from './client';
import type { Page, User } from './types';

// The knowledge base as the API sends it: articles, categories, canned answers and search hits.

export type ArticleStatus = 'draft' | 'published';

export interface KbCategory {
  id: string;
  name: string;
  slug: string;
  position: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  slug: string;
  status: ArticleStatus;
  category: KbCategory | null;
  tags: string[];
  author: { id: string; name: string } | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number;
}

export interface Article extends ArticleSummary {
  body: string;
}

/** Text in pieces; `match` pieces are what a search found, to be highlighted. */
export type SnippetPart = { text: string; match: boolean };

export interface SearchHit {
  id: string;
  title: string;
  slug: string;
  status?: ArticleStatus;
  category: KbCategory | null;
  rank: number;
  titleParts: SnippetPart[];
  snippet: SnippetPart[];
  updatedAt: string;
}

export interface SearchResult {
  q: string;
  items: SearchHit[];
}

export interface FaqArticle {
  id: string;
  title: string;
  slug: string;
  body: string;
  tags: string[];
  updatedAt: string;
}

export interface FaqSection {
  category: { id: string; name: string; slug: string } | null;
  articles: FaqArticle[];
}

export interface CannedAnswer {
  id: string;
  title: string;
  body: string;
  author: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number;
}

export interface ArticleInput {
  title: string;
  slug?: string;
  body: string;
  categoryId?: string | null;
  status: ArticleStatus;
  tags: string[];
}

/** The placeholders a canned answer may use, as the API checks them. */
export const MERGE_FIELDS = [
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'case.subject',
  'case.priority',
  'case.status',
  'account.name',
  'owner.name',
  'agent.name',
] as const;

/** Admins and managers write the knowledge base; everyone else reads what is published. */
export function editsKnowledge(user: User): boolean {
  return user.role === 'admin' || user.role === 'manager';
}

const SEARCH_LIMIT = 20;

// The public FAQ is read signed out: no token is sent, and a refusal does not end a session.
export function fetchFaq(signal?: AbortSignal): Promise<{ sections: FaqSection[] }> {
  return apiRequest('/public/faq', { signal, authenticated: false });
}

export function searchFaq(q: string, signal?: AbortSignal): Promise<SearchResult> {
  const query = new URLSearchParams({ q, limit: String(SEARCH_LIMIT) });
  return apiRequest(`/public/faq/search?${query.toString()}`, { signal, authenticated: false });
}

/** Signed in: editors also find drafts. */
export function searchArticles(q: string, signal?: AbortSignal): Promise<SearchResult> {
  const query = new URLSearchParams({ q, limit: String(SEARCH_LIMIT) });
  return apiRequest(`/kb/search?${query.toString()}`, { signal });
}

export function fetchArticles(
  params: { status?: string; category?: string },
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<ArticleSummary>> {
  const query = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  if (cursor) query.set('cursor', cursor);
  return apiRequest(`/kb/articles?${query.toString()}`, { signal });
}

export function fetchArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return apiRequest(`/kb/articles/${encodeURIComponent(id)}`, { signal });
}

export function createArticle(input: ArticleInput): Promise<Article> {
  const { categoryId, slug, ...rest } = input;
  return apiRequest('/kb/articles', {
    method: 'POST',
    body: { ...rest, ...(categoryId ? { categoryId } : {}), ...(slug ? { slug } : {}) },
  });
}

export function updateArticle(id: string, version: number, changes: Partial<ArticleInput>): Promise<Article> {
  return apiRequest(`/kb/articles/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { ...changes, version },
  });
}

export function archiveArticle(id: string): Promise<Article> {
  return apiRequest(`/kb/articles/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchCategories(signal?: AbortSignal): Promise<KbCategory[]> {
  return apiRequest('/kb/categories', { signal });
}

export function createCategory(name: string): Promise<KbCategory> {
  return apiRequest('/kb/categories', { method: 'POST', body: { name } });
}

export function fetchCannedAnswers(signal?: AbortSignal): Promise<Page<CannedAnswer>> {
  return apiRequest('/kb/canned-answers?limit=200', { signal });
}

export function createCannedAnswer(input: { title: string; body: string }): Promise<CannedAnswer> {
  return apiRequest('/kb/canned-answers', { method: 'POST', body: input });
}

export function updateCannedAnswer(
  id: string,
  version: number,
  changes: { title?: string; body?: string },
): Promise<CannedAnswer> {
  return apiRequest(`/kb/canned-answers/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { ...changes, version },
  });
}

export function archiveCannedAnswer(id: string): Promise<CannedAnswer> {
  return apiRequest(`/kb/canned-answers/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
