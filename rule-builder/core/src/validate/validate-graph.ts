import type { Diagnostic, ValidationReport } from '../diagnostics';
import { pointer, pointerSegments } from '../diagnostics';
import type { EditorGraph } from '../graph';
import { graphToDefinition } from '../graph-to-definition';
import type { DefinitionValidationOptions } from './validate-definition';
import { validateDefinition } from './validate-definition';

/**
 * Validates what is on the canvas: compiles it with {@link graphToDefinition} and runs
 * {@link validateDefinition}. Node and edge ids are the definition's ids; paths are rewritten to
 * point into the graph (`/steps/2/type` becomes `/nodes/5/data/stepType`). Never throws.
 */
export function validateGraph(graph: EditorGraph, options: DefinitionValidationOptions): ValidationReport {
  let report: ValidationReport;
  try {
    report = validateDefinition(graphToDefinition(graph), options);
  } catch (error) {
    const message = `The graph could not be compiled: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, errors: [{ code: 'DEFINITION_SCHEMA', message }], warnings: [] };
  }
  const toGraph = graphPaths(graph);
  const remap = (d: Diagnostic): Diagnostic => {
    if (d.path === undefined) return d;
    const { path, ...rest } = d;
    const mapped = toGraph(path);
    return mapped === undefined ? rest : { ...rest, path: mapped };
  };
  return { ok: report.ok, errors: report.errors.map(remap), warnings: report.warnings.map(remap) };
}

const triggerFields: Readonly<Record<string, readonly string[]>> = { id: ['id'], kind: ['kind'] };
const stepFields: Readonly<Record<string, readonly string[]>> = { id: ['id'], type: ['data', 'stepType'] };
const edgeFields: Readonly<Record<string, readonly string[]>> = { from: ['source'], to: ['target'] };

/** Maps a JSON Pointer into the compiled definition to the same place in the graph (undefined when it has none). */
function graphPaths(graph: EditorGraph): (path: string) => string | undefined {
  const triggerNodes: number[] = [];
  const stepNodes: number[] = [];
  graph.nodes.forEach((node, i) => (node.kind === 'trigger' ? triggerNodes : stepNodes).push(i));

  const node = (
    indexes: readonly number[],
    fields: Readonly<Record<string, readonly string[]>>,
    rest: string[],
  ): string[] | undefined => {
    const [index, field, ...deeper] = rest;
    if (index === undefined) return ['nodes'];
    const nodeIndex = indexes[Number(index)];
    if (nodeIndex === undefined) return undefined;
    if (field === undefined) return ['nodes', String(nodeIndex)];
    return [
      'nodes',
      String(nodeIndex),
      ...(Object.hasOwn(fields, field) ? (fields[field] as string[]) : ['data', field]),
      ...deeper,
    ];
  };

  return (path) => {
    const [head, ...rest] = pointerSegments(path);
    let segments: string[] | undefined;
    switch (head) {
      case undefined:
        segments = [];
        break;
      case 'key':
      case 'name':
        segments = ['workflow', head, ...rest];
        break;
      case 'triggers':
        segments = node(triggerNodes, triggerFields, rest);
        break;
      case 'steps':
        segments = node(stepNodes, stepFields, rest);
        break;
      case 'transitions': {
        const [index, field, ...deeper] = rest;
        segments = [
          'edges',
          ...(index === undefined ? [] : [index]),
          ...(field === undefined
            ? []
            : Object.hasOwn(edgeFields, field)
              ? (edgeFields[field] as string[])
              : [field]),
          ...deeper,
        ];
        break;
      }
      case 'layout': {
        const [id, ...deeper] = rest;
        const nodeIndex = graph.nodes.findIndex((n) => n.id === id);
        segments = nodeIndex === -1 ? undefined : ['nodes', String(nodeIndex), 'position', ...deeper];
        break;
      }
      default:
        segments = undefined;
    }
    return segments === undefined ? undefined : pointer('', ...segments);
  };
}
