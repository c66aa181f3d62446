import { useId, useState } from 'react';

export interface JsonFieldProps {
  readonly label: string;
  readonly value: unknown;
  /** Called with the parsed value, or undefined when the text is emptied; never with invalid JSON. */
  readonly onChange: (value: unknown) => void;
  readonly help?: string;
  readonly required?: boolean;
  readonly errors?: readonly string[];
  readonly placeholder?: string;
}

function format(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

/**
 * A JSON text area (conditions, lists). Text that is not JSON yet stays in the box with a note
 * and changes nothing; an outside change (undo) replaces the text.
 */
export function JsonField({
  label,
  value,
  onChange,
  help,
  required = false,
  errors = [],
  placeholder,
}: JsonFieldProps) {
  const id = useId();
  // `basis` is the value the text was typed against: once the value moves on, the text is stale.
  const [local, setLocal] = useState<{ text: string; basis: unknown; invalid: boolean } | null>(null);
  const editing = local !== null && local.basis === value;
  const text = editing ? local.text : format(value);
  const invalid = editing && local.invalid;
  const messages = [...(invalid ? ['Not valid JSON yet'] : []), ...errors];

  function change(next: string) {
    if (next.trim() === '') {
      setLocal({ text: next, basis: undefined, invalid: false });
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(next);
      setLocal({ text: next, basis: parsed, invalid: false });
      onChange(parsed);
    } catch {
      setLocal({ text: next, basis: value, invalid: true });
    }
  }

  return (
    <div className="rb-field">
      <label className="rb-label" htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <textarea
        id={id}
        className="rb-input rb-input--code"
        rows={4}
        value={text}
        placeholder={placeholder}
        onChange={(e) => change(e.target.value)}
        aria-invalid={messages.length > 0}
        aria-required={required}
        aria-describedby={`${id}-help ${id}-errors`}
        spellCheck={false}
      />
      {help && (
        <p className="rb-help" id={`${id}-help`}>
          {help}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} messages={messages} />
    </div>
  );
}

export function FieldErrors({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return <span id={id} hidden />;
  return (
    <ul className="rb-field__errors" id={id} data-testid="field-error">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
