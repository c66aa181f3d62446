import { useId, useState, type FormEvent } from 'react';
import { createCategory } from '../api/kb';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';

/** Adds an FAQ heading; it goes last. */
export function KbCategoryForm({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState('');
  const submit = useSubmit();
  const id = useId();

  function add(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await createCategory(name.trim());
      setName('');
      onAdded();
    });
  }

  return (
    <form className="knowledge__category-form" onSubmit={add}>
      <label className="visually-hidden" htmlFor={`${id}-name`}>
        New category name
      </label>
      <input
        id={`${id}-name`}
        className="field__input"
        placeholder="New category, e.g. Billing"
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
        required
      />
      <button type="submit" className="button" disabled={submit.busy || name.trim() === ''}>
        Add category
      </button>
      {submit.error !== null && (
        <p className="knowledge__error" role="alert">
          {describeError(submit.error)}
        </p>
      )}
    </form>
  );
}
