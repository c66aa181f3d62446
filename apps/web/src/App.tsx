import { lazy, Suspense } from 'react';
import { AppHeader } from './components/AppHeader';
import { NotAllowed } from './components/NotAllowed';
import { StatusScreen } from './components/StatusScreen';
import { useHashLocation } from './hooks/useHashLocation';
import { useHashRoute } from './hooks/useHashRoute';
import { useSession } from './hooks/useSession';
import { describeError } from './lib/describeError';
import { ImportPage } from './pages/ImportPage';
import { LeadsPage } from './pages/LeadsPage';
import { LoginPage } from './pages/LoginPage';
import { MyTasksPage } from './pages/MyTasksPage';
import { WorkflowsPage } from './pages/WorkflowsPage';

// The editor (React Flow, dagre, the compiler) is most of the app's code and only admins open it.
const WorkflowEditorPage = lazy(() =>
  import('./pages/WorkflowEditorPage').then((m) => ({ default: m.WorkflowEditorPage })),
);

export function App() {
  const { state, signIn, signOut, retry } = useSession();
  const route = useHashRoute();
  const hash = useHashLocation();

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
      return (
        <>
          <AppHeader user={state.user} route={route} onSignOut={signOut} />
          {route === 'leads' ? (
            <LeadsPage user={state.user} />
          ) : route === 'import' ? (
            <ImportPage />
          ) : route === 'workflows' || route === 'workflow' ? (
            state.user.role !== 'admin' ? (
              <NotAllowed what="Workflows are drawn and published by operations admins" />
            ) : route === 'workflows' ? (
              <WorkflowsPage />
            ) : (
              <Suspense fallback={<StatusScreen title="Opening the editor…" />}>
                <WorkflowEditorPage hash={hash} />
              </Suspense>
            )
          ) : (
            <MyTasksPage user={state.user} />
          )}
        </>
      );
  }
}
