import type { ApiClient } from '../../support/api';
import { DEEP_RULES, PROTOTYPE_RULES, hostileDefinitions } from './graphs';
import { send, type RawResult } from './send';
import type { Tally } from './tally';

const GRAPHS = 'workflow graphs';
const RULES = 'rules';

// Definitions no validator may accept: the point of each is that it is broken.
const MUST_BE_INVALID = [
  /cycle/,
  /self loop/,
  /10,000/,
  /unknown/,
  /step type/,
  /nowhere/,
  /duplicate/,
  /schemaVersion/,
  /steps is an object/,
  /definition (null|string|array)/,
  /1 MB name/,
  /20,000 deep|50,000 deep/,
];

/**
 * Sends each hostile definition to the validator, to create and to a new version of an existing
 * workflow, and each hostile rule to the evaluator. Beyond the tally's invariants: the validator's
 * verdict and the create endpoint agree, every reported problem has a code, and no rule leaves
 * anything on Object.prototype. Returns what broke beyond the tally.
 */
export async function checkGraphs(baseUrl: string, admin: ApiClient, tally: Tally): Promise<string[]> {
  const post = async (group: string, label: string, path: string, body: string): Promise<RawResult> => {
    const req = {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body,
    };
    const result = await send(baseUrl, req, 30_000);
    tally.record(group, label, req, result);
    return result;
  };
  const workflows = (await admin.get('/api/workflows')).body.items as { id: string; key: string }[];
  const existing = workflows.find((w) => w.key === 'lead-handoff')!.id;
  const disagreements: string[] = [];

  for (const [name, body] of Object.entries(hostileDefinitions())) {
    const verdict = await post(GRAPHS, `validate: ${name}`, '/api/workflows/validate', body);
    const created = await post(GRAPHS, `create: ${name}`, '/api/workflows', body);
    await post(GRAPHS, `new version: ${name}`, `/api/workflows/${existing}/versions`, body);
    if (verdict.kind !== 'response' || created.kind !== 'response') continue;
    const check = verdict.json as { ok?: boolean; errors?: { code?: unknown }[] } | null;
    if (verdict.status === 200) {
      if (check?.errors?.some((e) => typeof e.code !== 'string'))
        disagreements.push(`${name}: an error without a code`);
      if (check?.ok && MUST_BE_INVALID.some((re) => re.test(name))) disagreements.push(`${name}: accepted`);
      const createdOk = created.status === 201;
      if (check?.ok !== createdOk)
        disagreements.push(`${name}: validate says ok=${check?.ok}, create answered ${created.status}`);
    } else if (created.status < 400 || created.status >= 500) {
      disagreements.push(
        `${name}: validate refused it (${verdict.status}) but create answered ${created.status}`,
      );
    }
  }

  const data = JSON.stringify({ lead: { name: 'Ada', score: 10 } });
  for (const [name, rule] of Object.entries({ ...PROTOTYPE_RULES, ...DEEP_RULES })) {
    await post(RULES, `evaluate: ${name}`, '/api/rules/evaluate', `{"rule":${rule},"data":${data}}`);
  }
  // Nothing a rule or a definition read may have written to the server's Object.prototype.
  const probe = await post(
    RULES,
    'pollution probe',
    '/api/rules/evaluate',
    '{"rule":{"var":"lead.polluted"},"data":{"lead":{}}}',
  );
  if (probe.kind === 'response' && (probe.json as { result?: unknown })?.result !== null)
    disagreements.push(`Object.prototype.polluted is visible to rules: ${probe.text}`);

  return disagreements;
}
