import { apiRequest } from './client';
import type { ArticleStatus } from './kb';

// Working a case: replies, canned answers filled in from it, and the articles linked to it.

export interface CaseArticleLink {
  article: { id: string; title: string; slug: string; status: ArticleStatus; archived: boolean };
  linkedBy: { id: string; name: string } | null;
  linkedAt: string;
}

export interface RenderedAnswer {
  cannedAnswerId: string;
  text: string;
  /** Merge fields the case had no value for: left empty in `text`. */
  blanks: string[];
}

const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;

export function renderAnswer(caseId: string, cannedAnswerId: string): Promise<RenderedAnswer> {
  return apiRequest(`${casePath(caseId)}/render-answer`, { method: 'POST', body: { cannedAnswerId } });
}

export function sendReply(
  caseId: string,
  input: { body: string; articleIds: string[] },
): Promise<{ articles: CaseArticleLink[] }> {
  return apiRequest(`${casePath(caseId)}/replies`, { method: 'POST', body: input });
}

export function fetchCaseArticles(caseId: string, signal?: AbortSignal): Promise<CaseArticleLink[]> {
  return apiRequest(`${casePath(caseId)}/articles`, { signal });
}

export function linkArticle(caseId: string, articleId: string): Promise<CaseArticleLink[]> {
  return apiRequest(`${casePath(caseId)}/articles/${encodeURIComponent(articleId)}`, { method: 'POST' });
}

export function unlinkArticle(caseId: string, articleId: string): Promise<void> {
  return apiRequest(`${casePath(caseId)}/articles/${encodeURIComponent(articleId)}`, { method: 'DELETE' });
}
