import { useState, type FormEvent } from 'react';
import { useSubmit } from '../hooks/useSubmit';
import { formatFullDate } from '../lib/due';
import { fromLocalDateTime, localDateTime, tomorrowMorning } from '../lib/localTime';
import { describeTaskError } from './TaskErrors';
import { snoozeChoices } from './TaskSnoozeTimes';

interface TaskSnoozePanelProps {
  titleId: string;
  onSnooze: (until: Date) => Promise<void>;
  onClose: () => void;
}

/** Quick choices and a custom date and time for when an open task should come back. */
export function TaskSnoozePanel({ titleId, onSnooze, onClose }: TaskSnoozePanelProps) {
  // Fixed when the panel opens, so a choice means what its label said when it was read.
  const [now] = useState(() => new Date());
  const [custom, setCustom] = useState(() => localDateTime(tomorrowMorning(now)));
  const submit = useSubmit();

  function snooze(until: Date) {
    void submit.run(() => onSnooze(until));
  }

  function snoozeCustom(event: FormEvent) {
    event.preventDefault();
    snooze(new Date(fromLocalDateTime(custom)));
  }

  return (
    <div className="task-panel" role="group" aria-labelledby={titleId} data-testid="task-snooze-panel">
      <p className="task-panel__label">Snooze until</p>
      <div className="task-panel__choices">
        {snoozeChoices(now).map((choice) => (
          <button
            key={choice.key}
            type="button"
            className="button"
            title={formatFullDate(choice.until)}
            disabled={submit.busy}
            onClick={() => snooze(choice.until)}
            data-testid={`task-snooze-${choice.key}`}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <form className="task-panel__custom" onSubmit={snoozeCustom}>
        <label className="field">
          <span className="field__label">Or pick a time</span>
          <input
            className="field__input"
            type="datetime-local"
            value={custom}
            onChange={(e) => setCustom(e.target.value)}
            required
            data-testid="task-snooze-custom"
          />
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.busy}
          data-testid="task-snooze-custom-submit"
        >
          {submit.busy ? 'Snoozing…' : 'Snooze'}
        </button>
        <button type="button" className="button button--quiet" disabled={submit.busy} onClick={onClose}>
          Cancel
        </button>
      </form>
      {submit.error !== null && (
        <p className="task-panel__problem" role="alert" data-testid="task-snooze-error">
          Could not snooze: {describeTaskError(submit.error)}
        </p>
      )}
    </div>
  );
}
