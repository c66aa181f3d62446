import { RENEWAL_STATUSES, type Subscription } from '../api/crm';
import type { User } from '../api/types';
import { LoadState } from '../components/LoadState';
import { RenewalBadge } from '../components/RecordBadges';
import { RecordFields } from '../components/RecordFields';
import { RecordHistory } from '../components/RecordHistory';
import { RecordLayout } from '../components/RecordLayout';
import { useDirectory } from '../hooks/useDirectory';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRecord } from '../hooks/useRecord';
import { formatAmount, formatDay, RENEWAL_LABELS } from '../lib/describeRecords';
import { mayEdit } from '../lib/permissions';
import { ownerField, textField, timestampFields } from '../lib/recordFields';
import { recordHref, routeHref } from '../lib/routes';

interface SubscriptionPageProps {
  id: string;
  user: User;
  revision: number;
}

const STATUS_OPTIONS = RENEWAL_STATUSES.map((status) => ({ value: status, label: RENEWAL_LABELS[status] }));

const dayField = (name: string, label: string, value: string | null, required = false) => ({
  name,
  label,
  value,
  display: value && formatDay(value),
  input: 'date' as const,
  required,
});

export function SubscriptionPage({ id, user, revision }: SubscriptionPageProps) {
  const subscription = useRecord<Subscription>('subscriptions', id, revision);
  const directory = useDirectory();
  useDocumentTitle(subscription.data?.plan ?? 'Subscription');

  if (subscription.data === null) {
    return (
      <main className="page">
        <LoadState
          detail="Loading the subscription…"
          error={subscription.error}
          onRetry={subscription.reload}
        />
      </main>
    );
  }
  const current = subscription.data;

  return (
    <RecordLayout
      kind="subscription"
      id={current.id}
      back={{ href: routeHref('subscriptions'), label: 'Subscriptions' }}
      title={current.plan}
      badge={<RenewalBadge status={current.renewalStatus} />}
      subtitle={
        <>
          <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a> ·{' '}
          {formatDay(current.startDate)} – {formatDay(current.endDate)}
          {current.owner && ` · owned by ${current.owner.name}`}
        </>
      }
      archivedAt={current.archivedAt}
      side={
        <RecordFields
          key={current.version}
          editable={mayEdit(user, current.owner)}
          onSave={subscription.save}
          onReload={subscription.reload}
          fields={[
            textField('plan', 'Plan', current.plan, true),
            {
              name: 'accountId',
              label: 'Account',
              value: current.account.id,
              display: <a href={recordHref('accounts', current.account.id)}>{current.account.name}</a>,
              readOnly: true,
            },
            {
              name: 'renewalStatus',
              label: 'Renewal status',
              value: current.renewalStatus,
              display: RENEWAL_LABELS[current.renewalStatus],
              input: 'select',
              options: STATUS_OPTIONS,
              required: true,
            },
            dayField('startDate', 'Starts', current.startDate, true),
            dayField('endDate', 'Ends', current.endDate, true),
            dayField('warrantyEnd', 'Warranty ends', current.warrantyEnd),
            {
              name: 'amount',
              label: 'Amount',
              value: current.amount,
              display: formatAmount(current.amount),
              input: 'money',
              required: true,
            },
            ownerField(current, user, directory),
            ...timestampFields(current),
          ]}
        />
      }
      main={
        <RecordHistory
          path="subscriptions"
          recordType="subscription"
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
