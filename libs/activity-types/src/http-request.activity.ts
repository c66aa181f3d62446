import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { BatonError } from '@baton/domain';
import { defineActivityType, HTTP_METHODS, type OutboundResponse } from '@baton/activity-sdk';
import { evaluateValue, recordData, renderTemplate } from './record-data';

const PLACEHOLDERS = /\{\{[^}]*\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}\}$/;

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

// Set by the step itself, or by the HTTP client from the request: a config may not forge them.
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'idempotency-key',
  'x-baton-signature',
]);

const configSchema = z
  .strictObject({
    method: z.enum(HTTP_METHODS).default('POST'),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine((v) => isHttpUrl(v.replace(PLACEHOLDERS, 'x')), 'must be an http:// or https:// URL')
      .describe('Placeholders such as {{lead.id}} are filled in, URL-encoded'),
    headers: z
      .record(
        z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name'),
        z
          .string()
          .max(4000)
          .regex(/^[^\r\n]*$/, 'must be one line'),
      )
      .refine(
        (headers) => Object.keys(headers).every((name) => !RESERVED_HEADERS.has(name.toLowerCase())),
        `may not set ${[...RESERVED_HEADERS].join(', ')}`,
      )
      .default({})
      .describe('Sent as given, e.g. {"Authorization": "Bearer …"}'),
    body: z
      .json()
      .optional()
      .describe(
        'JSON; strings in it may hold placeholders, and "{{lead}}" alone inserts the value itself. ' +
          'Default (not for GET or DELETE): the record, its fields and the run',
      ),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(10)
      .describe('Give up on an answer (and retry) after this long'),
    secret: z
      .string()
      .min(16)
      .max(256)
      .optional()
      .describe('Signs the body: X-Baton-Signature: sha256=<HMAC-SHA256 of the body, hex>'),
  })
  .refine((c) => c.method !== 'GET' || c.body === undefined, {
    path: ['body'],
    message: 'a GET request has no body',
  });

type Json = z.infer<ReturnType<typeof z.json>>;

/** Fills placeholders in every string of a JSON body; a string that is one placeholder keeps the value's type. */
function renderJson(value: Json, data: Record<string, unknown>, now: Date): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value);
    return whole ? evaluateValue({ var: whole[1] }, data, now) : renderTemplate(value, data);
  }
  if (Array.isArray(value)) return value.map((item) => renderJson(item, data, now));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderJson(v, data, now)]));
  }
  return value;
}

function parseBody(response: OutboundResponse): unknown {
  const json = /\bjson\b/i.test(response.headers['content-type'] ?? '');
  if (!json || response.truncated) return response.body;
  try {
    return JSON.parse(response.body);
  } catch {
    return response.body;
  }
}

/** Calls a webhook or API with the record's data; its answer is the step's output for later steps. */
export const httpRequest = defineActivityType({
  type: 'http_request',
  title: 'Call a webhook',
  category: 'Integrations',
  icon: 'globe',
  description:
    'Sends an HTTP request (JSON, optionally signed) and keeps the answer as steps.<id>.body. ' +
    '408, 429, 5xx and network errors are retried; other refusals fail the step.',
  configSchema,
  outputSchema: z.object({ status: z.number().int(), body: z.unknown(), truncated: z.boolean() }),
  // Longer than the longest request timeout, so the step is not cut off while still waiting.
  timeoutSeconds: 75,
  retry: { maximumAttempts: 6, initialIntervalSeconds: 2, backoffCoefficient: 3 },
  async run({ config, record, steps, trigger, crm, outbound, origin, idempotencyKey, now }) {
    const data = await recordData(crm, record, steps, trigger);
    const url = config.url.replace(PLACEHOLDERS, (p) => encodeURIComponent(renderTemplate(p, data)));
    if (!isHttpUrl(url))
      throw new BatonError('VALIDATION_FAILED', `The URL came out as "${url}"`, { url: config.url });
    const withBody =
      config.body !== undefined ||
      config.method === 'POST' ||
      config.method === 'PUT' ||
      config.method === 'PATCH';
    const payload =
      config.body !== undefined
        ? renderJson(config.body, data, now)
        : { record, [record.type]: data[record.type], origin };
    const body = withBody ? JSON.stringify(payload) : undefined;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'Baton',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...lowerCased(config.headers),
      'idempotency-key': idempotencyKey,
    };
    if (config.secret !== undefined) headers['x-baton-signature'] = sign(config.secret, body ?? '');

    const response = await outbound.fetch({
      method: config.method,
      url,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: config.timeoutSeconds * 1000,
      idempotencyKey,
    });
    const { status } = response;
    if (status >= 200 && status < 300)
      return { status, body: parseBody(response), truncated: response.truncated };
    const answered = `${config.method} ${new URL(url).host} answered ${status}`;
    // The receiver is busy or down: worth asking again with the same Idempotency-Key.
    if (status === 408 || status === 429 || status >= 500) throw new Error(answered);
    // A redirect could lead anywhere, inside the network included; the author should use the final URL.
    const why =
      status >= 300 && status < 400 ? 'redirects are not followed' : 'the receiver refused the call';
    throw new BatonError('HTTP_REJECTED', `${answered}: ${why}`, {
      status,
      body: response.body.slice(0, 500),
    });
  },
});

/** What receivers check: `sha256=` + the hex HMAC-SHA256 of the exact bytes sent. */
function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
