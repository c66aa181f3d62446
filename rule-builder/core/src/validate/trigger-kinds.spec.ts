import type { Diagnostic } from '../diagnostics';
import { TEST_CATALOG } from '../testing/test-catalog';
import { validateDefinition } from './validate-definition';

const openAndOld = {
  and: [
    { '==': [{ var: 'case.status' }, 'open'] },
    { '<': [{ var: 'case.createdAt' }, { date_add: [{ now: [] }, -3, 'days'] }] },
  ],
};

/** A workflow whose only trigger is `trigger`, followed by an end step. */
const withTrigger = (trigger: Record<string, unknown>): unknown => ({
  schemaVersion: 1,
  key: 'kinds',
  name: 'Trigger kinds',
  triggers: [{ id: 'start', ...trigger }],
  steps: [{ id: 'done', type: 'end', config: {} }],
  transitions: [{ id: 'go', from: 'start', to: 'done' }],
});

const check = (trigger: Record<string, unknown>) =>
  validateDefinition(withTrigger(trigger), { catalog: TEST_CATALOG });
const brief = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.path, d.message]);

const schedule = { kind: 'schedule', entity: 'case', cron: '0 8 * * MON-FRI', condition: openAndOld };
const webhook = { kind: 'webhook', entity: 'lead', match: { by: 'field', field: 'email', from: 'email' } };

describe('schedule and webhook triggers', () => {
  it.each([
    ['a cron schedule', schedule],
    ['an interval schedule', { ...schedule, cron: undefined, every: { amount: 15, unit: 'minutes' } }],
    [
      'a schedule with a limit and re-enrollment',
      { ...schedule, timezone: 'America/New_York', limit: 20, reenroll: { mode: 'once' } },
    ],
    ['a webhook matching by field', webhook],
    ['a webhook matching by id', { kind: 'webhook', entity: 'lead', match: { by: 'id' } }],
    [
      'a webhook whose condition reads the payload',
      { ...webhook, condition: { '>=': [{ var: 'trigger.payload.score' }, 50] } },
    ],
  ])('accepts %s', (_name, trigger) => {
    const report = check(JSON.parse(JSON.stringify(trigger)) as Record<string, unknown>);
    expect(brief(report.errors)).toEqual([]);
  });

  it('rejects a malformed cron with the reason, on the trigger', () => {
    const { errors } = check({ ...schedule, cron: '0 25 * * *' });
    expect(brief(errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/cron', expect.stringContaining('hour: "25" is not a valid hour')],
    ]);
    expect(errors[0]!.nodeId).toBe('start');
  });

  it('rejects a schedule with both cron and every, or neither', () => {
    const both = check({ ...schedule, every: { amount: 1, unit: 'hours' } });
    const neither = check({ ...schedule, cron: undefined });
    for (const { errors } of [both, neither])
      expect(brief(errors)).toEqual([
        ['DEFINITION_SCHEMA', '/triggers/0/cron', expect.stringContaining('either "cron" or "every"')],
      ]);
  });

  it('rejects a schedule without a condition: nothing would bound the records it enrols', () => {
    const { errors } = check({ ...schedule, condition: undefined });
    expect(brief(errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/condition', expect.stringContaining('needs a condition')],
    ]);
  });

  it('rejects a time zone that is not an IANA name', () => {
    const { errors } = check({ ...schedule, timezone: 'Mars/Olympus' });
    expect(brief(errors)).toEqual([
      ['DEFINITION_SCHEMA', '/triggers/0/timezone', expect.stringContaining('IANA time zone')],
    ]);
  });

  it('rejects seconds as a schedule unit', () => {
    const { errors } = check({ ...schedule, cron: undefined, every: { amount: 5, unit: 'seconds' } });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['DEFINITION_SCHEMA', '/triggers/0/every/unit']]);
  });

  it("checks a schedule's condition against its entity's fields", () => {
    const { errors } = check({ ...schedule, condition: { '==': [{ var: 'case.stauts' }, 'open'] } });
    expect(errors.map((e) => [e.code, e.nodeId, e.path])).toEqual([
      ['UNKNOWN_FIELD', 'start', '/triggers/0/condition/==/0/var'],
    ]);
  });

  it('rejects a webhook matching by a field its entity does not have', () => {
    const { errors } = check({ ...webhook, match: { by: 'field', field: 'emial', from: 'email' } });
    expect(brief(errors)).toEqual([
      ['UNKNOWN_FIELD', '/triggers/0/match/field', 'lead has no field "emial" to find the record by'],
    ]);
  });

  it('rejects a webhook payload path that is not a dotted path', () => {
    const { errors } = check({ ...webhook, match: { by: 'field', field: 'email', from: 'a..b' } });
    expect(errors.map((e) => [e.code, e.path])).toEqual([['DEFINITION_SCHEMA', '/triggers/0/match/from']]);
  });

  it('rejects record-trigger fields on the other kinds', () => {
    const { errors } = check({ ...webhook, event: 'created' });
    expect(errors.map((e) => e.code)).toEqual(['DEFINITION_SCHEMA']);
  });
});
