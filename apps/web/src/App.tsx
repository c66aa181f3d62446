import { AppHeader } from './components/AppHeader';
import { StatusScreen } from './components/StatusScreen';
import { useHashRoute } from './hooks/useHashRoute';
import { useSession } from './hooks/useSession';
import { describeError } from './lib/describeError';
import { ImportPage } from './pages/ImportPage';
import { LeadsPage } from './pages/LeadsPage';
import { LoginPage } from './pages/LoginPage';
import { MyTasksPage } from './pages/MyTasksPage';

export function App() {
  const { state, signIn, signOut, retry } = useSession();
  const route = useHashRoute();

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
          ) : (
            <MyTasksPage user={state.user} />
          )}
        </>
      );
  }
}
