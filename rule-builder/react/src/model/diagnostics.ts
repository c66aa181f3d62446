import type { EditorGraph } from '@baton/rule-builder-core';

/**
 * One problem as the API's `POST /workflows/validate` and `validateGraph`/`validateDefinition`
 * report it. `code` is a plain string: the server may add codes the compiler does not have.
 */
export interface EditorDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly path?: string;
}

/** A validation outcome, from the server or the compiler. */
export interface EditorValidationReport {
  readonly ok: boolean;
  readonly errors: readonly EditorDiagnostic[];
  readonly warnings: readonly EditorDiagnostic[];
}

export type Severity = 'error' | 'warning';

export interface Problem extends EditorDiagnostic {
  readonly severity: Severity;
}

/** Problems sorted by where they show: on a node, on an arrow, or only in the list. */
export interface ProblemMap {
  readonly byNode: ReadonlyMap<string, readonly Problem[]>;
  readonly byEdge: ReadonlyMap<string, readonly Problem[]>;
  /** Problems about the whole workflow, or naming a node or arrow the canvas no longer has. */
  readonly general: readonly Problem[];
  /** Every problem, errors first. */
  readonly all: readonly Problem[];
  readonly errorCount: number;
  readonly warningCount: number;
}

export const EMPTY_PROBLEMS: ProblemMap = {
  byNode: new Map(),
  byEdge: new Map(),
  general: [],
  all: [],
  errorCount: 0,
  warningCount: 0,
};

/**
 * Puts each diagnostic on the node or arrow it names. A diagnostic naming something no longer on
 * the canvas (the report is older than the last edit) stays visible in `general` rather than being
 * dropped, so a blocked publish always has a visible reason.
 */
export function mapDiagnostics(report: EditorValidationReport | undefined, graph: EditorGraph): ProblemMap {
  if (report === undefined) return EMPTY_PROBLEMS;
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  const general: Problem[] = [];
  const all: Problem[] = [
    ...report.errors.map((d) => ({ ...d, severity: 'error' as const })),
    ...report.warnings.map((d) => ({ ...d, severity: 'warning' as const })),
  ];
  for (const problem of all) {
    if (problem.nodeId !== undefined && nodeIds.has(problem.nodeId)) push(byNode, problem.nodeId, problem);
    else if (problem.edgeId !== undefined && edgeIds.has(problem.edgeId))
      push(byEdge, problem.edgeId, problem);
    else general.push(problem);
  }
  return {
    byNode,
    byEdge,
    general,
    all,
    errorCount: report.errors.length,
    warningCount: report.warnings.length,
  };
}

/** The worst severity among problems, for styling a node or arrow; undefined when there are none. */
export function worstSeverity(problems: readonly Problem[] | undefined): Severity | undefined {
  if (problems === undefined || problems.length === 0) return undefined;
  return problems.some((p) => p.severity === 'error') ? 'error' : 'warning';
}

/**
 * Messages per top-level config field, for showing beside form inputs. Reads the field from the
 * diagnostic's path, which points into the definition (`/steps/2/config/title`) or the graph
 * (`/nodes/5/data/config/title`); problems with the config as a whole are under "".
 */
export function configFieldProblems(problems: readonly Problem[] | undefined): ReadonlyMap<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const problem of problems ?? []) {
    if (problem.path === undefined) continue;
    const segments = problem.path.split('/').slice(1);
    const at = segments.indexOf('config');
    if (at === -1) continue;
    const field = (segments[at + 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
    push(fields, field, problem.message);
  }
  return fields;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
