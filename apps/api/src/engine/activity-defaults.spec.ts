import { ActivityRegistry, defineActivityType } from '@baton/activity-sdk';
import { SLOW_TASK_QUEUE, type WorkflowDefinition } from '@baton/contracts';
import { z } from 'zod';
import { withActivityDefaults } from './activity-defaults';

const kind = (type: string, timeoutSeconds?: number) =>
  defineActivityType({
    type,
    title: type,
    category: 'test',
    configSchema: z.object({}),
    outputSchema: z.object({}),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    run: async () => ({}),
  });

function definition(steps: WorkflowDefinition['steps']): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'routing',
    name: 'Routing',
    triggers: [
      { id: 't', kind: 'record', entity: 'lead', event: 'created' },
    ] as WorkflowDefinition['triggers'],
    steps,
    transitions: [],
  };
}

describe(withActivityDefaults.name, () => {
  const registry = new ActivityRegistry([kind('fast'), kind('webhook', 75), kind('quick', 10)]);
  const queues = (steps: WorkflowDefinition['steps']) =>
    withActivityDefaults(definition(steps), registry).steps.map(
      (s) => (s as { taskQueue?: string }).taskQueue,
    );

  it('routes steps whose type declares a timeout over 30 s to the slow queue, and only those', () => {
    expect(
      queues([
        { id: 'a', type: 'fast', config: {} },
        { id: 'b', type: 'webhook', config: {} },
        { id: 'c', type: 'quick', config: {} },
        { id: 'd', type: 'end', config: {} },
      ]),
    ).toEqual([undefined, SLOW_TASK_QUEUE, undefined, undefined]);
  });

  it("follows a step's own timeout over its type's", () => {
    expect(
      queues([
        { id: 'a', type: 'webhook', config: {}, timeoutSeconds: 20 },
        { id: 'b', type: 'fast', config: {}, timeoutSeconds: 120 },
      ]),
    ).toEqual([undefined, SLOW_TASK_QUEUE]);
  });
});
