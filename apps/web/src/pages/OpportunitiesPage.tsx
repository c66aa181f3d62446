import { useState } from 'react';
import { OPPORTUNITY_STAGES, type Opportunity } from '../api/crm';
import { fetchRecords } from '../api/crmRecords';
import type { User } from '../api/types';
import { ListToolbar } from '../components/ListToolbar';
import { StageBadge } from '../components/RecordBadges';
import { OwnerCell } from '../components/RecordCells';
import { RecordListPage } from '../components/RecordListPage';
import { Missing, RecordTable } from '../components/RecordTable';
import { useDebounced } from '../hooks/useDebounced';
import { usePagedList } from '../hooks/usePagedList';
import { formatDay, STAGE_LABELS } from '../lib/describeRecords';
import { formatMoney } from '../lib/money';
import { recordHref } from '../lib/routes';

const SEARCH_PAUSE_MS = 300;
const STAGE_OPTIONS = [
  { value: '', label: 'Every stage' },
  ...OPPORTUNITY_STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
];

export function OpportunitiesPage({ user }: { user: User }) {
  const [q, setQ] = useState('');
  const [stage, setStage] = useState('');
  const [mine, setMine] = useState(false);
  // Reps are only ever shown their own deals, so "Mine only" would change nothing for them.
  const seesAll = user.role !== 'sales_rep';
  const query = useDebounced(q.trim(), SEARCH_PAUSE_MS);
  const params = { q: query, stage, owner: mine ? 'me' : null };
  const list = usePagedList<Opportunity>(`opportunities:${query}:${stage}:${mine}`, (cursor, signal) =>
    fetchRecords('opportunities', params, cursor, signal),
  );
  const scope = [
    'newest first',
    stage ? STAGE_LABELS[stage as Opportunity['stage']].toLowerCase() : null,
    mine || !seesAll ? 'yours' : null,
    query ? `matching “${query}”` : null,
  ];

  return (
    <RecordListPage
      title="Opportunities"
      noun={{ one: 'opportunity', many: 'opportunities' }}
      scope={scope.filter(Boolean).join(' · ')}
      list={list}
      filtered={query !== '' || stage !== '' || mine}
      onClearFilters={() => {
        setQ('');
        setStage('');
        setMine(false);
      }}
      emptyHint="Opportunities are created over the API, and by the subscription renewal workflow."
      toolbar={
        <ListToolbar
          label="Filter opportunities"
          search={{
            value: q,
            label: 'Search opportunities by name',
            placeholder: 'Search by name',
            onChange: setQ,
          }}
          choice={{ label: 'Stage', value: stage, options: STAGE_OPTIONS, onChange: setStage }}
          mine={seesAll ? { value: mine, onChange: setMine } : undefined}
        />
      }
    >
      {(items) => (
        <RecordTable
          label="Opportunities"
          testId="opportunities-table"
          rows={items}
          name={(o) => ({ text: o.name, href: recordHref('opportunities', o.id) })}
          columns={[
            {
              header: 'Account',
              cell: (o) => <a href={recordHref('accounts', o.account.id)}>{o.account.name}</a>,
            },
            { header: 'Stage', cell: (o) => <StageBadge stage={o.stage} /> },
            { header: 'Amount', numeric: true, cell: (o) => formatMoney(o.amount, o.currency) },
            {
              header: 'Closes',
              cell: (o) =>
                o.closeDate ? (
                  <span className="record-table__muted">{formatDay(o.closeDate)}</span>
                ) : (
                  <Missing label="No close date" />
                ),
            },
            { header: 'Owner', cell: (o) => <OwnerCell owner={o.owner} currentUserId={user.id} /> },
          ]}
        />
      )}
    </RecordListPage>
  );
}
