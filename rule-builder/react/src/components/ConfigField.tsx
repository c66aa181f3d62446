import { useId, useState, type ReactNode } from 'react';
import { assertNever } from '../model/assert-never';
import type { FormField, FormVariant } from '../model/json-schema';
import { FieldErrors, JsonField } from './JsonField';

export interface ConfigFieldProps {
  readonly field: FormField;
  readonly value: unknown;
  /** `undefined` removes the key, so required fields left empty show up in validation. */
  readonly onChange: (value: unknown) => void;
  readonly errors?: readonly string[];
}

/** One input of a config form, chosen by the field's kind. */
export function ConfigField({ field, value, onChange, errors = [] }: ConfigFieldProps) {
  switch (field.kind) {
    case 'text':
      return <TextField field={field} value={value} onChange={onChange} errors={errors} />;
    case 'number':
      return <NumberField field={field} value={value} onChange={onChange} errors={errors} />;
    case 'boolean':
      return <BooleanField field={field} value={value} onChange={onChange} errors={errors} />;
    case 'enum':
      return <EnumField field={field} value={value} onChange={onChange} errors={errors} />;
    case 'variant':
      return <VariantField field={field} value={value} onChange={onChange} errors={errors} />;
    case 'json':
      return (
        <JsonField
          label={field.label}
          value={value}
          onChange={onChange}
          required={field.required}
          errors={errors}
          {...(field.help === undefined ? {} : { help: field.help })}
        />
      );
    default:
      return assertNever(field);
  }
}

type Props<K extends FormField['kind']> = Omit<ConfigFieldProps, 'field'> & {
  readonly field: Extract<FormField, { kind: K }>;
};

function Frame({
  id,
  field,
  errors,
  children,
}: {
  id: string;
  field: FormField;
  errors: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="rb-field" data-field={field.name}>
      <label className="rb-label" htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {field.help && (
        <p className="rb-help" id={`${id}-help`}>
          {field.help}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}

function described(id: string, errors: readonly string[]) {
  return { 'aria-describedby': `${id}-help ${id}-errors`, 'aria-invalid': errors.length > 0 };
}

function TextField({ field, value, onChange, errors = [] }: Props<'text'>) {
  const id = useId();
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    className: 'rb-input',
    value: text,
    required: field.required,
    maxLength: field.maxLength,
    placeholder: typeof field.defaultValue === 'string' ? field.defaultValue : undefined,
    ...described(id, errors),
  };
  const change = (next: string) => onChange(next === '' ? undefined : next);
  return (
    <Frame id={id} field={field} errors={errors}>
      {field.multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => change(e.target.value)} />
      )}
    </Frame>
  );
}

function NumberField({ field, value, onChange, errors = [] }: Props<'number'>) {
  const id = useId();
  // Keeps "1." or "-" on screen while typing; an outside change (undo) wins.
  const [local, setLocal] = useState<{ text: string; basis: unknown } | null>(null);
  const text =
    local !== null && local.basis === value ? local.text : typeof value === 'number' ? String(value) : '';
  function change(next: string) {
    const parsed = next.trim() === '' ? undefined : Number(next);
    const usable = parsed === undefined || Number.isFinite(parsed);
    setLocal({ text: next, basis: usable ? parsed : value });
    if (usable) onChange(parsed);
  }
  return (
    <Frame id={id} field={field} errors={errors}>
      <input
        id={id}
        className="rb-input"
        type="number"
        inputMode={field.integer ? 'numeric' : 'decimal'}
        step={field.integer ? 1 : 'any'}
        min={field.minimum}
        max={field.maximum}
        required={field.required}
        value={text}
        placeholder={typeof field.defaultValue === 'number' ? String(field.defaultValue) : undefined}
        onChange={(e) => change(e.target.value)}
        {...described(id, errors)}
      />
    </Frame>
  );
}

function BooleanField({ field, value, onChange, errors = [] }: Props<'boolean'>) {
  const id = useId();
  return (
    <Frame id={id} field={field} errors={errors}>
      <input
        id={id}
        type="checkbox"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        {...described(id, errors)}
      />
    </Frame>
  );
}

function EnumField({ field, value, onChange, errors = [] }: Props<'enum'>) {
  const id = useId();
  const index = field.options.findIndex((o) => o.value === value);
  return (
    <Frame id={id} field={field} errors={errors}>
      <select
        id={id}
        className="rb-input"
        value={index === -1 ? '' : String(index)}
        required={field.required}
        onChange={(e) =>
          onChange(e.target.value === '' ? undefined : field.options[Number(e.target.value)]?.value)
        }
        {...described(id, errors)}
      >
        <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
        {field.options.map((option, i) => (
          <option key={String(option.value)} value={String(i)}>
            {option.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

function VariantField({ field, value, onChange, errors = [] }: Props<'variant'>) {
  const id = useId();
  const object = isRecord(value) ? value : {};
  const chosen = field.variants.find((v) => v.value === object[field.discriminator]);
  return (
    <fieldset className="rb-fieldset" data-field={field.name}>
      <legend className="rb-label">{field.label}</legend>
      <select
        id={id}
        className="rb-input"
        aria-label={`${field.label}: ${field.discriminator}`}
        value={chosen?.value ?? ''}
        onChange={(e) => {
          const next = field.variants.find((v) => v.value === e.target.value);
          onChange(
            next === undefined ? undefined : { [field.discriminator]: next.value, ...variantDefaults(next) },
          );
        }}
        {...described(id, errors)}
      >
        <option value="">{field.required ? 'Choose…' : '(not set)'}</option>
        {field.variants.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
      {field.help && (
        <p className="rb-help" id={`${id}-help`}>
          {field.help}
        </p>
      )}
      {chosen?.fields.map((inner) => (
        <ConfigField
          key={inner.name}
          field={inner}
          value={object[inner.name]}
          onChange={(innerValue) => {
            const next: Record<string, unknown> = { ...object };
            if (innerValue === undefined) delete next[inner.name];
            else next[inner.name] = innerValue;
            onChange(next);
          }}
        />
      ))}
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </fieldset>
  );
}

function variantDefaults(variant: FormVariant): Record<string, unknown> {
  return Object.fromEntries(
    variant.fields.flatMap((f) =>
      f.defaultValue === undefined ? [] : [[f.name, structuredClone(f.defaultValue)]],
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
