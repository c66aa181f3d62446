import { useState, type FormEvent } from 'react';
import { createQuote } from '../api/newQuote';
import { fetchProducts } from '../api/quotes';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { formatMoney } from '../lib/money';
import { quoteHref } from '../lib/routes';
import { FormFooter } from './FormFooter';
import './QuickActions.css';

interface NewQuoteFormProps {
  opportunity: { id: string; name: string; currency: string };
  onCancel: () => void;
}

/**
 * A draft quote on the opportunity. The API wants a first line, so the form asks for one product;
 * the quote's page, opened next, edits every line.
 */
export function NewQuoteForm({ opportunity, onCancel }: NewQuoteFormProps) {
  const products = useRemote('products', fetchProducts);
  const [name, setName] = useState(`${opportunity.name} — quote`);
  const [productId, setProductId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const submit = useSubmit();
  const choices = products.data?.items ?? [];
  const chosen = productId || choices[0]?.id || '';

  function save(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      const quote = await createQuote({
        opportunityId: opportunity.id,
        name: name.trim(),
        lines: [{ productId: chosen, quantity: Number(quantity) }],
      });
      window.location.hash = quoteHref(quote.id);
    });
  }

  return (
    <form className="quick-actions__form" onSubmit={save} data-testid="new-quote-form">
      <label className="field">
        <span className="field__label">Quote name</span>
        <input
          className="field__input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={200}
          autoFocus
          data-testid="new-quote-name"
        />
      </label>
      <div className="quick-actions__row">
        <label className="field">
          <span className="field__label">First product</span>
          <select
            className="field__input"
            value={chosen}
            onChange={(e) => setProductId(e.target.value)}
            required
            disabled={choices.length === 0}
            data-testid="new-quote-product"
          >
            {choices.length === 0 && <option value="">{products.data ? 'No products' : 'Loading…'}</option>}
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({formatMoney(p.unitPrice, opportunity.currency)})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Quantity</span>
          <input
            className="field__input"
            type="number"
            min={1}
            max={1_000_000}
            step={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            required
            data-testid="new-quote-quantity"
          />
        </label>
      </div>
      {products.error !== null && (
        <p className="quick-actions__problem" role="alert">
          The price book could not be loaded: {describeError(products.error)}
        </p>
      )}
      <p className="quick-actions__hint">Add more lines and discounts on the quote’s page.</p>
      <FormFooter
        error={submit.error}
        busy={submit.busy}
        submitLabel="Create draft quote"
        busyLabel="Creating…"
        onCancel={onCancel}
        testId="new-quote"
      />
    </form>
  );
}
