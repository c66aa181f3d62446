/** The slice of an OpenAPI 3.1 document the hostile suite reads, and a valid value for a schema. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  example?: unknown;
  default?: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  /** Needs a bearer token, as the document says (`security`). */
  secured: boolean;
  /** The documented request content type, if any. */
  contentType?: string;
  bodySchema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: Parameter[]; requestBody?: RequestBody; security?: unknown[] }>
  >;
  components?: { schemas?: Record<string, Schema> };
}

interface RequestBody {
  content?: Record<string, { schema?: Schema }>;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined => resolveRef(doc, schema);
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        secured: (op.security?.length ?? 0) > 0,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(p.schema) })),
        ...(contentType ? { contentType } : {}),
        ...(media?.schema ? { bodySchema: resolve(media.schema) } : {}),
      });
    }
  }
  return ops;
}

export function resolveRef(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) {
    const name = current.$ref.split('/').pop()!;
    current = doc.components?.schemas?.[name];
  }
  return current;
}

/** The first non-null member of a union, or the schema itself. */
export function mainType(schema: Schema): Schema {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return mainType(options.find((o) => o.type !== 'null') ?? options[0]!);
  if (Array.isArray(schema.type)) return { ...schema, type: schema.type.find((t) => t !== 'null') };
  return schema;
}

const SAMPLE_UUID = '00000000-0000-4000-8000-000000000001';
const STRING_CANDIDATES = ['Proof', '10.00', 'proof', 'a', '1', 'x1'];

/** A value the schema accepts (as far as a sample can): enough to get past validation to the handler. */
export function sampleFor(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const s = mainType(schema);
  if (s !== schema) return sampleFor(s, depth + 1);
  switch (s.type) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number': {
      const low = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
      return Math.min(Math.max(low, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => sampleFor(s.items, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of s.required ?? []) out[name] = sampleFor(s.properties?.[name], depth + 1);
      return out;
    }
    case undefined:
    default:
      return s.properties ? sampleFor({ ...s, type: 'object' }, depth) : {};
  }
}

function sampleString(s: Schema): string {
  if (s.format === 'uuid') return SAMPLE_UUID;
  if (s.format === 'email') return 'proof@example.com';
  if (s.format === 'date-time') return new Date().toISOString();
  if (s.format === 'date') return '2026-01-01';
  const pattern = s.pattern ? new RegExp(s.pattern) : undefined;
  const fits = (v: string) =>
    (!pattern || pattern.test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  return STRING_CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(s.minLength ?? 1, 1));
}
