export type Route = 'tasks' | 'leads' | 'import' | 'workflows' | 'workflow';

/** Pages reachable from the navigation; the workflow editor is reached from the workflows list. */
export type NavRoute = Exclude<Route, 'workflow'>;

const HREFS: Record<NavRoute, string> = {
  tasks: '#/tasks',
  leads: '#/leads',
  import: '#/import',
  workflows: '#/workflows',
};

export function routeHref(route: NavRoute): string {
  return HREFS[route];
}

/** "#/leads" → 'leads'; "#/workflows/<id>" → 'workflow'; an empty or unknown hash opens My tasks. */
export function parseRoute(hash: string): Route {
  const [segment, detail] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (segment === 'workflows') return detail ? 'workflow' : 'workflows';
  return segment === 'leads' || segment === 'import' ? segment : 'tasks';
}

/** Which workflow the editor shows: a saved one, or a new one that exists only in the browser until saved. */
export type WorkflowTarget = { kind: 'existing'; id: string } | { kind: 'new'; name: string; key: string };

export function workflowHref(id: string): string {
  return `#/workflows/${encodeURIComponent(id)}`;
}

export function newWorkflowHref(name: string, key: string): string {
  return `#/workflows/new?${new URLSearchParams({ name, key }).toString()}`;
}

export function parseWorkflowTarget(hash: string): WorkflowTarget {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const id = decodeURIComponent(path.split('/')[1] ?? '');
  if (id !== 'new') return { kind: 'existing', id };
  const params = new URLSearchParams(query);
  return {
    kind: 'new',
    name: params.get('name') ?? 'New workflow',
    key: params.get('key') ?? 'new-workflow',
  };
}
