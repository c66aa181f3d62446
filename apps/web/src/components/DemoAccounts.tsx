import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../lib/demoAccounts';
import { roleLabel } from '../lib/roles';
import './DemoAccounts.css';

interface DemoAccountsProps {
  onPick: (email: string, password: string) => void;
}

export function DemoAccounts({ onPick }: DemoAccountsProps) {
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 className="demo-accounts__title" id="demo-accounts-title">
        Demo accounts
      </h2>
      <p className="demo-accounts__hint">
        Click one to fill the form. Password for all: <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              className="demo-accounts__item"
              onClick={() => onPick(account.email, DEMO_PASSWORD)}
              data-testid="login-demo"
              data-email={account.email}
            >
              <span className="demo-accounts__email">{account.email}</span>
              <span className="demo-accounts__role">{roleLabel(account.role)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
