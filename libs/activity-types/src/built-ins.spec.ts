import { ActivityRegistry, FakeCrm, runActivityType } from '@baton/activity-sdk';
import { assignOwner } from './assign-owner.activity';
import { createTask } from './create-task.activity';
import { loadActivityTypes } from './index';

const lead = { type: 'lead', id: 'lead-1' };

function crmWithReps() {
  const crm = new FakeCrm();
  crm.addRecord({ ...lead, label: 'Ada Lovelace', fields: { name: 'Ada Lovelace', source: 'web' } });
  crm.addUser({ id: 'rep-b', email: 'b@x.test', role: 'sales_rep', openTasks: 1 });
  crm.addUser({ id: 'rep-a', email: 'a@x.test', role: 'sales_rep', openTasks: 3 });
  crm.addUser({ id: 'rep-off', email: '0@x.test', role: 'sales_rep', active: false });
  crm.addUser({ id: 'boss', email: 'boss@x.test', role: 'manager' });
  return crm;
}

describe('activity type discovery', () => {
  it('finds every *.activity module of the package, built-ins and examples alike', () => {
    const types = loadActivityTypes().map((t) => t.type);
    expect(types).toEqual(expect.arrayContaining(['assign_owner', 'create_task', 'score_lead']));
    expect(() => new ActivityRegistry(loadActivityTypes())).not.toThrow();
  });

  it('describes configs as JSON Schema with defaults for the editor', () => {
    const described = new ActivityRegistry(loadActivityTypes())
      .describe()
      .find((d) => d.type === 'create_task')!;
    expect(described.category).toBe('Tasks');
    expect(described.configSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['title']),
    });
    expect(
      (described.configSchema.properties as Record<string, { default?: unknown }>).dueInBusinessDays?.default,
    ).toBe(1);
  });
});

describe(assignOwner.type, () => {
  it('takes active reps in turn, ordered by email, skipping inactive ones', async () => {
    const crm = crmWithReps();
    const owners = [];
    for (let i = 0; i < 3; i++)
      owners.push((await runActivityType(assignOwner, { config: {}, record: lead, crm })).ownerId);
    expect(owners).toEqual(['rep-a', 'rep-b', 'rep-a']);
    expect((await crm.getRecord(lead)).ownerId).toBe('rep-a');
  });

  it('picks the least loaded rep', async () => {
    const crm = crmWithReps();
    const { ownerId } = await runActivityType(assignOwner, {
      config: { strategy: 'least_loaded' },
      record: lead,
      crm,
    });
    expect(ownerId).toBe('rep-b');
  });

  it('fails with NO_ASSIGNEE_AVAILABLE when nobody has the role', async () => {
    const crm = crmWithReps();
    await expect(
      runActivityType(assignOwner, { config: { role: 'approver' }, record: lead, crm }),
    ).rejects.toMatchObject({
      code: 'NO_ASSIGNEE_AVAILABLE',
    });
  });

  it('rejects an unknown strategy in its config', async () => {
    await expect(
      runActivityType(assignOwner, { config: { strategy: 'random' }, record: lead, crm: crmWithReps() }),
    ).rejects.toThrow();
  });
});

describe(createTask.type, () => {
  it("creates a task for the record's owner due in business days", async () => {
    const crm = crmWithReps();
    await crm.updateRecord(lead, { ownerId: 'rep-b' });
    const out = await runActivityType(createTask, {
      config: { title: 'Call', dueInBusinessDays: 1, priority: 'high' },
      record: lead,
      crm,
      now: new Date('2026-11-20T10:00:00Z'), // a Friday
    });
    expect(out.assigneeId).toBe('rep-b');
    expect(crm.tasks[0]).toMatchObject({
      title: 'Call',
      assigneeId: 'rep-b',
      priority: 'high',
      record: lead,
    });
    expect(crm.tasks[0]!.dueAt.toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it("counts business hours by the workflow's hours and time zone", async () => {
    const crm = crmWithReps();
    await crm.updateRecord(lead, { ownerId: 'rep-a' });
    await runActivityType(createTask, {
      config: { title: 'Call back', dueInBusinessHours: 4 },
      record: lead,
      crm,
      // Friday 15:00 in New York (20:00 UTC): two hours on Friday, two from Monday's 09:00.
      now: new Date('2026-11-20T20:00:00Z'),
      businessHours: { timeZone: 'America/New_York', start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
    });
    expect(crm.tasks[0]!.dueAt.toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('refuses to create an unassigned task', async () => {
    await expect(
      runActivityType(createTask, { config: { title: 'Call' }, record: lead, crm: crmWithReps() }),
    ).rejects.toMatchObject({
      code: 'NO_ASSIGNEE_AVAILABLE',
    });
  });
});
