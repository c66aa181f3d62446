import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/ApiError';
import { describeError } from '../lib/describeError';
import { fromLocalDateTime, localDateTime } from '../lib/localTime';
import './RecordFields.css';

export type FieldInput = 'text' | 'email' | 'tel' | 'date' | 'datetime' | 'money' | 'select';

export interface FieldSpec {
  /** The PATCH body's field (`industry`, `ownerId`…). */
  name: string;
  label: string;
  /** The value as its input holds it (an ISO day, an owner's id); null when empty. */
  value: string | null;
  /** How it reads when not editing. */
  display: ReactNode;
  input?: FieldInput;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Cannot be emptied (a name, a stage). */
  required?: boolean;
  /** Shown, never edited here (computed, or changed elsewhere). */
  readOnly?: boolean;
}

interface RecordFieldsProps {
  fields: ReadonlyArray<FieldSpec>;
  editable: boolean;
  /** Sends only what changed; rejects with the API's error. */
  onSave: (changes: Record<string, string | null>) => Promise<void>;
  /** Re-reads the record (after someone else's change won). */
  onReload: () => void;
}

/** The record's fields as a list, and the same fields as a form for people who may change them. */
export function RecordFields({ fields, editable, onSave, onReload }: RecordFieldsProps) {
  const [draft, setDraft] = useState<Record<string, string> | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const conflict = error instanceof ApiError && error.code === 'CONFLICT';

  function startEditing() {
    setError(null);
    setDraft(Object.fromEntries(fields.map((f) => [f.name, toInput(f)])));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    const changes: Record<string, string | null> = {};
    for (const field of fields) {
      if (field.readOnly) continue;
      const typed = draft[field.name] ?? '';
      if (typed === toInput(field)) continue;
      changes[field.name] = fromInput(field, typed);
    }
    if (Object.keys(changes).length === 0) {
      setDraft(null);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(changes);
      setDraft(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  if (!draft) {
    return (
      <section className="record-card" aria-labelledby={`${id}-title`}>
        <header className="record-card__header">
          <h2 className="record-card__title" id={`${id}-title`}>
            Details
          </h2>
          {editable && (
            <button
              type="button"
              className="button button--quiet"
              onClick={startEditing}
              data-testid="fields-edit"
            >
              Edit
            </button>
          )}
        </header>
        <dl className="record-fields" data-testid="record-fields">
          {fields.map((field) => (
            <div key={field.name} className="record-fields__row">
              <dt>{field.label}</dt>
              <dd data-field={field.name}>
                {field.display || <span className="record-fields__missing">—</span>}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    );
  }

  return (
    <section className="record-card" aria-labelledby={`${id}-title`}>
      <form className="record-fields__form" onSubmit={(e) => void save(e)} data-testid="fields-form">
        <header className="record-card__header">
          <h2 className="record-card__title" id={`${id}-title`}>
            Edit details
          </h2>
        </header>
        {fields
          .filter((field) => !field.readOnly)
          .map((field) => (
            <label key={field.name} className="field">
              <span className="field__label">{field.label}</span>
              <FieldControl
                field={field}
                value={draft[field.name] ?? ''}
                onChange={(value) => setDraft({ ...draft, [field.name]: value })}
              />
            </label>
          ))}
        {error !== null && (
          <div className="record-fields__error" role="alert" data-testid="fields-error">
            <p>{describeError(error)}</p>
            {conflict && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setDraft(null);
                  setError(null);
                  onReload();
                }}
              >
                Reload their version
              </button>
            )}
          </div>
        )}
        <div className="record-fields__buttons">
          <button
            type="submit"
            className="button button--primary"
            disabled={saving}
            data-testid="fields-save"
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={saving}
            onClick={() => setDraft(null)}
          >
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

function FieldControl({
  field,
  value,
  onChange,
}: {
  field: FieldSpec;
  value: string;
  onChange: (value: string) => void;
}) {
  if (field.input === 'select') {
    return (
      <select
        className="field__input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        name={field.name}
      >
        {!field.required && <option value="">—</option>}
        {(field.options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  }
  const type = {
    text: 'text',
    email: 'email',
    tel: 'tel',
    date: 'date',
    datetime: 'datetime-local',
    money: 'text',
  }[field.input ?? 'text'];
  return (
    <input
      className="field__input"
      type={type}
      name={field.name}
      value={value}
      required={field.required}
      inputMode={field.input === 'money' ? 'decimal' : undefined}
      pattern={field.input === 'money' ? '\\d{1,12}(\\.\\d{1,2})?' : undefined}
      title={field.input === 'money' ? 'An amount like 1250.00' : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function toInput(field: FieldSpec): string {
  if (field.value === null) return '';
  // datetime-local holds local wall-clock time without a zone.
  if (field.input === 'datetime') return localDateTime(new Date(field.value));
  return field.value;
}

function fromInput(field: FieldSpec, typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  if (field.input === 'datetime') return fromLocalDateTime(trimmed);
  return trimmed;
}
