import { lazy, Suspense } from 'react';
import { AppHeader } from './components/AppHeader';
import { NotAllowed } from './components/NotAllowed';
import { StatusScreen } from './components/StatusScreen';
import { useHashLocation } from './hooks/useHashLocation';
import { useHashRoute } from './hooks/useHashRoute';
import { useNotificationFeed, type NotificationFeed } from './hooks/useNotificationFeed';
import { useSession } from './hooks/useSession';
import type { User } from './api/types';
import { describeError } from './lib/describeError';
import { parseDetailId, parseQuoteId, type Route } from './lib/routes';
import { AccountPage } from './pages/AccountPage';
import { AccountsPage } from './pages/AccountsPage';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { ApprovalsPage } from './pages/ApprovalsPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ContactPage } from './pages/ContactPage';
import { ContactsPage } from './pages/ContactsPage';
import { DashboardPage } from './pages/DashboardPage';
import { FaqPage } from './pages/FaqPage';
import { ImportPage } from './pages/ImportPage';
import { KnowledgeArticlePage } from './pages/KnowledgeArticlePage';
import { KnowledgeCannedPage } from './pages/KnowledgeCannedPage';
import { KnowledgePage } from './pages/KnowledgePage';
import { LeadsPage } from './pages/LeadsPage';
import { LoginPage } from './pages/LoginPage';
import { MyTasksPage } from './pages/MyTasksPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OpportunitiesPage } from './pages/OpportunitiesPage';
import { OpportunityPage } from './pages/OpportunityPage';
import { QuoteDetailPage } from './pages/QuoteDetailPage';
import { QuotesPage } from './pages/QuotesPage';
import { SegmentsPage } from './pages/SegmentsPage';
import { SubscriptionPage } from './pages/SubscriptionPage';
import { SubscriptionsPage } from './pages/SubscriptionsPage';
import { TeamPage } from './pages/TeamPage';
import { WorkflowsPage } from './pages/WorkflowsPage';

// The editor (React Flow, dagre, the compiler) is most of the app's code and only admins open it.
const loadEditor = () => import('./pages/WorkflowEditorPage');
// Opened at an editor address (a link, a reload), its code downloads while the session is checked.
if (window.location.hash.startsWith('#/workflows/')) void loadEditor();
const WorkflowEditorPage = lazy(() => loadEditor().then((m) => ({ default: m.WorkflowEditorPage })));
// The segment editor carries the condition builder: loaded when a segment is opened.
const SegmentEditorPage = lazy(() =>
  import('./pages/SegmentEditorPage').then((m) => ({ default: m.SegmentEditorPage })),
);

export function App() {
  const { state, signIn, signOut, retry } = useSession();
  const route = useHashRoute();
  const hash = useHashLocation();

  // The help center is public: shown the same signed in or out, before any session check ends.
  if (route === 'faq') return <FaqPage signedIn={state.status === 'signed-in'} />;
  switch (state.status) {
    case 'checking':
      return <StatusScreen title="Opening Baton…" />;
    case 'unreachable':
      return (
        <StatusScreen title="Baton is not responding" detail={describeError(state.error)}>
          <button type="button" className="button button--primary" onClick={retry}>
            Try again
          </button>
          <button type="button" className="button" onClick={signOut}>
            Sign out
          </button>
        </StatusScreen>
      );
    case 'signed-out':
      return <LoginPage reason={state.reason} onSignIn={signIn} />;
    case 'signed-in':
      return <SignedIn user={state.user} route={route} hash={hash} onSignOut={signOut} />;
  }
}

const DECIDERS: ReadonlyArray<User['role']> = ['admin', 'manager', 'approver'];
const MANAGERS: ReadonlyArray<User['role']> = ['admin', 'manager'];
// The dashboard counts sales records: reps see their own, managers their team's, admins everyone's.
const SELLERS: ReadonlyArray<User['role']> = ['admin', 'manager', 'sales_rep'];
// Managers and admins run campaigns; engineers may look at them.
const CAMPAIGN_READERS: ReadonlyArray<User['role']> = ['admin', 'manager', 'engineer'];

// Its own component so the notification stream lives exactly as long as the session.
function SignedIn({ user, route, hash, onSignOut }: SignedInProps) {
  const notifications = useNotificationFeed();
  return (
    <>
      <AppHeader user={user} route={route} notifications={notifications} onSignOut={onSignOut} />
      <Page user={user} route={route} hash={hash} notifications={notifications} />
    </>
  );
}

