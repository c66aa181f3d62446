import type { WebhookMatch } from '@baton/contracts';
import type { TriggerNodeData, WebhookTriggerNodeData } from '@baton/rule-builder-core';
import { useId } from 'react';
import type { Problem } from '../model/diagnostics';
import { FieldErrors } from './JsonField';

type Update = (patch: Partial<TriggerNodeData>, field?: string) => void;

/** How a webhook delivery finds its record, and where the hook listens. */
export function WebhookTriggerFields({
  nodeId,
  data,
  problems,
  update,
  hookUrl,
}: {
  nodeId: string;
  data: WebhookTriggerNodeData;
  problems: readonly Problem[];
  update: Update;
  /** The hook's full URL, once the workflow is saved; without it the URL's pattern is shown. */
  hookUrl?: string;
}) {
  const ids = { by: useId(), field: useId(), from: useId(), url: useId() };
  const match = data.match;
  const setMatch = (next: WebhookMatch, field?: string) => update({ match: next }, field);
  const matchErrors = problems.filter((p) => p.path?.includes('/match')).map((p) => p.message);

  return (
    <>
      <div className="rb-field">
        <label className="rb-label" htmlFor={ids.url}>
          Hook URL (POST)
        </label>
        <input
          id={ids.url}
          className="rb-input rb-input--code"
          readOnly
          value={hookUrl ?? `/api/hooks/{workflow id}/${nodeId}`}
          aria-describedby={`${ids.url}-help`}
        />
        <p className="rb-help" id={`${ids.url}-help`}>
          Senders authenticate with the workflow&apos;s webhook secret: &quot;Authorization: Bearer
          &lt;secret&gt;&quot; or &quot;X-Baton-Signature: sha256=&lt;HMAC of the body&gt;&quot;. Steps read
          the posted JSON as trigger.payload.
        </p>
      </div>
      <div className="rb-row">
        <div className="rb-field">
          <label className="rb-label" htmlFor={ids.by}>
            Find the {data.entity} by
          </label>
          <select
            id={ids.by}
            className="rb-input"
            value={match.by}
            onChange={(e) =>
              setMatch(
                e.target.value === 'id' ? { by: 'id' } : { by: 'field', field: 'email', from: 'email' },
              )
            }
          >
            <option value="id">its id</option>
            <option value="field">a field</option>
          </select>
        </div>
        {match.by === 'field' && (
          <div className="rb-field">
            <label className="rb-label" htmlFor={ids.field}>
              Field
            </label>
            <input
              id={ids.field}
              className="rb-input rb-input--code"
              value={match.field}
              onChange={(e) => setMatch({ ...match, field: e.target.value }, 'match.field')}
              spellCheck={false}
            />
          </div>
        )}
        <div className="rb-field">
          <label className="rb-label" htmlFor={ids.from}>
            From payload path
          </label>
          <input
            id={ids.from}
            className="rb-input rb-input--code"
            value={match.from ?? ''}
            placeholder={match.by === 'id' ? 'recordId' : 'email'}
            onChange={(e) =>
              setMatch(
                match.by === 'id'
                  ? e.target.value === ''
                    ? { by: 'id' }
                    : { by: 'id', from: e.target.value }
                  : { ...match, from: e.target.value },
                'match.from',
              )
            }
            spellCheck={false}
          />
        </div>
      </div>
      <FieldErrors id={`${ids.by}-errors`} messages={matchErrors} />
    </>
  );
}
