import type { QuoteStatus } from '../api/quotes';
import { QUOTE_STATUS_LABELS } from '../lib/describeQuote';
import { StatusBadge, type BadgeTone } from './StatusBadge';

const TONES: Record<QuoteStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'warning',
  approved: 'success',
  rejected: 'danger',
  sent: 'accent',
  accepted: 'success',
};

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return <StatusBadge tone={TONES[status]} label={QUOTE_STATUS_LABELS[status]} testId="quote-status" />;
}
