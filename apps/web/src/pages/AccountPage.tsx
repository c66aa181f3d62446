import type { Account, Contact, Opportunity, Subscription, SupportCase } from '../api/crm';
import type { User } from '../api/types';
import { CaseBadge, RenewalBadge, StageBadge } from '../components/RecordBadges';
import { RecordFields } from '../components/RecordFields';
import { RecordHistory } from '../components/RecordHistory';
import { RecordLayout } from '../components/RecordLayout';
import { RelatedList } from '../components/RelatedList';
import { LoadState } from '../components/LoadState';
import { useDirectory } from '../hooks/useDirectory';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRecord } from '../hooks/useRecord';
import { useRelated } from '../hooks/useRelated';
import { formatDateTime } from '../lib/describeLead';
import { formatAmount, formatDay } from '../lib/describeRecords';
import { formatMoney } from '../lib/money';
import { mayEdit } from '../lib/permissions';
import { ownerField, textField, timestampFields } from '../lib/recordFields';
import { recordHref, routeHref } from '../lib/routes';

interface AccountPageProps {
  id: string;
  user: User;
  revision: number;
}

export function AccountPage({ id, user, revision }: AccountPageProps) {
  const account = useRecord<Account>('accounts', id, revision);
  const directory = useDirectory();
  useDocumentTitle(account.data?.name ?? 'Account');
  const byAccount = { account: id };
  const contacts = useRelated<Contact>('contacts', { ...byAccount, sort: 'name' }, (c) => ({
    id: c.id,
    href: recordHref('contacts', c.id),
    primary: c.name,
    secondary: [c.accounts.find((a) => a.id === id)?.role ?? c.title, c.email].filter(Boolean).join(' · '),
  }));
  const opportunities = useRelated<Opportunity>('opportunities', byAccount, (o) => ({
    id: o.id,
    href: recordHref('opportunities', o.id),
    primary: o.name,
    secondary: `${formatMoney(o.amount, o.currency)}${o.closeDate ? ` · closes ${formatDay(o.closeDate)}` : ''}`,
    badge: <StageBadge stage={o.stage} />,
  }));
  const subscriptions = useRelated<Subscription>('subscriptions', { ...byAccount, sort: 'endDate' }, (s) => ({
    id: s.id,
    href: recordHref('subscriptions', s.id),
    primary: s.plan,
    secondary: `${formatAmount(s.amount)} · ends ${formatDay(s.endDate)}`,
    badge: <RenewalBadge status={s.renewalStatus} />,
  }));
  const cases = useRelated<SupportCase>('cases', byAccount, (c) => ({
    id: c.id,
    href: recordHref('cases', c.id),
    primary: c.subject,
    secondary: `${c.priority} priority · SLA ${formatDateTime(new Date(c.slaDueAt))}`,
    badge: <CaseBadge supportCase={c} />,
  }));

  if (account.data === null) {
    return (
      <main className="page">
        <LoadState detail="Loading the account…" error={account.error} onRetry={account.reload} />
      </main>
    );
  }
  const current = account.data;
  const scoped = user.role === 'sales_rep' ? ' you own' : '';

  return (
    <RecordLayout
      kind="account"
      id={current.id}
      back={{ href: routeHref('accounts'), label: 'Accounts' }}
      title={current.name}
      subtitle={[
        current.domain,
        current.industry,
        current.region,
        current.owner && `owned by ${current.owner.name}`,
      ]
        .filter(Boolean)
        .join(' · ')}
      archivedAt={current.archivedAt}
      side={
        <>
          <RecordFields
            key={current.version}
            editable={mayEdit(user, current.owner)}
            onSave={account.save}
            onReload={account.reload}
            fields={[
              textField('name', 'Name', current.name, true),
              textField('domain', 'Domain', current.domain),
              textField('industry', 'Industry', current.industry),
              textField('region', 'Region', current.region),
              ownerField(current, user, directory),
              ...timestampFields(current),
            ]}
          />
          <RelatedList
            title={`Opportunities${scoped}`}
            rows={opportunities}
            empty="No opportunities yet."
            testId="related-opportunities"
          />
          <RelatedList
            title="Contacts"
            rows={contacts}
            empty="Nobody linked to this account yet."
            testId="related-contacts"
          />
          <RelatedList
            title={`Subscriptions${scoped}`}
            rows={subscriptions}
            empty="No contracts."
            testId="related-subscriptions"
          />
          <RelatedList
            title={`Cases${scoped}`}
            rows={cases}
            empty="No support cases."
            testId="related-cases"
          />
        </>
      }
      main={
        <RecordHistory
          path="accounts"
          recordType="account"
          id={current.id}
          user={user}
          directory={directory}
          // A saved field is a change on the timeline.
          revision={`${revision}:${current.version}`}
        />
      }
    />
  );
}
