import { useState, type ReactNode } from 'react';
import {
  cancelCampaign,
  fetchCampaign,
  fetchCampaignResults,
  fetchRecipients,
  type Campaign,
} from '../api/campaigns';
import type { User } from '../api/types';
import { CampaignEditor } from '../components/CampaignEditor';
import { CampaignResultsView } from '../components/CampaignResultsView';
import { CampaignStatusBadge } from '../components/CampaignStatusBadge';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { campaignHref, routeHref } from '../lib/routes';
import './MyTasksPage.css';
import './CampaignPages.css';

// While mail goes out the numbers move by the second; once it is done, slowly.
const LIVE_MS = 3_000;
const SETTLED_MS = 30_000;

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One campaign: its editor while a draft, its results once it is on its way. */
export function CampaignPage({ id, user }: { id: string; user: User }) {
  const manages = user.role === 'admin' || user.role === 'manager';
  if (id === 'new') {
    return (
      <Frame title="New campaign">
        <CampaignEditor
          campaign={null}
          readOnly={!manages}
          onSaved={(c) => (window.location.hash = campaignHref(c.id))}
          onScheduled={(c) => (window.location.hash = campaignHref(c.id))}
        />
      </Frame>
    );
  }
  return <ExistingCampaign id={id} manages={manages} />;
}

function ExistingCampaign({ id, manages }: { id: string; manages: boolean }) {
  const campaign = useRemote(`campaign:${id}`, (signal) => fetchCampaign(id, signal));
  const data = campaign.data;
  useDocumentTitle(data ? data.name : 'Campaign');
  if (data === null) {
    return (
      <Frame title="Campaign">
        {campaign.error ? (
          <p className="campaign-page__state" role="alert">
            {describeError(campaign.error)}
          </p>
        ) : (
          <p className="campaign-page__state" role="status">
            Loading…
          </p>
        )}
      </Frame>
    );
  }
  if (data.status === 'draft') {
    return (
      <Frame title={data.name} status={data}>
        <CampaignEditor
          key={data.version}
          campaign={data}
          readOnly={!manages}
          onSaved={campaign.replace}
          onScheduled={campaign.replace}
        />
      </Frame>
    );
  }
  return <Results campaign={data} manages={manages} onChange={campaign.replace} />;
}

function Results({
  campaign,
  manages,
  onChange,
}: {
  campaign: Campaign;
  manages: boolean;
  onChange: (campaign: Campaign) => void;
}) {
  const live = campaign.status === 'scheduled' || campaign.status === 'sending';
  const pollMs = live ? LIVE_MS : SETTLED_MS;
  const refreshed = useRemote(
    `campaign-poll:${campaign.id}`,
    (signal) => fetchCampaign(campaign.id, signal),
    {
      pollMs,
    },
  );
  // The freshest copy: a poll, or the answer to this page's own cancel.
  const shown = refreshed.data && refreshed.data.version > campaign.version ? refreshed.data : campaign;
  const results = useRemote(`results:${campaign.id}`, (s) => fetchCampaignResults(campaign.id, s), {
    pollMs,
    refresh: shown.status,
  });
  const recipients = useRemote(`recipients:${campaign.id}`, (s) => fetchRecipients(campaign.id, s), {
    pollMs,
    refresh: shown.status,
  });
  const cancel = useSubmit();
  const onCancel = () => void cancel.run(async () => onChange(await cancelCampaign(campaign.id)));
  const [confirming, setConfirming] = useState(false);

  return (
    <Frame title={shown.name} status={shown}>
      <p className="campaign-page__note" data-testid="campaign-summary">
        To <strong>{shown.segment?.name ?? 'a deleted segment'}</strong>, purpose “{shown.purpose}” · subject
        “{shown.subject}” ·{' '}
        {shown.status === 'scheduled'
          ? `sends ${shown.scheduledAt ? time.format(new Date(shown.scheduledAt)) : 'now'}`
          : shown.finishedAt
            ? `ended ${time.format(new Date(shown.finishedAt))}`
            : `started ${shown.startedAt ? time.format(new Date(shown.startedAt)) : 'now'}`}
        {' · '}up to {shown.ratePerMinute} a minute · id <code>{shown.id}</code>
      </p>
      {shown.error && (
        <p className="campaign-editor__error" role="alert">
          Sending failed: {shown.error.message} ({shown.error.code})
        </p>
      )}
      {manages && (shown.status === 'scheduled' || shown.status === 'sending') && (
        <div className="campaign-page__actions">
          {confirming ? (
            <>
              <span>Stop this campaign? Mail already sent stays sent.</span>
              <button type="button" className="button" onClick={onCancel} disabled={cancel.busy}>
                Yes, cancel it
              </button>
              <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                Keep sending
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => setConfirming(true)}
              data-testid="campaign-cancel"
            >
              Cancel campaign
            </button>
          )}
          {cancel.error !== null && <span role="alert">{describeError(cancel.error)}</span>}
        </div>
      )}
      <CampaignResultsView
        campaign={shown}
        results={results.data}
        recipients={recipients.data?.items ?? null}
      />
    </Frame>
  );
}

function Frame({ title, status, children }: { title: string; status?: Campaign; children: ReactNode }) {
  return (
    <main className="page campaign-page">
      <div className="page__header">
        <div>
          <p className="campaign-page__crumb">
            <a href={routeHref('campaigns')}>Campaigns</a>
          </p>
          <h1 className="page__title">
            {title} {status && <CampaignStatusBadge status={status.status} />}
          </h1>
        </div>
      </div>
      {children}
    </main>
  );
}
