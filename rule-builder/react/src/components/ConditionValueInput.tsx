import { useState } from 'react';
import type { ConditionField } from '../model/condition-fields';
import type { ValueShape } from '../model/condition-operators';

export interface ConditionValueInputProps {
  readonly shape: ValueShape;
  readonly field: ConditionField;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** Names the input for assistive technology: "Value of Score". */
  readonly label: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Keeps what is being typed ("1.", "a, ") on screen while it reads as the current value; an
 * outside change (undo, another operator) replaces it.
 */
function useTyped<T>(value: T, format: (value: T) => string, parse: (text: string) => T | undefined) {
  const [typed, setTyped] = useState<string | null>(null);
  const same = typed !== null && JSON.stringify(parse(typed)) === JSON.stringify(value);
  return {
    text: same ? typed : format(value),
    type: (text: string, onValue: (value: T) => void) => {
      setTyped(text);
      const parsed = parse(text);
      if (parsed !== undefined) onValue(parsed);
    },
  };
}

const toNumber = (text: string): number | undefined => {
  const n = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** The value input a rule's operator and field call for. */
export function ConditionValueInput({ shape, field, value, onChange, label }: ConditionValueInputProps) {
  switch (shape) {
    case 'none':
      return null;
    case 'single':
      if (field.kind === 'number') return <NumberInput value={value} onChange={onChange} label={label} />;
      if (field.kind === 'enum')
        return <EnumSelect field={field} value={value} onChange={onChange} label={label} />;
      return (
        <input
          className="rb-input"
          aria-label={label}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'date':
      return (
        <input
          className="rb-input"
          aria-label={label}
          // A stored timestamp is shown and kept as text: a date input would drop its time.
          type={typeof value === 'string' && !DAY.test(value) && value !== '' ? 'text' : 'date'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'days':
      return (
        <span className="rb-cond__days">
          <NumberInput value={value} onChange={onChange} label={label} min={0} />
          <span className="rb-muted">days</span>
        </span>
      );
    case 'range':
      return <RangeInput value={value} onChange={onChange} label={label} />;
    case 'list':
      return field.kind === 'enum' ? (
        <EnumChecks field={field} value={value} onChange={onChange} label={label} />
      ) : (
        <ListInput value={value} onChange={onChange} label={label} />
      );
  }
}

function NumberInput({
  value,
  onChange,
  label,
  min,
}: {
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  min?: number;
}) {
  const { text, type } = useTyped<number | undefined>(
    typeof value === 'number' ? value : undefined,
    (n) => (n === undefined ? '' : String(n)),
    toNumber,
  );
  return (
    <input
      className="rb-input rb-cond__number"
      type="number"
      step="any"
      min={min}
      aria-label={label}
      value={text}
      onChange={(e) => type(e.target.value, onChange)}
    />
  );
}

function RangeInput({ value, onChange, label }: Omit<ConditionValueInputProps, 'shape' | 'field'>) {
  const [min, max] = Array.isArray(value) ? (value as unknown[]) : [undefined, undefined];
  return (
    <span className="rb-cond__range">
      <NumberInput value={min} onChange={(n) => onChange([n, max])} label={`${label}: from`} />
      <span className="rb-muted">and</span>
      <NumberInput value={max} onChange={(n) => onChange([min, n])} label={`${label}: to`} />
    </span>
  );
}

function EnumSelect({ field, value, onChange, label }: Omit<ConditionValueInputProps, 'shape'>) {
  const options = field.options ?? [];
  const current = typeof value === 'string' ? value : '';
  return (
    <select
      className="rb-input"
      aria-label={label}
      value={current}
      onChange={(e) => onChange(e.target.value)}
    >
      {!options.includes(current) && <option value={current}>{current === '' ? 'Choose…' : current}</option>}
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}

function EnumChecks({ field, value, onChange, label }: Omit<ConditionValueInputProps, 'shape'>) {
  const chosen = Array.isArray(value) ? (value as unknown[]) : [];
  // Values the list holds that are not options any more stay visible, so nothing vanishes unseen.
  const options = [...(field.options ?? []), ...chosen.filter((v) => !field.options?.includes(v as string))];
  return (
    <span className="rb-cond__checks" role="group" aria-label={label}>
      {options.map((option) => (
        <label key={String(option)} className="rb-cond__check">
          <input
            type="checkbox"
            checked={chosen.includes(option)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, option] : chosen.filter((v) => v !== option))
            }
          />
          {String(option)}
        </label>
      ))}
    </span>
  );
}

function ListInput({ value, onChange, label }: Omit<ConditionValueInputProps, 'shape' | 'field'>) {
  const { text, type } = useTyped<unknown[]>(
    Array.isArray(value) ? value : [],
    (list) => list.map(String).join(', '),
    (typed) =>
      typed
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
  );
  return (
    <input
      className="rb-input"
      aria-label={label}
      placeholder="one, two, three"
      value={text}
      onChange={(e) => type(e.target.value, onChange)}
    />
  );
}
