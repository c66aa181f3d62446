export type Route =
  | 'tasks'
  | 'leads'
  | 'import'
  | 'workflows'
  | 'workflow'
  | 'quotes'
  | 'quote'
  | 'approvals'
  | 'team'
  | 'dashboard'
  | 'notifications'
  | 'segments'
  | 'segment'
  | KnowledgeRoute
  | CampaignRoute
  | RecordListRoute
  | RecordRoute;

/** The public FAQ (no sign-in), and the knowledge base's pages in the app. */
export type KnowledgeRoute = 'faq' | 'knowledge' | 'knowledge-article' | 'canned-answers';

/** Email campaigns, and one campaign ("#/campaigns/<id>", "#/campaigns/new"). */
export type CampaignRoute = 'campaigns' | 'campaign';

/** Lists of CRM records, and the page of one record reached from them ("#/accounts/<id>"). */
export type RecordListRoute = 'accounts' | 'contacts' | 'opportunities' | 'subscriptions' | 'cases';
export type RecordRoute = 'account' | 'contact' | 'opportunity' | 'subscription' | 'case';

const RECORD_ROUTES: Record<RecordListRoute, RecordRoute> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  subscriptions: 'subscription',
  cases: 'case',
};

/** Pages with a fixed address; the workflow editor, a quote and a record are reached from their lists. */
export type NavRoute = Exclude<
  Route,
  'workflow' | 'quote' | 'knowledge-article' | 'campaign' | 'segment' | RecordRoute
>;

const HREFS: Record<NavRoute, string> = {
  tasks: '#/tasks',
  leads: '#/leads',
  import: '#/import',
  workflows: '#/workflows',
  quotes: '#/quotes',
  approvals: '#/approvals',
  team: '#/team',
  dashboard: '#/dashboard',
  notifications: '#/notifications',
  accounts: '#/accounts',
  contacts: '#/contacts',
  opportunities: '#/opportunities',
  subscriptions: '#/subscriptions',
  cases: '#/cases',
  faq: '#/faq',
  segments: '#/segments',
  knowledge: '#/knowledge',
  'canned-answers': '#/knowledge/canned',
  campaigns: '#/campaigns',
};

const PLAIN_ROUTES: ReadonlySet<string> = new Set([
  'leads',
  'import',
  'approvals',
  'team',
  'dashboard',
  'notifications',
]);

export function routeHref(route: NavRoute): string {
  return HREFS[route];
}

/** "#/leads" → 'leads'; "#/workflows/<id>" → 'workflow'; an empty or unknown hash opens My tasks. */
export function parseRoute(hash: string): Route {
  const [segment = '', detail] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (segment === 'workflows') return detail ? 'workflow' : 'workflows';
  if (segment === 'quotes') return detail ? 'quote' : 'quotes';
  if (segment === 'faq') return 'faq';
  if (segment === 'segments') return detail ? 'segment' : 'segments';
  if (segment === 'campaigns') return detail ? 'campaign' : 'campaigns';
  if (segment === 'knowledge')
    return !detail ? 'knowledge' : detail === 'canned' ? 'canned-answers' : 'knowledge-article';
  if (Object.hasOwn(RECORD_ROUTES, segment)) {
    const list = segment as RecordListRoute;
    return detail ? RECORD_ROUTES[list] : list;
  }
  return PLAIN_ROUTES.has(segment) ? (segment as Route) : 'tasks';
}

/** An article's editor ("#/knowledge/<id>"), or a new article's ("#/knowledge/new"). */
export function knowledgeArticleHref(id: string): string {
  return `#/knowledge/${encodeURIComponent(id)}`;
}

/** A segment's editor ("#/segments/<id>"), or a new one's ("#/segments/new?entity=lead"). */
export function segmentHref(id: string, entity?: 'contact' | 'lead'): string {
  return `#/segments/${encodeURIComponent(id)}${entity ? `?entity=${entity}` : ''}`;
}

export function quoteHref(id: string): string {
  return `#/quotes/${encodeURIComponent(id)}`;
}

/** The quote id in "#/quotes/<id>". */
export function parseQuoteId(hash: string): string {
  return parseDetailId(hash);
}

/** The id in "#/<list>/<id>": a quote's, a workflow's or a record's. */
export function parseDetailId(hash: string): string {
  return decodeURIComponent(hash.replace(/^#\/?/, '').split('?')[0]!.split('/')[1] ?? '');
}

export function recordHref(list: RecordListRoute, id: string): string {
  return `${HREFS[list]}/${encodeURIComponent(id)}`;
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

/** The editor's test-and-observe views, with the run or backtest open in it. */
export interface WorkflowPanel {
  tab: 'test' | 'runs' | 'backtest';
  item: string | null;
}

const PANEL_TABS: ReadonlySet<string> = new Set(['test', 'runs', 'backtest']);

export function workflowPanelHref(id: string, tab: WorkflowPanel['tab'], item?: string): string {
  return `${workflowHref(id)}/${tab}${item ? `/${encodeURIComponent(item)}` : ''}`;
}

/** "#/workflows/<id>/runs/<runId>" → the runs view with that run open; null for the editor itself. */
export function parseWorkflowPanel(hash: string): WorkflowPanel | null {
  const [, , tab = '', item] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (!PANEL_TABS.has(tab)) return null;
  return { tab: tab as WorkflowPanel['tab'], item: item ? decodeURIComponent(item) : null };
}

/** A campaign's page: its editor while a draft, its results once scheduled; `new` for a new one. */
export function campaignHref(id: string): string {
  return `#/campaigns/${encodeURIComponent(id)}`;
}
