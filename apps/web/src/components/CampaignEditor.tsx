import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import {
  createCampaign,
  fetchContactSegments,
  fetchMergeFields,
  scheduleCampaign,
  updateCampaign,
  type Campaign,
  type CampaignDraft,
  type TemplateProblem,
} from '../api/campaigns';
import { useRemote } from '../hooks/useRemote';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import { fromLocalDateTime, localDateTime } from '../lib/localTime';
import { CampaignMergeFieldHelp } from './CampaignMergeFieldHelp';
import { templateProblems } from './CampaignTemplateProblems';

const STARTER_BODY = '<p>Hello {{contact.firstName}},</p>\n<p></p>\n<p>Best regards,<br>{{owner.name}}</p>';

function draftOf(campaign: Campaign | null): CampaignDraft {
  if (!campaign) {
    return {
      name: '',
      segmentId: '',
      purpose: 'marketing',
      subject: '',
      body: STARTER_BODY,
      bodyFormat: 'html',
      scheduledAt: null,
      ratePerMinute: 600,
      batchSize: 50,
    };
  }
  const { name, segment, purpose, subject, body, bodyFormat, scheduledAt, ratePerMinute, batchSize } =
    campaign;
  return {
    name,
    segmentId: segment?.id ?? '',
    purpose,
    subject,
    body,
    bodyFormat,
    scheduledAt,
    ratePerMinute,
    batchSize,
  };
}

// The API's TEMPLATE_FIELD_UNKNOWN lists every problem; anything else is one message for the form.
function serverProblems(error: unknown): TemplateProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'TEMPLATE_FIELD_UNKNOWN') return [];
  const details = error.details as { problems?: TemplateProblem[] } | null;
  return details?.problems ?? [];
}

interface CampaignEditorProps {
  campaign: Campaign | null;
  readOnly: boolean;
  /** After a save; a new campaign has its id now. */
  onSaved: (campaign: Campaign) => void;
  onScheduled: (campaign: Campaign) => void;
}

