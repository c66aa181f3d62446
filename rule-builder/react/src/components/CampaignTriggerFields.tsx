import { CAMPAIGN_EVENTS, type CampaignEvent } from '@baton/contracts';
import type { CampaignTriggerNodeData, TriggerNodeData } from '@baton/rule-builder-core';
import { useId } from 'react';
import type { Problem } from '../model/diagnostics';
import { humanize } from '../model/labels';
import { FieldErrors } from './JsonField';

type Update = (patch: Partial<TriggerNodeData>, field?: string) => void;

const errorsAt = (problems: readonly Problem[], key: string): string[] =>
  problems.filter((p) => p.path?.includes(`/${key}`)).map((p) => p.message);

/** Which campaign event starts a run on the recipient contact: the event, the campaign, the link. */
export function CampaignTriggerFields({
  data,
  problems,
  update,
}: {
  data: CampaignTriggerNodeData;
  problems: readonly Problem[];
  update: Update;
}) {
  const ids = { event: useId(), campaign: useId(), link: useId() };
  const campaignErrors = errorsAt(problems, 'campaignId');
  const linkErrors = errorsAt(problems, 'linkContains');

  return (
    <>
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.event}>
          When the contact&apos;s email is
        </label>
        <select
          id={ids.event}
          className="rb-input"
          value={data.event}
          // Only clicks have a link to filter on.
          onChange={(e) => {
            const event = e.target.value as CampaignEvent;
            update(event === 'clicked' ? { event } : { event, linkContains: undefined });
          }}
        >
          {CAMPAIGN_EVENTS.map((event) => (
            <option key={event} value={event}>
              {humanize(event)}
            </option>
          ))}
        </select>
      </div>
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.campaign}>
          Campaign id
        </label>
        <input
          id={ids.campaign}
          className="rb-input rb-input--code"
          value={data.campaignId ?? ''}
          placeholder="any campaign"
          spellCheck={false}
          aria-describedby={`${ids.campaign}-help`}
          onChange={(e) => {
            const value = e.target.value.trim();
            update({ campaignId: value === '' ? undefined : value }, 'campaignId');
          }}
        />
        <p className="rb-help" id={`${ids.campaign}-help`}>
          Leave empty for every campaign; the id is on the campaign&apos;s page. Steps read the event as
          trigger.payload: campaignId, campaignName, event and url.
        </p>
        <FieldErrors id={`${ids.campaign}-errors`} messages={campaignErrors} />
      </div>
      {data.event === 'clicked' && (
        <div className="rb-field">
          <label className="rb-label" htmlFor={ids.link}>
            Link contains
          </label>
          <input
            id={ids.link}
            className="rb-input rb-input--code"
            value={data.linkContains ?? ''}
            placeholder="any link, e.g. /pricing"
            spellCheck={false}
            onChange={(e) =>
              update({ linkContains: e.target.value === '' ? undefined : e.target.value }, 'linkContains')
            }
          />
          <FieldErrors id={`${ids.link}-errors`} messages={linkErrors} />
        </div>
      )}
    </>
  );
}
