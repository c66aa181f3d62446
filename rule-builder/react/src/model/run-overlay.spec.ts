import { describe, expect, it } from '@jest/globals';
import type { EditorStepNode } from '@baton/rule-builder-core';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';
import { pathOverlay, visitsFromPath, visitsFromTrail, type PathVisit } from './run-overlay';

const control = (id: string, stepType: string): EditorStepNode => ({
  id,
  kind: 'step',
  position: { x: 0, y: 0 },
  data: { stepType, config: {} },
});

// lead_created → route (branch) → hot | cold → done
const branching = graphOf(
  [leadCreated(), control('route', 'branch'), taskStep('hot'), taskStep('cold'), control('done', 'end')],
  [
    edgeOf('lead_created', 'route'),
    { ...edgeOf('route', 'hot'), condition: { '>': [{ var: 'lead.score' }, 50] } },
    edgeOf('route', 'cold'),
    edgeOf('hot', 'done'),
    edgeOf('cold', 'done'),
  ],
);

const statuses = (overlay: ReturnType<typeof pathOverlay>) =>
  Object.fromEntries([...overlay.nodes].map(([id, node]) => [id, node.status]));

describe(pathOverlay.name, () => {
  it('lights the trigger, the visited steps in order and only the arrows taken', () => {
    const overlay = pathOverlay(branching, visitsFromPath(['route', 'cold', 'done']));
    expect(statuses(overlay)).toEqual({
      lead_created: 'started',
      route: 'completed',
      cold: 'completed',
      done: 'completed',
    });
    expect([...overlay.edges].sort()).toEqual(['cold_to_done', 'lead_created_to_route', 'route_to_cold']);
    expect(overlay.nodes.get('cold')?.order).toEqual([2]);
    expect(overlay.nodes.has('hot')).toBe(false);
    expect(overlay.current).toEqual([]);
  });

  it('maps a live trail: the running step is current and nothing leads on from it yet', () => {
    const trail: PathVisit[] = [
      { stepId: 'route', status: 'completed' },
      { stepId: 'hot', status: 'running' },
    ];
    const overlay = pathOverlay(branching, trail);
    expect(statuses(overlay)).toMatchObject({ route: 'completed', hot: 'running' });
    expect(overlay.current).toEqual(['hot']);
    expect(overlay.edges.has('route_to_hot')).toBe(true);
    expect(overlay.edges.has('hot_to_done')).toBe(false);
  });

  it('keeps a failed step’s code and message and takes no arrow out of it', () => {
    const overlay = pathOverlay(branching, [
      { stepId: 'route', status: 'completed' },
      { stepId: 'cold', status: 'failed', error: { code: 'NO_ASSIGNEE_AVAILABLE', message: 'Nobody free' } },
      // Reached through `onError`, which is not an arrow.
      { stepId: 'done', status: 'completed' },
    ]);
    expect(overlay.nodes.get('cold')).toMatchObject({
      status: 'failed',
      error: { code: 'NO_ASSIGNEE_AVAILABLE', message: 'Nobody free' },
    });
    expect(overlay.edges.has('cold_to_done')).toBe(false);
  });

  it('numbers every visit of a step inside a loop and shows its latest status', () => {
    const loop = graphOf(
      [leadCreated(), taskStep('call'), control('wait', 'wait_for')],
      [edgeOf('lead_created', 'call'), edgeOf('call', 'wait'), edgeOf('wait', 'call')],
    );
    const overlay = pathOverlay(loop, [
      { stepId: 'call', status: 'completed' },
      { stepId: 'wait', status: 'completed' },
      { stepId: 'call', status: 'completed' },
      { stepId: 'wait', status: 'running' },
    ]);
    expect(overlay.nodes.get('call')?.order).toEqual([1, 3]);
    expect(overlay.nodes.get('wait')).toMatchObject({ order: [2, 4], status: 'running' });
    expect([...overlay.edges].sort()).toEqual(['call_to_wait', 'lead_created_to_call', 'wait_to_call']);
  });

  it('follows every path of a parallel step into their join, but not a path that was stopped', () => {
    const fan = graphOf(
      [
        leadCreated(),
        control('fan', 'parallel'),
        taskStep('a'),
        taskStep('b'),
        taskStep('c'),
        control('meet', 'join'),
      ],
      [
        edgeOf('lead_created', 'fan'),
        edgeOf('fan', 'a'),
        edgeOf('fan', 'b'),
        edgeOf('fan', 'c'),
        edgeOf('a', 'meet'),
        edgeOf('b', 'meet'),
        edgeOf('c', 'meet'),
      ],
    );
    const overlay = pathOverlay(fan, [
      { stepId: 'fan', status: 'completed' },
      { stepId: 'a', status: 'completed' },
      { stepId: 'b', status: 'completed' },
      {
        stepId: 'c',
        status: 'cancelled',
        error: { code: 'PATH_STOPPED', message: 'Another path finished first' },
      },
      { stepId: 'meet', status: 'completed' },
    ]);
    expect([...overlay.edges].sort()).toEqual([
      'a_to_meet',
      'b_to_meet',
      'fan_to_a',
      'fan_to_b',
      'fan_to_c',
      'lead_created_to_fan',
    ]);
    expect(overlay.nodes.get('c')?.status).toBe('cancelled');
  });

  it('starts from the named trigger when there are several', () => {
    const two = graphOf(
      [leadCreated('first'), leadCreated('second'), taskStep('call')],
      [edgeOf('first', 'call'), edgeOf('second', 'call')],
    );
    const overlay = pathOverlay(two, visitsFromPath(['call']), { triggerId: 'second' });
    expect([...overlay.edges]).toEqual(['second_to_call']);
    expect(statuses(overlay)).toEqual({ second: 'started', call: 'completed' });
  });

  it('draws nothing for no visits', () => {
    const overlay = pathOverlay(branching, []);
    expect(overlay.nodes.size).toBe(0);
    expect(overlay.edges.size).toBe(0);
  });
});

describe(visitsFromTrail.name, () => {
  it('keeps status and error, and turns a dry run’s intentions into note lines', () => {
    expect(
      visitsFromTrail([
        {
          stepId: 'assign',
          status: 'completed',
          error: null,
          intentions: [{ summary: 'Set owner to Riley Rep on lead Ada' }],
        },
        { stepId: 'task', status: 'failed', error: { code: 'NOT_FOUND', message: 'Gone' } },
      ]),
    ).toEqual([
      { stepId: 'assign', status: 'completed', notes: ['Set owner to Riley Rep on lead Ada'] },
      { stepId: 'task', status: 'failed', error: { code: 'NOT_FOUND', message: 'Gone' } },
    ]);
  });
});
