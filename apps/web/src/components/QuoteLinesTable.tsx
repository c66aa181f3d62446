import type { Quote } from '../api/quotes';
import { formatMoney, formatPercent } from '../lib/money';
import './QuoteLines.css';

/** The quote's lines and totals, read-only. */
export function QuoteLinesTable({ quote }: { quote: Quote }) {
  const money = (amount: string) => formatMoney(amount, quote.currency);
  return (
    <div className="quote-lines__frame">
      <table className="quote-lines" data-testid="quote-lines">
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col" className="quote-lines__number">
              Qty
            </th>
            <th scope="col" className="quote-lines__number">
              Unit price
            </th>
            <th scope="col" className="quote-lines__number">
              Discount
            </th>
            <th scope="col" className="quote-lines__number">
              Line total
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line) => (
            <tr key={line.id} data-testid="quote-line">
              <td>
                <span className="quote-lines__product">{line.product.name}</span>
                <span className="quote-lines__sku">{line.product.sku}</span>
              </td>
              <td className="quote-lines__number">{line.quantity}</td>
              <td className="quote-lines__number">{money(line.unitPrice)}</td>
              <td
                className={`quote-lines__number${line.discountPercent > 0 ? ' quote-lines__discount' : ''}`}
                data-testid="line-discount"
              >
                {formatPercent(line.discountPercent)}
              </td>
              <td className="quote-lines__number">{money(line.total)}</td>
            </tr>
          ))}
        </tbody>
        <QuoteTotals quote={quote} columns={5} />
      </table>
    </div>
  );
}

export function QuoteTotals({ quote, columns }: { quote: Quote; columns: number }) {
  const money = (amount: string) => formatMoney(amount, quote.currency);
  const span = columns - 1;
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={span}>
          Subtotal
        </th>
        <td className="quote-lines__number">{money(quote.subtotal)}</td>
      </tr>
      <tr>
        <th scope="row" colSpan={span}>
          Discount
        </th>
        <td className="quote-lines__number">−{money(quote.discountTotal)}</td>
      </tr>
      <tr className="quote-lines__total">
        <th scope="row" colSpan={span}>
          Total
        </th>
        <td className="quote-lines__number" data-testid="quote-total">
          {money(quote.total)}
        </td>
      </tr>
    </tfoot>
  );
}
