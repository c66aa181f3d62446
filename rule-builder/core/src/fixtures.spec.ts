import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitionToGraph } from './definition-to-graph';
import { exportDefinition } from './export-definition';
import type { EditorGraph } from './graph';
import { graphToDefinition } from './graph-to-definition';
import { parseDefinition } from './parse-definition';
import { TEST_CATALOG } from './testing/test-catalog';
import { validateDefinition } from './validate/validate-definition';
import { validateGraph } from './validate/validate-graph';

const FIXTURES = join(__dirname, '..', 'fixtures');
const CASES = ['lead-handoff', 'score-routing', 'follow-up-loop'] as const;

const graphOf = (name: string): EditorGraph =>
  JSON.parse(readFileSync(join(FIXTURES, `${name}.graph.json`), 'utf8')) as EditorGraph;
const compiledOf = (name: string): string => readFileSync(join(FIXTURES, `${name}.compiled.json`), 'utf8');

describe.each(CASES)('fixture %s', (name) => {
  it('compiles to its golden definition', () => {
    expect(exportDefinition(graphToDefinition(graphOf(name)))).toBe(compiledOf(name));
  });

  it('is valid, without warnings', () => {
    expect(validateGraph(graphOf(name), { catalog: TEST_CATALOG })).toEqual({
      ok: true,
      errors: [],
      warnings: [],
    });
  });

  it('golden definition parses and validates', () => {
    const parsed = parseDefinition(compiledOf(name));

    expect(parsed.ok).toBe(true);
    expect(parsed.ok && validateDefinition(parsed.definition, { catalog: TEST_CATALOG })).toEqual({
      ok: true,
      errors: [],
      warnings: [],
    });
  });

  it('round-trips graph → definition → graph without loss', () => {
    const graph = graphOf(name);

    expect(definitionToGraph(graphToDefinition(graph))).toStrictEqual(graph);
  });

  it('round-trips golden definition → graph → definition without loss', () => {
    const parsed = parseDefinition(compiledOf(name));
    if (!parsed.ok) throw new Error('golden definition does not parse');

    expect(graphToDefinition(definitionToGraph(parsed.definition))).toStrictEqual(parsed.definition);
    expect(exportDefinition(graphToDefinition(definitionToGraph(parsed.definition)))).toBe(compiledOf(name));
  });
});

describe('fixture follow-up-loop', () => {
  it('is only valid because its loop passes through the delay', () => {
    const graph = graphOf('follow-up-loop');
    const withoutDelay: EditorGraph = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === 'wait_two_days' && n.kind === 'step'
          ? { ...n, data: { ...n.data, stepType: 'branch', config: {} } }
          : n,
      ),
    };

    expect(validateGraph(withoutDelay, { catalog: TEST_CATALOG }).errors).toEqual([
      expect.objectContaining({ code: 'RUNAWAY_CYCLE', nodeId: 'follow_up_task' }),
    ]);
  });
});
