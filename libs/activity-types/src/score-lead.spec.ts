import { FakeCrm, runActivityType } from '@baton/activity-sdk';
import { scoreLead } from './score-lead.activity';

const lead = { type: 'lead', id: 'lead-1' };
const rules = [
  { when: { '==': [{ var: 'lead.source' }, 'referral'] }, points: 40 },
  { when: { '!!': [{ var: 'lead.company' }] }, points: 20 },
  { when: { endsWith: [{ var: 'lead.email' }, '.gov'] }, points: -30 },
];

function crmWith(fields: Record<string, unknown>) {
  const crm = new FakeCrm();
  crm.addRecord({ ...lead, fields });
  return crm;
}

describe(scoreLead.type, () => {
  it.each([
    [{ source: 'referral', company: 'Acme', email: 'a@acme.example' }, 70, [0, 1]],
    [{ source: 'web', company: null, email: null }, 10, []],
    [{ source: 'web', company: null, email: 'x@agency.gov' }, 0, [2]],
  ])('scores %j as %i', async (fields, score, matched) => {
    const crm = crmWith(fields);
    const out = await runActivityType(scoreLead, { config: { base: 10, rules }, record: lead, crm });
    expect(out).toEqual({ score, matched });
    expect((await crm.getRecord(lead)).fields.score).toBe(score);
  });

  it('caps the score at 100', async () => {
    const out = await runActivityType(scoreLead, {
      config: { base: 90, rules: [{ when: true, points: 50 }] },
      record: lead,
      crm: crmWith({}),
    });
    expect(out.score).toBe(100);
  });

  it('rejects a rule reading a field leads do not have, when the config is checked', () => {
    const result = scoreLead.configSchema.safeParse({
      rules: [{ when: { '==': [{ var: 'lead.emial' }, 'x'] }, points: 1 }],
    });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('RULE_UNKNOWN_FIELD');
  });
});
