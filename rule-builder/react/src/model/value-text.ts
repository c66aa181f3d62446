import type { FormField } from './json-schema';

const MAX_LENGTH = 80;

/** A setting's value in words, using the field's option and variant labels when it has them. */
export function valueText(value: unknown, field: FormField | undefined): string {
  if (value === undefined) return 'not set';
  if (field?.kind === 'enum') {
    const option = field.options.find((o) => o.value === value);
    if (option) return option.label;
  }
  if (field?.kind === 'variant' && value !== null && typeof value === 'object') {
    const chosen = (value as Record<string, unknown>)[field.discriminator];
    const variant = field.variants.find((v) => v.value === chosen);
    if (variant) return variant.label;
  }
  if (typeof value === 'string') {
    const text = value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH - 1)}…` : value;
    return `“${text}”`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value === null) return 'empty';
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json.length > MAX_LENGTH ? `${json.slice(0, MAX_LENGTH - 1)}…` : json;
}
