import {
  HOSTILE_AUTH,
  HOSTILE_NUMBERS,
  HOSTILE_PATH_VALUES,
  HOSTILE_QUERIES,
  HOSTILE_STRINGS,
  hostileShapes,
} from './hostile-values';
import { mainType, sampleFor, type Operation, type Schema } from './openapi';
import type { RawRequest } from './send';

/** One hostile request for an operation; `ownAuth` variants bring their own Authorization header. */
export interface Variant {
  label: string;
  ownAuth: boolean;
  req: RawRequest;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every hostile variant of one operation: bad path values, bad query strings, bodies of the wrong
 * shape, each body field wrong in each way, and bad bearer tokens. `pathValues` are real ids where
 * the suite found some, so body checks run against records that exist.
 */
export function variantsFor(op: Operation, pathValues: Record<string, string>): Variant[] {
  const variants: Variant[] = [];
  const body = bodySample(op);
  const path = (values: Record<string, string>) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x'));
  const query = requiredQuery(op);
  const url = (p: string, q = query) => (q ? `${p}?${q}` : p);
  const jsonRequest = (text: string | undefined, p = path(pathValues), q = query): RawRequest => ({
    method: op.method,
    path: url(p, q),
    headers: text === undefined ? {} : { 'content-type': op.contentType ?? 'application/json' },
    ...(text === undefined ? {} : { body: text }),
  });
  const bodyText = body === undefined ? undefined : JSON.stringify(body);
  const add = (label: string, req: RawRequest, ownAuth = false) => variants.push({ label, req, ownAuth });

  add('as documented', jsonRequest(bodyText));

  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    for (const [name, value] of Object.entries(HOSTILE_PATH_VALUES))
      add(`path ${param.name}: ${name}`, jsonRequest(bodyText, path({ ...pathValues, [param.name]: value })));
  }

  for (const param of op.parameters.filter((p) => p.in === 'query')) {
    for (const [name, value] of Object.entries(wrongValues(param.schema)))
      add(
        `query ${param.name}: ${name}`,
        jsonRequest(bodyText, undefined, withParam(query, param.name, value)),
      );
  }
  if (op.method === 'GET') {
    for (const [name, q] of Object.entries(HOSTILE_QUERIES))
      add(`query ${name}`, jsonRequest(bodyText, undefined, query ? `${query}&${q}` : q));
  }

  if (BODY_METHODS.has(op.method) && op.contentType !== 'text/csv') {
    for (const [name, shape] of Object.entries(hostileShapes(body))) {
      const req = jsonRequest(shape.body);
      req.headers = { 'content-type': shape.contentType ?? 'application/json' };
      add(`body ${name}`, req);
    }
    const schema = op.bodySchema ? mainType(op.bodySchema) : undefined;
    if (schema?.type === 'object' && body && typeof body === 'object' && !Array.isArray(body)) {
      for (const [name, value] of fieldVariants(schema, body as Record<string, unknown>))
        add(`field ${name}`, jsonRequest(value));
    }
  }

  for (const [name, header] of Object.entries(HOSTILE_AUTH)) {
    const req = jsonRequest(bodyText);
    if (header !== undefined) req.headers = { ...req.headers, authorization: header };
    add(`auth ${name}`, req, true);
  }
  return variants;
}

function bodySample(op: Operation): unknown {
  if (op.contentType === 'text/csv') return undefined;
  if (op.bodySchema) return sampleFor(op.bodySchema);
  return BODY_METHODS.has(op.method) ? {} : undefined;
}

function requiredQuery(op: Operation): string {
  return op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleFor(p.schema)))}`)
    .join('&');
}

function withParam(query: string, name: string, value: string): string {
  const kept = query.split('&').filter((pair) => pair && !pair.startsWith(`${name}=`));
  return [...kept, `${name}=${value}`].join('&');
}

/** Encoded query values of the wrong type or out of range for the parameter's schema. */
function wrongValues(schema: Schema | undefined): Record<string, string> {
  const s = schema ? mainType(schema) : {};
  const out: Record<string, string> = {
    empty: '',
    sql: encodeURIComponent("' OR 1=1 --"),
    nul: 'a%00b',
    array: 'a&x=1',
    long: 'z'.repeat(4000),
  };
  if (s.type === 'integer' || s.type === 'number') Object.assign(out, HOSTILE_NUMBERS, { word: 'abc' });
  if (s.enum) out['not in enum'] = 'definitely-not-a-member';
  if (s.type === 'boolean') out['not a boolean'] = 'maybe';
  return out;
}

/** The valid body with one field made hostile, as raw JSON text (numbers stay exact). */
function* fieldVariants(schema: Schema, body: Record<string, unknown>): Generator<[string, string]> {
  const raw = (field: string, value: string) => {
    const rest = JSON.stringify({ ...body, [field]: '__HOSTILE__' });
    return rest.replace('"__HOSTILE__"', value);
  };
  for (const name of schema.required ?? []) {
    const { [name]: _dropped, ...rest } = body;
    yield [`${name} missing`, JSON.stringify(rest)];
  }
  yield ['extra field', JSON.stringify({ ...body, unexpected: 'surprise' })];
  for (const [field, fieldSchema] of Object.entries(schema.properties ?? {})) {
    const s = mainType(fieldSchema);
    yield [`${field} null`, raw(field, 'null')];
    yield [`${field} object`, raw(field, '{"__proto__":{"polluted":true}}')];
    yield [`${field} array`, raw(field, '["a",1,null]')];
    if (s.type !== 'string') yield [`${field} string`, raw(field, '"12"')];
    if (s.type !== 'number' && s.type !== 'integer') yield [`${field} number`, raw(field, '12345')];
    if (s.type !== 'boolean') yield [`${field} boolean`, raw(field, 'true')];
    if (s.type === 'string' || s.enum) {
      for (const [label, value] of Object.entries(HOSTILE_STRINGS))
        yield [`${field} ${label}`, raw(field, JSON.stringify(value))];
    }
    if (s.type === 'number' || s.type === 'integer') {
      for (const [label, value] of Object.entries(HOSTILE_NUMBERS))
        yield [`${field} ${label}`, raw(field, value)];
      if (s.maximum !== undefined) yield [`${field} above maximum`, raw(field, String(s.maximum + 1))];
      if (s.minimum !== undefined) yield [`${field} below minimum`, raw(field, String(s.minimum - 1))];
    }
    if (s.type === 'array') {
      const item = JSON.stringify(sampleFor(s.items) ?? 'x');
      yield [`${field} 10,000 items`, raw(field, `[${Array(10_000).fill(item).join(',')}]`)];
      yield [`${field} empty`, raw(field, '[]')];
      yield [`${field} 1,000 deep`, raw(field, `${'['.repeat(1000)}${']'.repeat(1000)}`)];
    }
    if (s.type === 'object' || (!s.type && !s.enum)) {
      yield [`${field} 1,000 deep`, raw(field, `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`)];
      yield [`${field} 1 MB string`, raw(field, JSON.stringify('x'.repeat(1024 * 1024)))];
    }
  }
}
