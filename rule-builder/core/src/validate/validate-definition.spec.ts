import type { Step, Transition, Trigger, WorkflowDefinition } from '@baton/contracts';
import { conditionSchemaFor } from '@baton/contracts';
import type { Diagnostic, DiagnosticCode } from '../diagnostics';
import { DIAGNOSTIC_CODES, ERROR_CODES, WARNING_CODES } from '../diagnostics';
import { exportDefinition } from '../export-definition';
import { parseDefinition } from '../parse-definition';
import type { StepCatalog } from '../step-catalog';
import { TEST_CATALOG } from '../testing/test-catalog';
import { validateDefinition } from './validate-definition';

const trigger = (id = 'created', extra: Partial<Trigger> = {}): Trigger => ({
  id,
  kind: 'record',
  entity: 'lead',
  event: 'created',
  ...extra,
});
const task = (id: string, extra: Partial<Step> = {}): Step => ({
  id,
  type: 'create_task',
  config: { title: 'Call', assignee: { kind: 'record_owner' }, dueInBusinessDays: 1, priority: 'normal' },
  ...extra,
});
const assign = (id = 'assign', extra: Partial<Step> = {}): Step => ({
  id,
  type: 'assign_owner',
  config: { strategy: 'round_robin', role: 'sales_rep' },
  ...extra,
});
const branch = (id: string): Step => ({ id, type: 'branch', config: {} });
const delay = (id: string): Step => ({ id, type: 'delay', config: { amount: 1, unit: 'days' } });
const edge = (id: string, from: string, to: string, condition?: unknown): Transition =>
  condition === undefined ? { id, from, to } : { id, from, to, condition };
const highScore = { '>=': [{ var: 'lead.score' }, 80] };

/** A valid definition (created → assign → task) with the given parts replaced. */
const definition = (parts: Partial<WorkflowDefinition> = {}): WorkflowDefinition => ({
  schemaVersion: 1,
  key: 'test',
  name: 'Test',
  triggers: [trigger()],
  steps: [assign(), task('task')],
  transitions: [edge('start', 'created', 'assign'), edge('next', 'assign', 'task')],
  ...parts,
});

/** created → assign → route (branch) with the given outgoing transitions and steps. */
const routed = (transitions: Transition[], steps: Step[] = [task('a'), task('b')]): WorkflowDefinition =>
  definition({
    steps: [assign(), branch('route'), ...steps],
    transitions: [edge('start', 'created', 'assign'), edge('to_route', 'assign', 'route'), ...transitions],
  });

const validate = (def: unknown, catalog: StepCatalog = TEST_CATALOG) => validateDefinition(def, { catalog });
const errorsOf = (def: unknown): readonly Diagnostic[] => validate(def).errors;
const codesOf = (def: unknown): DiagnosticCode[] => {
  const report = validate(def);
  return [...report.errors, ...report.warnings].map((d) => d.code);
};

