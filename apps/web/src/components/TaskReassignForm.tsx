import { useState, type FormEvent } from 'react';
import type { ReassignRequestInput } from '../api/tasks';
import type { DirectoryUser } from '../api/users';
import { useSubmit } from '../hooks/useSubmit';
import { describeTaskError } from './TaskErrors';

const REASON_MAX = 500;

interface TaskReassignFormProps {
  titleId: string;
  /** Who could be suggested; null while the directory loads (the form works without it). */
  colleagues: DirectoryUser[] | null;
  onSubmit: (input: ReassignRequestInput) => Promise<void>;
  onCancel: () => void;
}

/** A rep cannot give a task away; this asks their manager to, saying why and, if they like, to whom. */
export function TaskReassignForm({ titleId, colleagues, onSubmit, onCancel }: TaskReassignFormProps) {
  const [reason, setReason] = useState('');
  const [suggested, setSuggested] = useState('');
  const submit = useSubmit();

  function send(event: FormEvent) {
    event.preventDefault();
    void submit.run(() =>
      onSubmit({ reason: reason.trim(), ...(suggested ? { suggestedAssigneeId: suggested } : {}) }),
    );
  }

  return (
    <form className="task-panel" aria-labelledby={titleId} onSubmit={send} data-testid="task-reassign-form">
      <label className="field">
        <span className="field__label">Why should someone else take it?</span>
        <textarea
          className="field__input task-panel__reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          maxLength={REASON_MAX}
          rows={2}
          autoFocus
          data-testid="task-reassign-reason"
        />
      </label>
      <label className="field task-panel__suggest">
        <span className="field__label">Suggest a colleague (optional)</span>
        <select
          className="field__input"
          value={suggested}
          onChange={(e) => setSuggested(e.target.value)}
          data-testid="task-reassign-suggest"
        >
          <option value="">No suggestion</option>
          {(colleagues ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      {submit.error !== null && (
        <p className="task-panel__problem" role="alert" data-testid="task-reassign-error">
          Could not ask: {describeTaskError(submit.error)}
        </p>
      )}
      <div className="task-panel__choices">
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.busy || reason.trim() === ''}
          data-testid="task-reassign-submit"
        >
          {submit.busy ? 'Sending…' : 'Send request'}
        </button>
        <button type="button" className="button button--quiet" disabled={submit.busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
