import { useState, type FormEvent } from 'react';
import { logActivity, type ActivityKind, type RecordLink } from '../api/quickActions';
import { useSubmit } from '../hooks/useSubmit';
import { fromLocalDateTime, localDateTime } from '../lib/localTime';
import { FormFooter } from './FormFooter';

// Emails have no duration worth recording; calls and meetings do.
const UNTIMED: ReadonlySet<string> = new Set(['email']);

interface ActivityFormProps {
  link: RecordLink;
  activity: ActivityKind;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

export function ActivityForm({ link, activity, onDone, onCancel }: ActivityFormProps) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [opened] = useState(() => localDateTime(new Date()));
  const [when, setWhen] = useState(opened);
  const [minutes, setMinutes] = useState('');
  const submit = useSubmit();
  const label = activity.label.toLowerCase();
  const timed = !UNTIMED.has(activity.key);

  function save(event: FormEvent) {
    event.preventDefault();
    void submit.run(async () => {
      await logActivity(link, {
        kind: activity.key,
        subject: subject.trim(),
        ...(body.trim() ? { body: body.trim() } : {}),
        // Left as opened, the time is "now" to the second (the input only holds minutes): the server's.
        ...(when && when !== opened ? { occurredAt: fromLocalDateTime(when) } : {}),
        ...(timed && minutes ? { durationMinutes: Number(minutes) } : {}),
      });
      await onDone();
    });
  }

  return (
    <form className="quick-actions__form" onSubmit={save} data-testid="activity-form">
      <label className="field">
        <span className="field__label">Subject</span>
        <input
          className="field__input"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
          maxLength={300}
          placeholder={`What was the ${label} about?`}
          autoFocus
          data-testid="activity-subject"
        />
      </label>
      <label className="field">
        <span className="field__label">Notes (optional)</span>
        <textarea
          className="field__input quick-actions__textarea"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={3}
          maxLength={20_000}
        />
      </label>
      <div className="quick-actions__row">
        <label className="field">
          <span className="field__label">When</span>
          <input
            className="field__input"
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            required
          />
        </label>
        {timed && (
          <label className="field">
            <span className="field__label">Minutes (optional)</span>
            <input
              className="field__input"
              type="number"
              min={0}
              max={1440}
              step={1}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
          </label>
        )}
      </div>
      <FormFooter
        error={submit.error}
        busy={submit.busy}
        submitLabel={`Log ${label}`}
        busyLabel="Saving…"
        onCancel={onCancel}
        testId="activity"
      />
    </form>
  );
}