describe(validateDefinition.name, () => {
  it('accepts a valid definition with no errors and no warnings', () => {
    expect(validate(definition())).toEqual({ ok: true, errors: [], warnings: [] });
  });

  describe('DEFINITION_SCHEMA', () => {
    it('reports a shape failure at its path, naming the node', () => {
      const errors = errorsOf(definition({ steps: [assign('1assign'), task('task')] }));

      expect(errors).toContainEqual(
        expect.objectContaining({ code: 'DEFINITION_SCHEMA', nodeId: '1assign', path: '/steps/0/id' }),
      );
    });

    it('still checks the graph and the steps of a definition that fails the schema', () => {
      const steps = [
        assign('assign', { title: 'x'.repeat(201) }),
        task('task', { type: 'send_fax' }),
        task('orphan'),
      ];

      expect(codesOf(definition({ steps }))).toEqual([
        'DEFINITION_SCHEMA',
        'UNKNOWN_STEP_TYPE',
        'UNREACHABLE_STEP',
      ]);
    });

    it.each([null, undefined, 'definition', 42, [], { triggers: 'none' }])(
      'reports %p without throwing',
      (input) => {
        const report = validate(input);

        expect(report.ok).toBe(false);
        expect(report.errors.map((d) => d.code)).toContain('DEFINITION_SCHEMA');
      },
    );
  });

  describe('DUPLICATE_ID', () => {
    it('reports the second step with an id already taken', () => {
      const errors = errorsOf(definition({ steps: [assign(), task('task'), task('task')] }));

      expect(errors).toContainEqual({
        code: 'DUPLICATE_ID',
        message: expect.any(String),
        nodeId: 'task',
        path: '/steps/2/id',
      });
    });

    it('treats trigger and step ids as one id space', () => {
      const errors = errorsOf(definition({ steps: [assign(), task('task'), task('created')] }));

      expect(errors).toContainEqual(
        expect.objectContaining({ code: 'DUPLICATE_ID', nodeId: 'created', path: '/steps/2/id' }),
      );
    });

    it('reports a repeated transition id', () => {
      const errors = errorsOf(
        definition({ transitions: [edge('start', 'created', 'assign'), edge('start', 'assign', 'task')] }),
      );

      expect(errors).toEqual([
        expect.objectContaining({ code: 'DUPLICATE_ID', edgeId: 'start', path: '/transitions/1/id' }),
      ]);
    });

    it('lets a transition share an id with a node', () => {
      expect(
        errorsOf(
          definition({ transitions: [edge('assign', 'created', 'assign'), edge('next', 'assign', 'task')] }),
        ),
      ).toEqual([]);
    });
  });

  describe('NO_TRIGGER', () => {
    it('reports a definition without triggers once, not also as a schema failure', () => {
      const errors = errorsOf(definition({ triggers: [], transitions: [] }));

      expect(errors.filter((d) => d.path === '/triggers')).toEqual([
        { code: 'NO_TRIGGER', message: expect.any(String), path: '/triggers' },
      ]);
    });
  });

  describe('DANGLING_EDGE', () => {
    it('reports a transition from an unknown node', () => {
      const errors = errorsOf(
        definition({ transitions: [...definition().transitions, edge('ghost', 'nowhere', 'task')] }),
      );

      expect(errors).toEqual([
        expect.objectContaining({ code: 'DANGLING_EDGE', edgeId: 'ghost', path: '/transitions/2/from' }),
      ]);
    });

    it('reports a transition to an unknown step', () => {
      const errors = errorsOf(
        definition({ transitions: [...definition().transitions, edge('ghost', 'task', 'nowhere')] }),
      );

      expect(errors).toEqual([
        expect.objectContaining({ code: 'DANGLING_EDGE', edgeId: 'ghost', path: '/transitions/2/to' }),
      ]);
    });

    it('reports a transition into a trigger', () => {
      const errors = errorsOf(
        definition({ transitions: [...definition().transitions, edge('back', 'task', 'created')] }),
      );

      expect(errors).toEqual([
        {
          code: 'DANGLING_EDGE',
          message: expect.stringContaining('into the trigger "created"'),
          edgeId: 'back',
          path: '/transitions/2/to',
        },
      ]);
    });
  });

  describe('UNREACHABLE_STEP', () => {
    it('reports a step no transition leads to', () => {
      const errors = errorsOf(definition({ steps: [assign(), task('task'), task('orphan')] }));

      expect(errors).toEqual([
        { code: 'UNREACHABLE_STEP', message: expect.any(String), nodeId: 'orphan', path: '/steps/2' },
      ]);
    });

    it('reports steps reached only from unreachable steps', () => {
      const def = definition({
        steps: [assign(), task('task'), task('island'), task('beyond')],
        transitions: [...definition().transitions, edge('bridge', 'island', 'beyond')],
      });

      expect(errorsOf(def).map((d) => d.nodeId)).toEqual(['island', 'beyond']);
    });

    it('counts a step reached through an error path as reachable', () => {
      const def = definition({
        steps: [assign('assign', { onError: 'fallback' }), task('task'), task('fallback')],
      });

      expect(errorsOf(def)).toEqual([]);
    });
  });

  describe('BRANCH_WITHOUT_DEFAULT', () => {
    it('reports a branch whose transitions are all conditional', () => {
      const errors = errorsOf(routed([edge('hot', 'route', 'a', highScore)], [task('a')]));

      expect(errors).toEqual([
        { code: 'BRANCH_WITHOUT_DEFAULT', message: expect.any(String), nodeId: 'route', path: '/steps/1' },
      ]);
    });

    it('reports any node whose transitions are all conditional, triggers included', () => {
      const def = definition({
        transitions: [edge('start', 'created', 'assign', highScore), edge('next', 'assign', 'task')],
      });

      expect(errorsOf(def)).toEqual([
        expect.objectContaining({ code: 'BRANCH_WITHOUT_DEFAULT', nodeId: 'created', path: '/triggers/0' }),
      ]);
    });

    it('accepts conditional transitions next to an unconditional one', () => {
      expect(errorsOf(routed([edge('hot', 'route', 'a', highScore), edge('other', 'route', 'b')]))).toEqual(
        [],
      );
    });
  });

  describe('MULTIPLE_DEFAULTS', () => {
    it('reports every unconditional transition after the first out of a step', () => {
      const def = definition({
        steps: [assign(), task('task'), task('also'), task('again')],
        transitions: [
          ...definition().transitions,
          edge('also', 'assign', 'also'),
          edge('again', 'assign', 'again'),
        ],
      });

      expect(errorsOf(def)).toEqual([
        {
          code: 'MULTIPLE_DEFAULTS',
          message: expect.any(String),
          nodeId: 'assign',
          edgeId: 'also',
          path: '/transitions/2',
        },
        {
          code: 'MULTIPLE_DEFAULTS',
          message: expect.any(String),
          nodeId: 'assign',
          edgeId: 'again',
          path: '/transitions/3',
        },
      ]);
    });

    it('lets a parallel step fan out over several unconditional transitions to a join', () => {
      const def = definition({
        steps: [
          { id: 'fan', type: 'parallel', config: { wait: 'all' } },
          task('a'),
          task('b'),
          { id: 'meet', type: 'join', config: {} },
          task('after'),
        ],
        transitions: [
          edge('start', 'created', 'fan'),
          edge('one', 'fan', 'a'),
          edge('two', 'fan', 'b', highScore),
          edge('a_meet', 'a', 'meet'),
          edge('b_meet', 'b', 'meet'),
          edge('go', 'meet', 'after'),
        ],
      });

      expect(codesOf(def)).toEqual([]);
    });

    it('reports two defaults out of a branch, which follows one transition', () => {
      const def = routed([
        edge('hot', 'route', 'a', highScore),
        edge('one', 'route', 'a'),
        edge('two', 'route', 'b'),
      ]);

      expect(errorsOf(def)).toEqual([expect.objectContaining({ code: 'MULTIPLE_DEFAULTS', edgeId: 'two' })]);
    });
  });

  describe('INVALID_TRIGGER', () => {
    it('reports a watched field on a created trigger and from/to without a field', () => {
      const onCreate = definition({ triggers: [trigger('created', { field: 'status' })] });
      expect(errorsOf(onCreate)).toEqual([
        expect.objectContaining({ code: 'INVALID_TRIGGER', nodeId: 'created' }),
      ]);
      const noField = definition({ triggers: [trigger('created', { event: 'updated', to: 'qualified' })] });
      expect(errorsOf(noField)).toEqual([
        expect.objectContaining({ code: 'INVALID_TRIGGER', nodeId: 'created' }),
      ]);
    });

    it('accepts a field-change trigger on a field the entity has, and rejects an unknown one', () => {
      expect(
        errorsOf(
          definition({
            triggers: [trigger('created', { event: 'updated', field: 'status', to: 'qualified' })],
          }),
        ),
      ).toEqual([]);
      expect(
        errorsOf(definition({ triggers: [trigger('created', { event: 'updated', field: 'stauts' })] })),
      ).toEqual([
        expect.objectContaining({ code: 'UNKNOWN_FIELD', nodeId: 'created', path: '/triggers/0/field' }),
      ]);
    });
  });

  describe('END_HAS_TRANSITIONS', () => {
    it('reports an end step that leads somewhere', () => {
      const def = definition({
        steps: [assign(), { id: 'stop', type: 'end', config: {} }, task('task')],
        transitions: [
          edge('start', 'created', 'assign'),
          edge('to_end', 'assign', 'stop'),
          edge('after', 'stop', 'task'),
        ],
      });
      expect(errorsOf(def)).toEqual([
        expect.objectContaining({ code: 'END_HAS_TRANSITIONS', nodeId: 'stop' }),
      ]);
    });
  });

  describe('RUNAWAY_CYCLE', () => {
    it('reports a loop through steps that never wait, once, on its first step', () => {
      const def = definition({ transitions: [...definition().transitions, edge('back', 'task', 'assign')] });

      expect(errorsOf(def)).toEqual([
        {
          code: 'RUNAWAY_CYCLE',
          message: expect.stringContaining('"assign", "task" loop'),
          nodeId: 'assign',
          path: '/steps/0',
        },
      ]);
    });

    it('reports a step that leads back to itself', () => {
      const def = routed(
        [edge('again', 'route', 'route', highScore), edge('done', 'route', 'a')],
        [task('a')],
      );

      expect(errorsOf(def)).toEqual([expect.objectContaining({ code: 'RUNAWAY_CYCLE', nodeId: 'route' })]);
    });

    it('reports a step whose error path leads back to itself', () => {
      const def = definition({ steps: [assign('assign', { onError: 'assign' }), task('task')] });

      expect(errorsOf(def)).toEqual([expect.objectContaining({ code: 'RUNAWAY_CYCLE', nodeId: 'assign' })]);
    });

    it('accepts a loop that passes through a delay', () => {
      const def = definition({
        steps: [assign(), task('task'), delay('wait'), branch('check'), task('done')],
        transitions: [
          ...definition().transitions,
          edge('then_wait', 'task', 'wait'),
          edge('then_check', 'wait', 'check'),
          edge('again', 'check', 'task', { '==': [{ var: 'lead.status' }, 'new'] }),
          edge('finish', 'check', 'done'),
        ],
      });

      expect(validate(def)).toEqual({ ok: true, errors: [], warnings: [] });
    });

    it('takes waiting from the catalog, so a waiting activity breaks a loop too', () => {
      const def = definition({
        steps: [assign(), { id: 'reply', type: 'await_reply', config: {} }],
        transitions: [
          edge('start', 'created', 'assign'),
          edge('ask', 'assign', 'reply'),
          edge('again', 'reply', 'assign'),
        ],
      });
      const catalog: StepCatalog = {
        describe: (type) =>
          type === 'await_reply'
            ? { kind: 'activity', waits: true, validateConfig: () => [] }
            : TEST_CATALOG.describe(type),
      };

      expect(validate(def, catalog).errors).toEqual([]);
    });
  });

  describe('UNKNOWN_STEP_TYPE', () => {
    it('reports a step type the catalog does not know', () => {
      const errors = errorsOf(definition({ steps: [assign(), task('task', { type: 'send_fax' })] }));

      expect(errors).toEqual([
        {
          code: 'UNKNOWN_STEP_TYPE',
          message: 'Unknown step type "send_fax"',
          nodeId: 'task',
          path: '/steps/1/type',
        },
      ]);
    });

    it('treats a catalog that throws as not knowing the type', () => {
      const throwing: StepCatalog = {
        describe: () => {
          throw new Error('registry offline');
        },
      };

      expect(validate(definition(), throwing).errors.map((d) => d.code)).toEqual([
        'UNKNOWN_STEP_TYPE',
        'UNKNOWN_STEP_TYPE',
      ]);
    });
  });

  describe('INVALID_STEP_CONFIG', () => {
    it('reports each config problem at its path inside the config', () => {
      const errors = errorsOf(
        definition({
          steps: [assign('assign', { config: { strategy: 'random', role: 'ceo' } }), task('task')],
        }),
      );

      expect(errors).toEqual([
        expect.objectContaining({
          code: 'INVALID_STEP_CONFIG',
          nodeId: 'assign',
          path: '/steps/0/config/strategy',
        }),
        expect.objectContaining({
          code: 'INVALID_STEP_CONFIG',
          nodeId: 'assign',
          path: '/steps/0/config/role',
        }),
      ]);
    });

    it('checks control step configs with the contracts schemas', () => {
      const def = definition({
        steps: [assign(), task('task'), { ...delay('wait'), config: { amount: 0, unit: 'days' } }],
        transitions: [...definition().transitions, edge('then_wait', 'task', 'wait')],
      });

      expect(errorsOf(def)).toEqual([
        expect.objectContaining({
          code: 'INVALID_STEP_CONFIG',
          nodeId: 'wait',
          path: '/steps/2/config/amount',
        }),
      ]);
    });

    it('reports a config check that throws instead of throwing', () => {
      const catalog: StepCatalog = {
        describe: () => ({
          kind: 'activity',
          waits: false,
          validateConfig: () => {
            throw new Error('boom');
          },
        }),
      };

      expect(validate(definition(), catalog).errors).toContainEqual(
        expect.objectContaining({
          code: 'INVALID_STEP_CONFIG',
          message: 'config: could not be checked: boom',
          path: '/steps/0/config',
        }),
      );
    });
  });

  describe('UNKNOWN_ERROR_PATH', () => {
    it('reports an onError that names no step', () => {
      const errors = errorsOf(definition({ steps: [assign('assign', { onError: 'gone' }), task('task')] }));

      expect(errors).toEqual([
        {
          code: 'UNKNOWN_ERROR_PATH',
          message: expect.any(String),
          nodeId: 'assign',
          path: '/steps/0/onError',
        },
      ]);
    });

    it('reports an onError that names a trigger', () => {
      const errors = errorsOf(
        definition({ steps: [assign('assign', { onError: 'created' }), task('task')] }),
      );

      expect(errors).toEqual([
        expect.objectContaining({
          code: 'UNKNOWN_ERROR_PATH',
          message: expect.stringContaining('a trigger'),
        }),
      ]);
    });
  });

  describe('condition codes', () => {
    const withCondition = (condition: unknown): WorkflowDefinition =>
      routed([edge('hot', 'route', 'a', condition), edge('other', 'route', 'b')]);

    it.each<[DiagnosticCode, unknown, string]>([
      ['UNKNOWN_OPERATOR', { frobnicate: [1] }, ''],
      ['FORBIDDEN_PATH', { '==': [{ var: 'lead.__proto__' }, 1] }, '/==/0/var'],
      ['UNKNOWN_FIELD', { '>=': [{ var: 'lead.scor' }, 80] }, '/>=/0/var'],
      ['TYPE_MISMATCH', { '==': [{ var: 'lead.score' }, true] }, ''],
      ['INVALID_CONDITION', { '>=': [1] }, ''],
      ['INVALID_CONDITION', { '>=': [1, 2], '<': [1, 2] }, ''],
    ])('reports %s for %j on the transition, at its path in the condition', (code, condition, inner) => {
      expect(errorsOf(withCondition(condition))).toEqual([
        { code, message: expect.any(String), edgeId: 'hot', path: `/transitions/2/condition${inner}` },
      ]);
    });

    it('checks trigger conditions against the trigger entity and names the trigger', () => {
      const errors = errorsOf(
        definition({
          triggers: [trigger('created', { condition: { '==': [{ var: 'lead.stage' }, 'new'] } })],
        }),
      );

      expect(errors).toEqual([
        {
          code: 'UNKNOWN_FIELD',
          message: expect.stringContaining('lead.stage'),
          nodeId: 'created',
          path: '/triggers/0/condition/==/0/var',
        },
      ]);
    });

    it('accepts conditions on step outputs, which are open', () => {
      expect(errorsOf(withCondition({ '==': [{ var: 'steps.assign.ownerId' }, 'u1'] }))).toEqual([]);
    });

    it('checks a transition condition for every entity whose triggers reach it, naming the ones it fails for', () => {
      const def = routed([edge('hot', 'route', 'a', highScore), edge('other', 'route', 'b')]);
      def.triggers.push(trigger('account_created', { entity: 'account' }));
      def.transitions.push(edge('account_start', 'account_created', 'assign'));

      expect(errorsOf(def)).toEqual([
        expect.objectContaining({
          code: 'UNKNOWN_FIELD',
          edgeId: 'hot',
          message: expect.stringContaining('started by a account trigger'),
        }),
      ]);
    });

    it('reports an issue found for every reaching entity once and without naming them', () => {
      const def = withCondition({ frobnicate: [1] });
      def.triggers.push(
        trigger('updated', { event: 'updated' }),
        trigger('account_created', { entity: 'account' }),
      );
      def.transitions.push(edge('s2', 'updated', 'assign'), edge('s3', 'account_created', 'assign'));

      expect(errorsOf(def)).toEqual([
        {
          code: 'UNKNOWN_OPERATOR',
          message: 'Unknown operator "frobnicate"',
          edgeId: 'hot',
          path: '/transitions/2/condition',
        },
      ]);
    });

    it('uses the entitySchema option, where undefined skips field checks', () => {
      const def = withCondition({ '>=': [{ var: 'lead.rating' }, 80] });
      const rating = {
        fields: { lead: { type: 'object' as const, fields: { rating: { type: 'number' as const } } } },
      };

      expect(validateDefinition(def, { catalog: TEST_CATALOG, entitySchema: () => rating }).ok).toBe(true);
      expect(validateDefinition(def, { catalog: TEST_CATALOG, entitySchema: () => undefined }).ok).toBe(true);
      expect(
        validateDefinition(def, { catalog: TEST_CATALOG, entitySchema: conditionSchemaFor }).errors.map(
          (d) => d.code,
        ),
      ).toEqual(['UNKNOWN_FIELD']);
    });

    it('checks conditions out of unreachable steps without a field schema', () => {
      const def = definition({
        steps: [assign(), task('task'), task('island'), task('beyond')],
        transitions: [
          ...definition().transitions,
          edge('bridge', 'island', 'beyond', { '==': [{ var: 'lead.nope' }, { frob: [] }] }),
          edge('d', 'island', 'beyond'),
        ],
      });

      expect(errorsOf(def).map((d) => d.code)).toEqual([
        'UNREACHABLE_STEP',
        'UNREACHABLE_STEP',
        'UNKNOWN_OPERATOR',
      ]);
    });
  });

  describe('warnings', () => {
    it.each([false, null, 0, '', []])(
      'warns DEAD_BRANCH for the literal falsy condition %j, and stays ok',
      (condition) => {
        const report = validate(
          routed([edge('never', 'route', 'a', condition), edge('other', 'route', 'b')]),
        );

        expect(report.ok).toBe(true);
        expect(report.warnings).toEqual([
          {
            code: 'DEAD_BRANCH',
            message: expect.any(String),
            edgeId: 'never',
            path: '/transitions/2/condition',
          },
        ]);
      },
    );

    it('does not evaluate operations to find dead branches', () => {
      expect(
        validate(routed([edge('odd', 'route', 'a', { '==': [1, 2] }), edge('other', 'route', 'b')])).warnings,
      ).toEqual([]);
    });

    it('warns DEAD_TRIGGER for a trigger whose condition is a literal falsy value', () => {
      const report = validate(definition({ triggers: [trigger('created', { condition: false })] }));

      expect(report).toEqual({
        ok: true,
        errors: [],
        warnings: [
          {
            code: 'DEAD_TRIGGER',
            message: expect.any(String),
            nodeId: 'created',
            path: '/triggers/0/condition',
          },
        ],
      });
    });

    it('warns SHADOWED_TRANSITION for transitions after a condition that is literally true', () => {
      const report = validate(
        routed([
          edge('default', 'route', 'b'),
          edge('always', 'route', 'a', true),
          edge('later', 'route', 'b', highScore),
        ]),
      );

      expect(report.ok).toBe(true);
      expect(report.warnings.map((d) => [d.code, d.edgeId])).toEqual([
        ['SHADOWED_TRANSITION', 'default'],
        ['SHADOWED_TRANSITION', 'later'],
      ]);
    });

    it('warns STALE_LAYOUT for a layout entry that names no node', () => {
      const report = validate(
        definition({ layout: { created: { x: 0, y: 0 }, 'gone/away': { x: 1, y: 1 } } }),
      );

      expect(report.warnings).toEqual([
        { code: 'STALE_LAYOUT', message: expect.any(String), path: '/layout/gone~1away' },
      ]);
    });
  });

  describe('codes', () => {
    // One definition per code; a new code without an example here fails this suite.
    const examples: Record<Exclude<DiagnosticCode, 'INVALID_JSON'>, unknown> = {
      DEFINITION_SCHEMA: definition({ key: '' }),
      DUPLICATE_ID: definition({ steps: [assign(), task('task'), task('task')] }),
      NO_TRIGGER: definition({ triggers: [] }),
      DANGLING_EDGE: definition({ transitions: [edge('start', 'created', 'nowhere')] }),
      UNREACHABLE_STEP: definition({ transitions: [] }),
      BRANCH_WITHOUT_DEFAULT: routed([
        edge('hot', 'route', 'a', highScore),
        edge('warm', 'route', 'b', true),
      ]),
      MULTIPLE_DEFAULTS: routed([edge('one', 'route', 'a'), edge('two', 'route', 'b')]),
      INVALID_TRIGGER: definition({ triggers: [trigger('created', { field: 'status' })] }),
      END_HAS_TRANSITIONS: definition({
        steps: [assign(), { id: 'stop', type: 'end', config: {} }, task('task')],
        transitions: [
          edge('start', 'created', 'assign'),
          edge('to_end', 'assign', 'stop'),
          edge('after', 'stop', 'task'),
        ],
      }),
      RUNAWAY_CYCLE: definition({ transitions: [...definition().transitions, edge('back', 'task', 'task')] }),
      UNKNOWN_STEP_TYPE: definition({ steps: [assign(), task('task', { type: 'fax' })] }),
      INVALID_STEP_CONFIG: definition({ steps: [assign(), task('task', { config: {} })] }),
      UNKNOWN_ERROR_PATH: definition({ steps: [assign('assign', { onError: 'nope' }), task('task')] }),
      UNKNOWN_OPERATOR: definition({ triggers: [trigger('created', { condition: { nope: [] } })] }),
      FORBIDDEN_PATH: definition({ triggers: [trigger('created', { condition: { var: 'constructor' } })] }),
      UNKNOWN_FIELD: definition({ triggers: [trigger('created', { condition: { var: 'lead.nope' } })] }),
      TYPE_MISMATCH: definition({
        triggers: [trigger('created', { condition: { '<': [{ var: 'lead.createdAt' }, true] } })],
      }),
      INVALID_CONDITION: definition({ triggers: [trigger('created', { condition: { if: [] } })] }),
      DEAD_BRANCH: routed([edge('never', 'route', 'a', false), edge('other', 'route', 'b')]),
      DEAD_TRIGGER: definition({ triggers: [trigger('created', { condition: 0 })] }),
      SHADOWED_TRANSITION: routed([edge('always', 'route', 'a', [1]), edge('other', 'route', 'b')]),
      STALE_LAYOUT: definition({ layout: { ghost: { x: 0, y: 0 } } }),
    };

    it.each(Object.entries(examples))('produces %s', (code, example) => {
      expect(codesOf(example)).toContain(code);
    });

    it('has an example for every code but INVALID_JSON, which only parseDefinition reports', () => {
      expect(Object.keys(examples).sort()).toEqual(
        DIAGNOSTIC_CODES.filter((c) => c !== 'INVALID_JSON').sort(),
      );
      expect(parseDefinition('{').ok).toBe(false);
    });

    it('keeps ok false exactly when there are errors, and warnings apart from errors', () => {
      for (const example of Object.values(examples)) {
        const report = validate(example);

        expect(report.ok).toBe(report.errors.length === 0);
        expect(report.errors.every((d) => (ERROR_CODES as readonly string[]).includes(d.code))).toBe(true);
        expect(report.warnings.every((d) => (WARNING_CODES as readonly string[]).includes(d.code))).toBe(
          true,
        );
      }
    });
  });

  it('validates the canonical export of a definition the same as the definition', () => {
    const def = routed([edge('hot', 'route', 'a', { frob: [] }), edge('other', 'route', 'b')]);
    const parsed = parseDefinition(exportDefinition(def));

    expect(parsed.ok && validate(parsed.definition).errors.map((d) => d.edgeId)).toEqual(['hot']);
  });
});
