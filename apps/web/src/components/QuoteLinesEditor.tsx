import { useMemo, useState } from 'react';
import type { Product, Quote, QuoteLineInput } from '../api/quotes';
import { describeError } from '../lib/describeError';
import { QuoteTotals } from './QuoteLinesTable';
import './QuoteLines.css';

interface Row {
  key: string;
  productId: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
}

interface QuoteLinesEditorProps {
  quote: Quote;
  /** The price book; a line's current product is offered even if it left the price book. */
  products: Product[];
  onSave: (lines: QuoteLineInput[]) => Promise<void>;
  /** Told whether there are unsaved edits, so the page can hold back "Submit". */
  onDirtyChange: (dirty: boolean) => void;
}

function rowsOf(quote: Quote): Row[] {
  return quote.lines.map((line) => ({
    key: line.id,
    productId: line.product.id,
    quantity: String(line.quantity),
    unitPrice: line.unitPrice,
    discountPercent: String(line.discountPercent),
  }));
}

/** Lines of a draft, edited in place and saved together (the API replaces every line). */
export function QuoteLinesEditor({ quote, products, onSave, onDirtyChange }: QuoteLinesEditorProps) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(quote));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = useMemo(() => JSON.stringify(rowsOf(quote).map(({ key: _, ...r }) => r)), [quote]);
  const dirty = JSON.stringify(rows.map(({ key: _, ...r }) => r)) !== saved;
  const choices = useMemo(() => {
    const known = new Map(products.map((p) => [p.id, `${p.name} (${p.sku})`]));
    for (const line of quote.lines)
      if (!known.has(line.product.id))
        known.set(line.product.id, `${line.product.name} (${line.product.sku})`);
    return [...known];
  }, [products, quote]);

  function change(index: number, patch: Partial<Row>) {
    const next = rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
    setRows(next);
    onDirtyChange(JSON.stringify(next.map(({ key: _, ...r }) => r)) !== saved);
  }

  function setAll(next: Row[]) {
    setRows(next);
    onDirtyChange(JSON.stringify(next.map(({ key: _, ...r }) => r)) !== saved);
  }

  async function save() {
    const parsed = toInput(rows);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      return;
    }
    setProblem(null);
    setError(null);
    setSaving(true);
    try {
      await onSave(parsed);
      onDirtyChange(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="quote-lines__frame">
      <table className="quote-lines" data-testid="quote-lines-editor">
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
              Discount %
            </th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key} data-testid="quote-line-edit">
              <td>
                <select
                  className="quote-lines__input quote-lines__input--text"
                  aria-label={`Product of line ${index + 1}`}
                  value={row.productId}
                  onChange={(e) => change(index, { productId: e.target.value })}
                >
                  {choices.map(([id, label]) => (
                    <option key={id} value={id}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  className="quote-lines__input"
                  inputMode="numeric"
                  aria-label={`Quantity of line ${index + 1}`}
                  value={row.quantity}
                  onChange={(e) => change(index, { quantity: e.target.value })}
                  data-testid="line-quantity"
                />
              </td>
              <td>
                <input
                  className="quote-lines__input"
                  inputMode="decimal"
                  aria-label={`Unit price of line ${index + 1}`}
                  value={row.unitPrice}
                  onChange={(e) => change(index, { unitPrice: e.target.value })}
                  data-testid="line-unit-price"
                />
              </td>
              <td>
                <input
                  className="quote-lines__input"
                  inputMode="decimal"
                  aria-label={`Discount percent of line ${index + 1}`}
                  value={row.discountPercent}
                  onChange={(e) => change(index, { discountPercent: e.target.value })}
                  data-testid="line-discount-input"
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={`Remove line ${index + 1}`}
                  disabled={rows.length === 1}
                  onClick={() => setAll(rows.filter((_, i) => i !== index))}
                >
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
        <QuoteTotals quote={quote} columns={5} />
      </table>
      <div className="quote-lines__editor-foot">
        <div>
          <button
            type="button"
            className="button"
            disabled={choices.length === 0}
            onClick={() => {
              const first = choices[0]![0];
              const product = products.find((p) => p.id === first);
              setAll([
                ...rows,
                {
                  key: `new-${Date.now()}`,
                  productId: first,
                  quantity: '1',
                  unitPrice: product?.unitPrice ?? '0.00',
                  discountPercent: '0',
                },
              ]);
            }}
          >
            Add line
          </button>
        </div>
        {problem ? (
          <p className="quote-lines__error" role="alert">
            {problem}
          </p>
        ) : error ? (
          <p className="quote-lines__error" role="alert" data-testid="quote-save-error">
            Not saved: {describeError(error)}
          </p>
        ) : (
          <p className="quote-lines__hint">
            {dirty ? 'Unsaved changes; totals update when you save' : `Totals in ${quote.currency}`}
          </p>
        )}
        <div className="quote-lines__editor-actions">
          <button
            type="button"
            className="button"
            disabled={!dirty || saving}
            onClick={() => setAll(rowsOf(quote))}
          >
            Discard
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!dirty || saving}
            onClick={() => void save()}
            data-testid="quote-save"
          >
            {saving ? 'Saving…' : 'Save lines'}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The rows as the API wants them, or what is wrong in words. */
function toInput(rows: Row[]): QuoteLineInput[] | string {
  const lines: QuoteLineInput[] = [];
  for (const [index, row] of rows.entries()) {
    const n = index + 1;
    const quantity = Number(row.quantity);
    if (!Number.isInteger(quantity) || quantity < 1)
      return `Line ${n}: the quantity must be a whole number, 1 or more`;
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(row.unitPrice.trim()))
      return `Line ${n}: the unit price must be an amount like 1250.00`;
    const discount = Number(row.discountPercent.trim() || '0');
    if (!Number.isFinite(discount) || discount < 0 || discount > 100)
      return `Line ${n}: the discount must be between 0 and 100 %`;
    lines.push({
      productId: row.productId,
      quantity,
      unitPrice: row.unitPrice.trim(),
      discountPercent: discount,
    });
  }
  return lines;
}