/** A draft campaign: audience, purpose, the mail with its merge fields, and when and how fast to send. */
export function CampaignEditor({ campaign, readOnly, onSaved, onScheduled }: CampaignEditorProps) {
  const [draft, setDraft] = useState(() => draftOf(campaign));
  const [saved, setSaved] = useState(campaign);
  const body = useRef<HTMLTextAreaElement>(null);
  const submit = useSubmit();
  const segments = useRemote('contact-segments', fetchContactSegments);
  const merge = useRemote('merge-fields', fetchMergeFields);
  const fields = merge.data?.fields ?? null;

  const problems = useMemo(() => {
    if (fields === null) return serverProblems(submit.error);
    return [
      ...templateProblems('subject', draft.subject, fields),
      ...templateProblems('body', draft.body, fields),
    ];
  }, [fields, draft.subject, draft.body, submit.error]);
  const problemsOf = (template: TemplateProblem['template']) =>
    problems.filter((p) => p.template === template);
  const otherError =
    submit.error !== null && serverProblems(submit.error).length === 0 ? describeError(submit.error) : null;

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  function insert(placeholder: string) {
    const area = body.current;
    const at = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? at;
    set('body', `${draft.body.slice(0, at)}${placeholder}${draft.body.slice(end)}`);
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + placeholder.length, at + placeholder.length);
    });
  }

  async function store(): Promise<Campaign> {
    const next = saved ? await updateCampaign(saved.id, saved.version, draft) : await createCampaign(draft);
    setSaved(next);
    return next;
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => onSaved(await store()));
  }

  function send() {
    void submit.run(async () => {
      const stored = await store();
      onScheduled(await scheduleCampaign(stored.id));
    });
  }

  const blocked = readOnly || submit.busy || problems.length > 0;
  const later = draft.scheduledAt !== null;

  return (
    <form className="campaign-editor" onSubmit={save} aria-label="Campaign" data-testid="campaign-editor">
      <div className="campaign-editor__grid">
        <label className="field">
          <span className="field__label">Name</span>
          <input
            className="field__input"
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            required
            maxLength={200}
            disabled={readOnly}
            data-testid="campaign-name"
          />
        </label>
        <label className="field">
          <span className="field__label">Segment (contacts)</span>
          <select
            className="field__input"
            value={draft.segmentId}
            onChange={(e) => set('segmentId', e.target.value)}
            required
            disabled={readOnly}
            data-testid="campaign-segment"
          >
            <option value="">{segments.data ? 'Pick a segment…' : 'Loading segments…'}</option>
            {segments.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.memberCount} {s.memberCount === 1 ? 'contact' : 'contacts'})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Consent purpose</span>
          <input
            className="field__input"
            value={draft.purpose}
            onChange={(e) => set('purpose', e.target.value)}
            required
            pattern="[a-z][a-z0-9_]{0,63}"
            title='A lower-case name such as "marketing" or "renewal_offers"'
            disabled={readOnly}
            aria-describedby="campaign-purpose-help"
            data-testid="campaign-purpose"
          />
          <span className="campaign-editor__help" id="campaign-purpose-help">
            Only contacts who consented to this purpose, and have not unsubscribed from it, get the mail.
          </span>
        </label>
      </div>

      <label className="field">
        <span className="field__label">Subject</span>
        <input
          className="field__input"
          value={draft.subject}
          onChange={(e) => set('subject', e.target.value)}
          required
          maxLength={300}
          disabled={readOnly}
          aria-invalid={problemsOf('subject').length > 0}
          data-testid="campaign-subject"
        />
        <ProblemList problems={problemsOf('subject')} testId="campaign-subject-problems" />
      </label>

      <div className="campaign-editor__body">
        <div className="field">
          <div className="campaign-editor__body-head">
            <label className="field__label" htmlFor="campaign-body">
              Body
            </label>
            <select
              className="campaign-editor__format"
              value={draft.bodyFormat}
              onChange={(e) => set('bodyFormat', e.target.value as CampaignDraft['bodyFormat'])}
              disabled={readOnly}
              aria-label="Body format"
              data-testid="campaign-format"
            >
              <option value="html">HTML</option>
              <option value="text">Plain text</option>
            </select>
          </div>
          <textarea
            id="campaign-body"
            ref={body}
            className="field__input campaign-editor__textarea"
            value={draft.body}
            onChange={(e) => set('body', e.target.value)}
            required
            rows={12}
            spellCheck={draft.bodyFormat === 'text'}
            disabled={readOnly}
            aria-invalid={problemsOf('body').length > 0}
            data-testid="campaign-body"
          />
          <ProblemList problems={problemsOf('body')} testId="campaign-body-problems" />
        </div>
        <CampaignMergeFieldHelp fields={fields} onInsert={insert} disabled={readOnly} />
      </div>

      <fieldset className="campaign-editor__when" disabled={readOnly}>
        <legend className="field__label">When</legend>
        <label className="campaign-editor__choice">
          <input
            type="radio"
            name="when"
            checked={!later}
            onChange={() => set('scheduledAt', null)}
            data-testid="campaign-when-now"
          />
          As soon as it is sent
        </label>
        <label className="campaign-editor__choice">
          <input
            type="radio"
            name="when"
            checked={later}
            onChange={() => set('scheduledAt', new Date(Date.now() + 3_600_000).toISOString())}
            data-testid="campaign-when-later"
          />
          At
          <input
            type="datetime-local"
            className="field__input campaign-editor__time"
            value={draft.scheduledAt ? localDateTime(new Date(draft.scheduledAt)) : ''}
            onChange={(e) => e.target.value && set('scheduledAt', fromLocalDateTime(e.target.value))}
            disabled={!later}
            data-testid="campaign-scheduled-at"
          />
        </label>
        <label className="campaign-editor__choice">
          At most
          <input
            type="number"
            className="field__input campaign-editor__number"
            min={1}
            max={10000}
            value={draft.ratePerMinute}
            onChange={(e) => set('ratePerMinute', Number(e.target.value))}
            data-testid="campaign-rate"
          />
          mails a minute, in batches of
          <input
            type="number"
            className="field__input campaign-editor__number"
            min={1}
            max={500}
            value={draft.batchSize}
            onChange={(e) => set('batchSize', Number(e.target.value))}
            data-testid="campaign-batch"
          />
        </label>
      </fieldset>

      {otherError && (
        <p className="campaign-editor__error" role="alert" data-testid="campaign-error">
          {otherError}
        </p>
      )}
      {!readOnly && (
        <div className="campaign-editor__actions">
          <button type="submit" className="button" disabled={blocked} data-testid="campaign-save">
            Save draft
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={blocked || !draft.segmentId}
            onClick={send}
            data-testid="campaign-send"
          >
            {later ? 'Schedule' : 'Send now'}
          </button>
        </div>
      )}
    </form>
  );
}

function ProblemList({ problems, testId }: { problems: TemplateProblem[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <ul className="campaign-editor__problems" role="alert" data-testid={testId}>
      {problems.map((p) => (
        <li key={`${p.position.offset}:${p.field}`}>{p.message}</li>
      ))}
    </ul>
  );
}
