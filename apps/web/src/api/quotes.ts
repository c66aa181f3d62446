import { apiRequest } from './client';
import type { Page } from './types';

export type QuoteStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'sent' | 'accepted';

export interface Ref {
  id: string;
  name: string;
}

export interface QuoteLine {
  id: string;
  position: number;
  product: { id: string; sku: string; name: string };
  quantity: number;
  /** Money is a decimal string with two places ("1250.00"), as the API sends it. */
  unitPrice: string;
  discountPercent: number;
  subtotal: string;
  discount: string;
  total: string;
}

export interface Quote {
  id: string;
  name: string;
  opportunity: Ref;
  account: Ref;
  status: QuoteStatus;
  currency: string;
  lines: QuoteLine[];
  subtotal: string;
  discountTotal: string;
  total: string;
  /** Σ quantity × the products' unit costs today; null when a product has no cost. */
  costTotal: string | null;
  /** (total − cost) / total × 100, one decimal; null when the cost is unknown or the total is 0. */
  marginPercent: number | null;
  /** The last approve or reject, with the approver's comment. */
  decision: { comment: string | null; by: Ref | null; at: string } | null;
  owner: Ref | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  version: number;
}

/** What a line edit sends: the server computes every amount. */
export interface QuoteLineInput {
  productId: string;
  quantity: number;
  unitPrice?: string;
  discountPercent?: number;
}

export interface Product {
  id: string;
  sku: string;
  name: string;
  unitPrice: string;
  active: boolean;
}

export type QuoteAction = 'submit' | 'recall' | 'reopen';

export function fetchMyQuotes(signal?: AbortSignal): Promise<Page<Quote>> {
  const query = new URLSearchParams({ owner: 'me', limit: '100' });
  return apiRequest<Page<Quote>>(`/quotes?${query.toString()}`, { signal });
}

export function fetchQuote(id: string, signal?: AbortSignal): Promise<Quote> {
  return apiRequest<Quote>(`/quotes/${encodeURIComponent(id)}`, { signal });
}

/** Replaces every line of a draft; `version` is the one read, so a stale edit gets CONFLICT. */
export function saveQuoteLines(id: string, version: number, lines: QuoteLineInput[]): Promise<Quote> {
  return apiRequest<Quote>(`/quotes/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { version, lines },
  });
}

export function actOnQuote(id: string, action: QuoteAction): Promise<Quote> {
  return apiRequest<Quote>(`/quotes/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
}

export function fetchProducts(signal?: AbortSignal): Promise<Page<Product>> {
  return apiRequest<Page<Product>>('/products?active=true&limit=200', { signal });
}
