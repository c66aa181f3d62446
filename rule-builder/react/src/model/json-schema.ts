import { humanize } from './labels';

/** The part of JSON Schema (draft 2020-12, as zod's `toJSONSchema` writes it) the config forms read. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly format?: string;
  readonly pattern?: string;
}

interface FieldBase {
  /** The config key. */
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly help?: string;
  readonly defaultValue?: unknown;
}

/** One input of a generated config form. */
export type FormField =
  | (FieldBase & {
      readonly kind: 'text';
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly multiline: boolean;
      readonly format?: string;
    })
  | (FieldBase & {
      readonly kind: 'number';
      readonly integer: boolean;
      readonly minimum?: number;
      readonly maximum?: number;
    })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly options: readonly FieldOption[] })
  | (FieldBase & {
      readonly kind: 'variant';
      readonly discriminator: string;
      readonly variants: readonly FormVariant[];
    })
  | (FieldBase & { readonly kind: 'json' });

export interface FieldOption {
  readonly value: string | number | boolean;
  readonly label: string;
}

/** One branch of a `oneOf` of objects told apart by a constant property (e.g. `assignee.kind`). */
export interface FormVariant {
  readonly value: string;
  readonly label: string;
  readonly fields: readonly FormField[];
}

// Long free text gets a textarea; short names an input.
const MULTILINE_FROM = 500;

/**
 * The form for an object schema: one field per property, in schema order. Shapes with no natural
 * input (arrays, nested objects, conditions) become a JSON text field so nothing is uneditable.
 */
export function formFields(schema: JsonSchema | undefined): FormField[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, property]) =>
    formField(name, property, required.has(name)),
  );
}

function formField(name: string, schema: JsonSchema, required: boolean): FormField {
  const base: FieldBase = {
    name,
    label: schema.title ?? humanize(name),
    required,
    ...(schema.description === undefined ? {} : { help: schema.description }),
    ...(schema.default === undefined ? {} : { defaultValue: schema.default }),
  };
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants !== undefined) {
    const variant = variantField(base, variants);
    if (variant !== undefined) return variant;
  }
  if (schema.enum !== undefined && schema.enum.every(isScalar)) {
    return {
      ...base,
      kind: 'enum',
      options: schema.enum.map((value) => ({ value, label: humanize(String(value)) })),
    };
  }
  switch (typeOf(schema)) {
    case 'string':
      return {
        ...base,
        kind: 'text',
        multiline: schema.maxLength !== undefined && schema.maxLength >= MULTILINE_FROM,
        ...(schema.minLength === undefined ? {} : { minLength: schema.minLength }),
        ...(schema.maxLength === undefined ? {} : { maxLength: schema.maxLength }),
        ...(schema.format === undefined ? {} : { format: schema.format }),
      };
    case 'integer':
    case 'number':
      return {
        ...base,
        kind: 'number',
        integer: typeOf(schema) === 'integer',
        ...(schema.minimum === undefined ? {} : { minimum: schema.minimum }),
        ...(schema.maximum === undefined ? {} : { maximum: schema.maximum }),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case undefined:
    default:
      return { ...base, kind: 'json' };
  }
}

function variantField(base: FieldBase, schemas: readonly JsonSchema[]): FormField | undefined {
  const first = schemas[0]?.properties;
  if (first === undefined) return undefined;
  const discriminator = Object.keys(first).find((key) =>
    schemas.every(
      (s) => s.properties?.[key]?.const !== undefined && typeof s.properties[key].const === 'string',
    ),
  );
  if (discriminator === undefined) return undefined;
  return {
    ...base,
    kind: 'variant',
    discriminator,
    variants: schemas.map((s) => {
      const value = s.properties![discriminator]!.const as string;
      const rest = { ...s, properties: { ...s.properties } };
      delete (rest.properties as Record<string, JsonSchema>)[discriminator];
      return { value, label: s.title ?? humanize(value), fields: formFields(rest) };
    }),
  };
}

/**
 * A new step's config: every default the schema declares. Required fields without a default are
 * left out on purpose, so validation points at them until the user fills them in.
 */
export function defaultConfig(schema: JsonSchema | undefined): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (property.default !== undefined) config[name] = structuredClone(property.default);
  }
  return config;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  return schema.type?.find((t) => t !== 'null');
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
