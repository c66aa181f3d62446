import { apiRequest } from './client';
import type { Quote, QuoteLineInput } from './quotes';

export interface NewQuoteInput {
  opportunityId: string;
  name: string;
  /** The API wants at least one line; the rest are added on the quote's page. */
  lines: [QuoteLineInput, ...QuoteLineInput[]];
}

/** A draft quote on an opportunity, owned by the opportunity's owner. */
export function createQuote(input: NewQuoteInput): Promise<Quote> {
  return apiRequest<Quote>('/quotes', { method: 'POST', body: input });
}
