import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ActivityRegistry } from '@baton/activity-sdk';
import type { Trigger, WorkflowDefinition } from '@baton/contracts';
import type { BatonConfig } from '../config';
import type { TemporalService } from '../engine/temporal.service';
import { enrolls, RunStarterService, triggerEventType, type RunRequest } from './run-starter.service';

const DAY = 86_400_000;
const definition = { triggers: [], steps: [], transitions: [] } as unknown as WorkflowDefinition;
const webhook: Trigger = { id: 'hook', kind: 'webhook', entity: 'lead', match: { by: 'id' } };

function starter(start = jest.fn().mockResolvedValue(undefined)) {
  const temporal = { client: { workflow: { start } } } as unknown as TemporalService;
  const config = { runsPerRecordPerHour: 3, historyLimit: 500 } as BatonConfig;
  return { service: new RunStarterService(temporal, new ActivityRegistry([]), config), start };
}

const request = (trigger: Trigger = webhook, payload?: unknown): RunRequest => ({
  workflow: { id: 'wf', name: 'Hooked' },
  version: { id: 'v1', version: 1, definition },
  trigger,
  recordId: 'rec',
  event: {
    id: 'ev',
    type: triggerEventType(trigger),
    occurredAt: new Date('2026-11-25T10:00:00Z'),
    actorId: null,
  },
  ...(payload === undefined ? {} : { payload }),
});

describe(enrolls.name, () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it.each([
    [undefined, null, true],
    [undefined, new Date(now.getTime() - 1000), true],
    [{ mode: 'always' as const }, new Date(now.getTime() - 1000), true],
    [{ mode: 'once' as const }, null, true],
    [{ mode: 'once' as const }, new Date(now.getTime() - 365 * DAY), false],
    [{ mode: 'after' as const, days: 2 }, new Date(now.getTime() - DAY), false],
    [{ mode: 'after' as const, days: 2 }, new Date(now.getTime() - 2 * DAY), true],
  ])('%j after a run at %p: %p', (reenroll, last, expected) => {
    expect(enrolls(reenroll, last, now)).toBe(expected);
  });
});

describe(RunStarterService.name, () => {
  it('plans a run whose id comes from workflow and event, carrying the payload as trigger data', () => {
    const planned = starter().service.plan(request(webhook, { score: 7 }))!;
    expect(planned.row).toMatchObject({
      id: 'run-wf-ev',
      status: 'running',
      recordType: 'lead',
      recordId: 'rec',
    });
    expect(planned.input).toMatchObject({
      triggerId: 'hook',
      event: { id: 'ev', type: 'lead.webhook', actorId: null },
      record: { type: 'lead', id: 'rec' },
      trigger: { payload: { score: 7 } },
      historyLimit: 500,
    });
    expect(planned.refused).toBeUndefined();
  });

  it('leaves trigger data out when the trigger brought none', () => {
    expect(starter().service.plan(request())!.input).not.toHaveProperty('trigger');
  });

  it('keeps a record out that its re-enrollment policy excludes, counting runs planned in the same pass', () => {
    const { service } = starter();
    const once: Trigger = { ...webhook, reenroll: { mode: 'once' } };
    expect(service.plan(request(once), { last: new Date(), lastHour: 1 })).toBeUndefined();
    expect(service.plan(request(once), { last: null, lastHour: 0 }, 1)).toBeUndefined();
    expect(service.plan(request(once), { last: null, lastHour: 0 })).toBeDefined();
  });

  it('refuses, and records as failed, a run past the per-record hourly limit', () => {
    const { service } = starter();
    const planned = service.plan(request(), { last: new Date(), lastHour: 2 }, 1)!;
    expect(planned.refused).toMatchObject({ code: 'RATE_LIMITED', stepId: 'hook' });
    expect(planned.refused!.message).toContain('3 runs on this record in the last hour (the limit is 3)');
    expect(planned.row).toMatchObject({ status: 'failed', error: planned.refused });
    expect(service.plan(request(), { last: new Date(), lastHour: 2 })!.refused).toBeUndefined();
  });

  it('starts a planned run once on Temporal, takes a duplicate start as done, and never starts a refused one', async () => {
    const { service, start } = starter(
      jest
        .fn()
        .mockResolvedValueOnce(undefined)
        .mockRejectedValueOnce(
          new WorkflowExecutionAlreadyStartedError('already', 'run-wf-ev', 'runDefinitionWorkflow'),
        ),
    );
    const planned = service.plan(request())!;
    await service.launch(planned);
    await service.launch(planned);
    await service.launch(service.plan(request(), { last: null, lastHour: 3 })!);
    expect(start).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenCalledWith(
      'runDefinitionWorkflow',
      expect.objectContaining({ workflowId: 'run-wf-ev', workflowIdReusePolicy: 'REJECT_DUPLICATE' }),
    );
  });

  it('lets other Temporal failures through, so the caller retries', async () => {
    const { service } = starter(jest.fn().mockRejectedValue(new Error('unavailable')));
    await expect(service.launch(service.plan(request())!)).rejects.toThrow('unavailable');
  });
});

describe(triggerEventType.name, () => {
  it('names record events by their event and the other kinds by kind', () => {
    expect(triggerEventType({ id: 't', kind: 'record', entity: 'quote', event: 'updated' })).toBe(
      'quote.updated',
    );
    expect(
      triggerEventType({ id: 't', kind: 'schedule', entity: 'case', cron: '* * * * *', condition: true }),
    ).toBe('case.schedule');
  });
});