interface SignedInProps {
  user: User;
  route: Route;
  hash: string;
  onSignOut: () => void;
}

function Page({
  user,
  route,
  hash,
  notifications,
}: Omit<SignedInProps, 'onSignOut'> & { notifications: NotificationFeed }) {
  // Pages that show what a notification may be about re-read when one arrives.
  const { revision } = notifications;
  switch (route) {
    case 'tasks':
      return <MyTasksPage user={user} />;
    case 'leads':
      return <LeadsPage user={user} />;
    case 'import':
      return <ImportPage />;
    case 'notifications':
      return <NotificationsPage feed={notifications} />;
    case 'quotes':
      return <QuotesPage revision={revision} />;
    case 'quote':
      return <QuoteDetailPage id={parseQuoteId(hash)} user={user} revision={revision} />;
    // Keyed by address: another record's page starts fresh (no half-typed edit carried over).
    case 'accounts':
      return <AccountsPage user={user} />;
    case 'account':
      return <AccountPage key={hash} id={parseDetailId(hash)} user={user} revision={revision} />;
    case 'contacts':
      return <ContactsPage user={user} />;
    case 'contact':
      return <ContactPage key={hash} id={parseDetailId(hash)} user={user} revision={revision} />;
    case 'opportunities':
      return <OpportunitiesPage user={user} />;
    case 'opportunity':
      return <OpportunityPage key={hash} id={parseDetailId(hash)} user={user} revision={revision} />;
    case 'subscriptions':
      return <SubscriptionsPage user={user} />;
    case 'subscription':
      return <SubscriptionPage key={hash} id={parseDetailId(hash)} user={user} revision={revision} />;
    case 'approvals':
      return DECIDERS.includes(user.role) ? (
        <ApprovalsPage user={user} revision={revision} />
      ) : (
        <NotAllowed what="Approval requests go to managers and quote approvers" />
      );
    case 'team':
      return MANAGERS.includes(user.role) ? (
        <TeamPage user={user} revision={revision} />
      ) : (
        <NotAllowed what="The team view is for sales managers and admins" />
      );
    case 'dashboard':
      return SELLERS.includes(user.role) ? (
        <DashboardPage user={user} revision={revision} />
      ) : (
        <NotAllowed what="The dashboard is for sales reps, sales managers and admins" />
      );
    case 'campaigns':
      return CAMPAIGN_READERS.includes(user.role) ? (
        <CampaignsPage user={user} />
      ) : (
        <NotAllowed what="Email campaigns are run by sales managers and admins" />
      );
    case 'campaign':
      return CAMPAIGN_READERS.includes(user.role) ? (
        <CampaignPage key={hash} id={parseDetailId(hash)} user={user} />
      ) : (
        <NotAllowed what="Email campaigns are run by sales managers and admins" />
      );
    // Every role reads segments; the pages offer drawing them only to admins and managers.
    case 'segments':
      return <SegmentsPage user={user} />;
    case 'segment':
      return (
        <Suspense fallback={<StatusScreen title="Opening the segment…" />}>
          <SegmentEditorPage key={hash.split('?')[0]} hash={hash} user={user} />
        </Suspense>
      );
    case 'cases':
      return <CasesPage user={user} />;
    case 'case':
      return <CasePage key={hash} id={parseDetailId(hash)} user={user} revision={revision} />;
    // Everyone signed in reads the knowledge base; the pages offer writing it to admins and managers.
    case 'knowledge':
      return <KnowledgePage user={user} />;
    case 'knowledge-article':
      return <KnowledgeArticlePage key={hash} id={parseDetailId(hash)} user={user} />;
    case 'canned-answers':
      return <KnowledgeCannedPage user={user} />;
    case 'faq':
      return <FaqPage signedIn />;
    case 'workflows':
    case 'workflow':
      if (user.role !== 'admin')
        return <NotAllowed what="Workflows are drawn and published by operations admins" />;
      return route === 'workflows' ? (
        <WorkflowsPage />
      ) : (
        <Suspense fallback={<StatusScreen title="Opening the editor…" />}>
          <WorkflowEditorPage hash={hash} />
        </Suspense>
      );
  }
}
