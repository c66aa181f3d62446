import { expectStatus, type ApiClient } from '../../support/api';
import { HOSTILE_PATH_VALUES, HOSTILE_STRINGS, hostileShapes } from './hostile-values';
import { send, type RawRequest } from './send';
import type { Tally } from './tally';

const HOOKS = 'webhook deliveries';
// Deliveries per workflow per minute before RATE_LIMITED: the variants are spread over hooks.
const PER_HOOK = 50;

interface Hook {
  url: string;
  secret: string;
}

/**
 * Hostile payloads delivered to real webhook triggers with the right secret, so they get past
 * authentication to parsing, record lookup and the run start. Same invariant as everywhere;
 * returns what broke beyond it.
 */
export async function checkHostileWebhooks(
  baseUrl: string,
  admin: ApiClient,
  tally: Tally,
  product: { output(): string },
): Promise<string[]> {
  const lead = await expectStatus(product, admin.post('/api/leads', { name: 'Hooked Lead' }), 201);
  const valid = { recordId: lead.id };
  const variants: Array<{ label: string; body: string; headers?: Record<string, string> }> = [
    { label: 'as documented', body: JSON.stringify(valid) },
  ];
  for (const [name, value] of Object.entries(HOSTILE_STRINGS))
    variants.push({ label: `payload field ${name}`, body: JSON.stringify({ ...valid, note: value }) });
  for (const [name, value] of Object.entries(HOSTILE_PATH_VALUES))
    variants.push({ label: `recordId ${name}`, body: JSON.stringify({ recordId: value }) });
  for (const value of ['null', '12345', '{"__proto__":{"x":1}}', '["a"]', 'true'])
    variants.push({ label: `recordId ${value}`, body: `{"recordId":${value}}` });
  for (const [name, shape] of Object.entries(hostileShapes(valid)))
    variants.push({
      label: `body ${name}`,
      body: shape.body,
      headers: shape.contentType ? { 'content-type': shape.contentType } : {},
    });
  variants.push({
    label: 'proto key holding the record id',
    body: `{"__proto__":{"recordId":"${lead.id}"}}`,
  });
  variants.push({
    label: 'idempotency key 8 KB',
    body: JSON.stringify(valid),
    headers: { 'idempotency-key': 'k'.repeat(8000) },
  });
  variants.push({
    label: 'idempotency key latin-1',
    body: JSON.stringify(valid),
    headers: { 'idempotency-key': 'cl\u00e9' },
  });

  const wrong: string[] = [];
  const hooks: Hook[] = [];
  for (let i = 0; i * PER_HOOK < variants.length; i++) hooks.push(await webhookWorkflow(admin, product, i));
  for (const [i, variant] of variants.entries()) {
    const hook = hooks[Math.floor(i / PER_HOOK)]!;
    const req: RawRequest = {
      method: 'POST',
      path: hook.url,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hook.secret}`,
        ...variant.headers,
      },
      body: variant.body,
    };
    const result = await send(baseUrl, req);
    tally.record(HOOKS, variant.label, req, result);
    // Text the database cannot hold is refused at the door, as on every other route.
    if (
      /payload field (nul|lone surrogate)/.test(variant.label) &&
      (result.kind !== 'response' || result.status !== 400)
    )
      wrong.push(
        `${variant.label}: expected 400, got ${result.kind === 'response' ? result.status : result.kind}`,
      );
  }
  return wrong;
}

async function webhookWorkflow(admin: ApiClient, product: { output(): string }, n: number): Promise<Hook> {
  const definition = {
    schemaVersion: 1,
    key: `proof-hook-${n}`,
    name: `Proof hook ${n}`,
    triggers: [
      { id: 'from_partner', kind: 'webhook', entity: 'lead', match: { by: 'id', from: 'recordId' } },
    ],
    steps: [{ id: 'stop', type: 'end' }],
    transitions: [{ id: 't_start', from: 'from_partner', to: 'stop' }],
  };
  const workflow = await expectStatus(product, admin.post('/api/workflows', { definition }), 201);
  await expectStatus(
    product,
    admin.post(`/api/workflows/${workflow.id}/versions/1/publish`, { note: 'proof' }),
  );
  const { secret } = await expectStatus(product, admin.post(`/api/workflows/${workflow.id}/webhook-secret`));
  return { url: `/api/hooks/${workflow.id}/from_partner`, secret };
}
