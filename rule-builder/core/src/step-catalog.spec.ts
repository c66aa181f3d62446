import { z } from 'zod';
import { CONTROL_STEP_ENTRIES, createStepCatalog } from './step-catalog';

const catalog = createStepCatalog([
  ...CONTROL_STEP_ENTRIES,
  {
    type: 'notify',
    kind: 'activity',
    configSchema: z.strictObject({
      channel: z.enum(['email', 'sms']),
      to: z.strictObject({ userId: z.string() }),
    }),
  },
  { type: 'await_reply', kind: 'activity', waits: true, configSchema: z.strictObject({}) },
]);

describe(createStepCatalog.name, () => {
  it('describes the types it was given', () => {
    expect(catalog.describe('notify')).toMatchObject({ kind: 'activity', waits: false });
    expect(catalog.describe('await_reply')).toMatchObject({ kind: 'activity', waits: true });
  });

  it('does not know other types, including names inherited from Object.prototype', () => {
    expect(catalog.describe('send_fax')).toBeUndefined();
    expect(catalog.describe('constructor')).toBeUndefined();
  });

  it('accepts a config its schema parses', () => {
    expect(catalog.describe('notify')!.validateConfig({ channel: 'sms', to: { userId: 'u1' } })).toEqual([]);
  });

  it('reports config problems with JSON Pointer paths into the config', () => {
    const issues = catalog.describe('notify')!.validateConfig({ channel: 'fax', to: {} });

    expect(issues.map((i) => i.path)).toEqual(['/channel', '/to/userId']);
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
  });

  it('reports a config that is not an object at the config itself', () => {
    expect(catalog.describe('notify')!.validateConfig('sms')).toEqual([
      { path: '', message: expect.any(String) },
    ]);
  });

  it('refuses two entries of the same type', () => {
    expect(() => createStepCatalog([...CONTROL_STEP_ENTRIES, ...CONTROL_STEP_ENTRIES])).toThrow(
      '"branch" is in the catalog twice',
    );
  });
});

describe('CONTROL_STEP_ENTRIES', () => {
  const control = createStepCatalog(CONTROL_STEP_ENTRIES);

  it('describes branch as a control step that does not wait', () => {
    expect(control.describe('branch')).toMatchObject({ kind: 'control', waits: false });
    expect(control.describe('branch')!.validateConfig({})).toEqual([]);
  });

  it('describes end as a control step that does not wait', () => {
    expect(control.describe('end')).toMatchObject({ kind: 'control', waits: false });
    expect(control.describe('end')!.validateConfig({})).toEqual([]);
  });

  it('describes delay as a control step that waits, with the contracts config schema', () => {
    expect(control.describe('delay')).toMatchObject({ kind: 'control', waits: true });
    expect(control.describe('delay')!.validateConfig({ amount: 2, unit: 'days' })).toEqual([]);
    expect(
      control
        .describe('delay')!
        .validateConfig({ amount: 0, unit: 'weeks' })
        .map((i) => i.path),
    ).toEqual(['/amount', '/unit']);
  });
});
