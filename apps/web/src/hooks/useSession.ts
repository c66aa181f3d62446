import { useCallback, useEffect, useState } from 'react';
import { ApiError, isAbort, isSessionEnded } from '../api/ApiError';
import { fetchCurrentUser, login, logout } from '../api/auth';
import { onSessionEnded } from '../api/client';
import { clearToken, readToken, writeToken } from '../api/token';
import type { User } from '../api/types';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out'; reason: ApiError | null }
  | { status: 'signed-in'; user: User }
  | { status: 'unreachable'; error: unknown };

export interface Session {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => void;
  retry: () => void;
}

function initialState(): SessionState {
  return readToken() ? { status: 'checking' } : { status: 'signed-out', reason: null };
}

export function useSession(): Session {
  const [state, setState] = useState<SessionState>(initialState);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => onSessionEnded((reason) => setState({ status: 'signed-out', reason })), []);

  const checking = state.status === 'checking';
  useEffect(() => {
    if (!checking) return;
    const controller = new AbortController();
    fetchCurrentUser(controller.signal).then(
      (user) => setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (isAbort(error)) return;
        if (isSessionEnded(error)) setState({ status: 'signed-out', reason: error });
        else setState({ status: 'unreachable', error });
      },
    );
    return () => controller.abort();
  }, [checking, attempt]);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await login(email, password);
    writeToken(result.token);
    setState({ status: 'signed-in', user: result.user });
  }, []);

  const signOut = useCallback(() => {
    const token = readToken();
    clearToken();
    setState({ status: 'signed-out', reason: null });
    if (token) logout(token).catch(() => undefined);
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, signIn, signOut, retry };
}
