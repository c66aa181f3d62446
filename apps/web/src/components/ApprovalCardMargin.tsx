import { formatMoney, formatPercent } from '../lib/money';
import './ApprovalCardMargin.css';

// Below this the approver should look twice: the discount may be eating the deal.
const LOW_MARGIN_PERCENT = 20;

interface ApprovalCardMarginProps {
  marginPercent: number | null;
  costTotal: string | null;
  /** Without it (the quote is still loading) the cost is left out. */
  currency: string | undefined;
}

/** A quote's margin as the approver's card and the quote page show it, flagged when it is thin. */
export function ApprovalCardMargin({ marginPercent, costTotal, currency }: ApprovalCardMarginProps) {
  const low = marginPercent !== null && marginPercent < LOW_MARGIN_PERCENT;
  const why =
    costTotal === null
      ? 'a product on the quote has no cost'
      : marginPercent === null
        ? 'the total is 0'
        : null;
  return (
    <p className={`margin${low ? ' margin--low' : ''}`} data-testid="quote-margin" data-low={low}>
      <span className="margin__label">Margin</span>
      <span className="margin__value" data-testid="quote-margin-value">
        {marginPercent === null ? 'unknown' : formatPercent(marginPercent)}
      </span>
      {low && <span className="margin__warning">below {LOW_MARGIN_PERCENT} %</span>}
      {costTotal !== null && currency && (
        <span className="margin__detail">cost {formatMoney(costTotal, currency)}</span>
      )}
      {why && <span className="margin__detail">{why}</span>}
    </p>
  );
}
