import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/ApiError';
import { BrandMark } from '../components/BrandMark';
import { DemoAccounts } from '../components/DemoAccounts';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { describeError } from '../lib/describeError';
import './LoginPage.css';

interface LoginPageProps {
  /** Why the previous session ended, shown until the next attempt. */
  reason: ApiError | null;
  onSignIn: (email: string, password: string) => Promise<void>;
}

export function LoginPage({ reason, onSignIn }: LoginPageProps) {
  useDocumentTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(reason);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  }

  function fillDemo(demoEmail: string, demoPassword: string) {
    setEmail(demoEmail);
    setPassword(demoPassword);
    setError(null);
    submitRef.current?.focus();
  }

  return (
    <main className="login">
      <div className="login__panel">
        <div className="login__brand">
          <BrandMark />
        </div>
        <form className="login__card" onSubmit={(event) => void handleSubmit(event)} noValidate>
          <h1 className="login__title">Sign in</h1>
          <p className="login__lead">Pick up the work your workflows hand you.</p>

          {error !== null && (
            <p className="login__error" role="alert" data-testid="login-error">
              {describeError(error)}
            </p>
          )}

          <label className="field">
            <span className="field__label">Email</span>
            <input
              className="field__input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              data-testid="login-email"
              required
              autoFocus
            />
          </label>
          <label className="field">
            <span className="field__label">Password</span>
            <input
              className="field__input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
              required
            />
          </label>
          <button
            ref={submitRef}
            type="submit"
            className="button button--primary button--block"
            disabled={submitting}
            data-testid="login-submit"
          >
            {submitting ? 'Signing in…' : 'Sign in'}
          </button>
          <p className="login__lead">
            Looking for an answer?{' '}
            <a href="#/faq" data-testid="login-faq">
              Browse the help center
            </a>
          </p>
        </form>
        <DemoAccounts onPick={fillDemo} />
      </div>
    </main>
  );
}
