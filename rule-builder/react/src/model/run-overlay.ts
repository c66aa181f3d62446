import type { EditorGraph } from '@baton/rule-builder-core';

/** A step visit's status, as runs and dry runs report it. */
export type VisitStatus = 'running' | 'completed' | 'failed' | 'cancelled' | 'skipped';

/** One step visit of a run or dry run, in the order the visits happened. */
export interface PathVisit {
  readonly stepId: string;
  readonly status: VisitStatus;
  readonly error?: { readonly code: string; readonly message: string };
  /** What the step did or would do, one line each (a dry run's intention summaries). */
  readonly notes?: readonly string[];
}

/** How one trigger or step is drawn on a lit path. */
export interface NodeOverlay {
  /** A trigger the path started from is `started`; a step has its latest visit's status. */
  readonly status: VisitStatus | 'started';
  /** 1-based places of its visits in the path (a step inside a loop has several). */
  readonly order: readonly number[];
  readonly notes: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

/** A path drawn over a workflow: what each visited node did and which arrows were taken. */
export interface PathOverlay {
  readonly nodes: ReadonlyMap<string, NodeOverlay>;
  readonly edges: ReadonlySet<string>;
  /** Steps running now: where a live run stands. */
  readonly current: readonly string[];
}

export const EMPTY_OVERLAY: PathOverlay = { nodes: new Map(), edges: new Set(), current: [] };

/** A trail entry of `GET /api/runs/{id}` or a step of a dry run. */
export interface TrailEntry {
  readonly stepId: string;
  readonly status: VisitStatus;
  readonly error?: { readonly code: string; readonly message: string } | null;
  readonly intentions?: readonly { readonly summary: string }[];
}

export function visitsFromTrail(trail: readonly TrailEntry[]): PathVisit[] {
  return trail.map((entry) => ({
    stepId: entry.stepId,
    status: entry.status,
    ...(entry.error ? { error: { code: entry.error.code, message: entry.error.message } } : {}),
    ...(entry.intentions ? { notes: entry.intentions.map((i) => i.summary) } : {}),
  }));
}

/** A path known only by its step ids (a backtest's): every step on it completed. */
export function visitsFromPath(path: readonly string[]): PathVisit[] {
  return path.map((stepId) => ({ stepId, status: 'completed' }));
}

// Steps that follow several of their arrows at once, and steps that several paths arrive at.
const FAN_OUT = new Set(['parallel']);
const FAN_IN = new Set(['join']);
// A failed step goes on only through its `onError`, which is not an arrow; `skipped` is a failed
// step passed over on resume, which goes on along its arrows.
const LEADS_ON: ReadonlySet<VisitStatus> = new Set(['completed', 'skipped']);

/**
 * Works out which arrows a path took from its visits. A visit came along an arrow from the latest
 * earlier visit with an arrow to it that has not yet been followed (a step follows one arrow, a
 * `parallel` step all it started); a `join` step's visit takes every such arrow since its last
 * visit; the first visit came from the trigger (`triggerId`, else any trigger with an arrow to it).
 *
 * @example
 * pathOverlay(definitionToGraph(definition), visitsFromTrail(run.trail))
 */
export function pathOverlay(
  graph: Pick<EditorGraph, 'nodes' | 'edges'>,
  visits: readonly PathVisit[],
  options: { readonly triggerId?: string } = {},
): PathOverlay {
  const stepTypes = new Map(
    graph.nodes.flatMap((n) => (n.kind === 'step' ? [[n.id, n.data.stepType] as const] : [])),
  );
  const triggers = new Set(graph.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id));
  const edgesInto = new Map<string, Array<{ id: string; source: string }>>();
  for (const edge of graph.edges) {
    const list = edgesInto.get(edge.target) ?? [];
    list.push({ id: edge.id, source: edge.source });
    edgesInto.set(edge.target, list);
  }

  const taken = new Set<string>();
  const followed = new Set<number>();
  const started = new Set<string>(options.triggerId === undefined ? [] : [options.triggerId]);
  const lastVisit = new Map<string, number>();

  visits.forEach((visit, i) => {
    const incoming = edgesInto.get(visit.stepId) ?? [];
    const since = lastVisit.get(visit.stepId) ?? -1;
    const fanIn = FAN_IN.has(stepTypes.get(visit.stepId) ?? '');
    let found = false;
    for (let j = i - 1; j >= (fanIn ? since + 1 : 0); j--) {
      const from = visits[j]!;
      if (!LEADS_ON.has(from.status)) continue;
      if (followed.has(j) && !FAN_OUT.has(stepTypes.get(from.stepId) ?? '')) continue;
      const edge = incoming.find((e) => e.source === from.stepId);
      if (!edge) continue;
      taken.add(edge.id);
      followed.add(j);
      found = true;
      if (!fanIn) break;
    }
    if (!found && i === 0) {
      const edge = incoming.find(
        (e) => triggers.has(e.source) && (options.triggerId === undefined || e.source === options.triggerId),
      );
      if (edge) {
        taken.add(edge.id);
        started.add(edge.source);
      }
    }
    lastVisit.set(visit.stepId, i);
  });

  const nodes = new Map<string, NodeOverlay>();
  for (const id of started) nodes.set(id, { status: 'started', order: [], notes: [] });
  visits.forEach((visit, i) => {
    const before = nodes.get(visit.stepId);
    nodes.set(visit.stepId, {
      status: visit.status,
      order: [...(before?.order ?? []), i + 1],
      notes: [...(before?.notes ?? []), ...(visit.notes ?? [])],
      ...(visit.error ? { error: visit.error } : {}),
    });
  });
  const current = [...new Set(visits.filter((v) => v.status === 'running').map((v) => v.stepId))];
  return { nodes, edges: taken, current };
}

/** How a node's status reads on the canvas and in lists: a symbol and a word. */
export const PATH_STATUS_LABELS: Readonly<Record<NodeOverlay['status'], { icon: string; label: string }>> = {
  started: { icon: '▶', label: 'Started here' },
  running: { icon: '●', label: 'Running' },
  completed: { icon: '✓', label: 'Completed' },
  failed: { icon: '✕', label: 'Failed' },
  cancelled: { icon: '⊘', label: 'Cancelled' },
  skipped: { icon: '↷', label: 'Skipped' },
};
