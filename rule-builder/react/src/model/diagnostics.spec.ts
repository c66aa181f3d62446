import { describe, expect, it } from '@jest/globals';
import {
  CONTROL_STEP_ENTRIES,
  createStepCatalog,
  graphToDefinition,
  validateDefinition,
  validateGraph,
} from '@baton/rule-builder-core';
import { z } from 'zod';
import { edgeOf, graphOf, leadCreated, taskStep } from '../testing/graphs';
import { configFieldProblems, mapDiagnostics, worstSeverity } from './diagnostics';

// Shaped like the registry's create_task, which this package may not import.
const catalog = createStepCatalog([
  ...CONTROL_STEP_ENTRIES,
  {
    type: 'create_task',
    kind: 'activity',
    configSchema: z.strictObject({
      title: z.string().min(1),
      assignee: z.object({ kind: z.literal('record_owner') }),
      dueInBusinessDays: z.number().int(),
      priority: z.enum(['low', 'normal', 'high']),
    }),
  },
]);

const untitled = taskStep('call', 0, 160, {
  config: { assignee: { kind: 'record_owner' }, dueInBusinessDays: 1, priority: 'normal' },
});

describe(mapDiagnostics.name, () => {
  it("puts validateGraph's problems on the node and arrow they name", () => {
    const graph = graphOf(
      [leadCreated(), untitled, taskStep('stray', 300, 160)],
      [edgeOf('lead_created', 'call'), { id: 'odd', source: 'call', target: 'lead_created' }],
    );
    const problems = mapDiagnostics(validateGraph(graph, { catalog }), graph);

    expect(problems.byNode.get('call')?.map((p) => p.code)).toContain('INVALID_STEP_CONFIG');
    expect(problems.byNode.get('stray')?.map((p) => p.code)).toContain('UNREACHABLE_STEP');
    expect(problems.byEdge.get('odd')?.map((p) => p.code)).toContain('DANGLING_EDGE');
    expect(problems.byNode.has('lead_created')).toBe(false);
    expect(problems.errorCount).toBeGreaterThanOrEqual(3);
    expect(worstSeverity(problems.byNode.get('call'))).toBe('error');
  });

  it("maps validateDefinition's problems (definition paths) the same way", () => {
    const graph = graphOf([leadCreated(), untitled], [edgeOf('lead_created', 'call')]);
    const report = validateDefinition(graphToDefinition(graph), { catalog });
    const problems = mapDiagnostics(report, graph);
    expect(problems.byNode.get('call')?.map((p) => p.code)).toEqual(['INVALID_STEP_CONFIG']);
    expect(configFieldProblems(problems.byNode.get('call')).has('title')).toBe(true);
  });

  it('keeps workflow-wide problems, and those naming removed nodes, in the general list', () => {
    const graph = graphOf([taskStep('call')]);
    const report = {
      ok: false,
      errors: [
        ...validateGraph(graph, { catalog }).errors,
        { code: 'UNREACHABLE_STEP', message: 'gone', nodeId: 'deleted_step' },
      ],
      warnings: [{ code: 'STALE_LAYOUT', message: 'old layout', nodeId: 'ghost' }],
    };
    const problems = mapDiagnostics(report, graph);
    expect(problems.general.map((p) => p.code)).toEqual(['NO_TRIGGER', 'UNREACHABLE_STEP', 'STALE_LAYOUT']);
    expect(problems.general.map((p) => p.severity)).toEqual(['error', 'error', 'warning']);
    expect(problems.warningCount).toBe(1);
  });

  it('reports nothing for a valid graph', () => {
    const graph = graphOf([leadCreated(), taskStep('call')], [edgeOf('lead_created', 'call')]);
    const problems = mapDiagnostics(validateGraph(graph, { catalog }), graph);
    expect(problems.all).toEqual([]);
    expect(problems.byNode.size + problems.byEdge.size).toBe(0);
  });
});

describe(configFieldProblems.name, () => {
  it('reads the config field from graph and definition paths, escaped segments included', () => {
    const fields = configFieldProblems([
      {
        code: 'INVALID_STEP_CONFIG',
        message: 'Too small',
        severity: 'error',
        path: '/nodes/2/data/config/title',
      },
      { code: 'INVALID_STEP_CONFIG', message: 'Bad', severity: 'error', path: '/steps/0/config/a~1b/0' },
      { code: 'INVALID_STEP_CONFIG', message: 'Whole', severity: 'error', path: '/steps/0/config' },
      { code: 'UNREACHABLE_STEP', message: 'Unrelated', severity: 'error', path: '/steps/0' },
    ]);
    expect([...fields]).toEqual([
      ['title', ['Too small']],
      ['a/b', ['Bad']],
      ['', ['Whole']],
    ]);
  });
});
