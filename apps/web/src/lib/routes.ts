export type Route = 'tasks' | 'leads' | 'import';

const HREFS: Record<Route, string> = {
  tasks: '#/tasks',
  leads: '#/leads',
  import: '#/import',
};

export function routeHref(route: Route): string {
  return HREFS[route];
}

/** "#/leads" → 'leads'; an empty or unknown hash opens My tasks, the page people land on. */
export function parseRoute(hash: string): Route {
  const segment = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return segment === 'leads' || segment === 'import' ? segment : 'tasks';
}
