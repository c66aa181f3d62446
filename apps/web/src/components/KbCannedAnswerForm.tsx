import { useRef, useState, type FormEvent } from 'react';
import { createCannedAnswer, MERGE_FIELDS, updateCannedAnswer, type CannedAnswer } from '../api/kb';
import { useSubmit } from '../hooks/useSubmit';
import { describeError } from '../lib/describeError';
import './LeadFilters.css';
import './QuickActions.css';

interface KbCannedAnswerFormProps {
  /** null: a new answer. */
  answer: CannedAnswer | null;
  onSaved: () => void;
  onCancel: () => void;
}

/** A canned answer's title and text; merge fields are inserted where the cursor is. */
export function KbCannedAnswerForm({ answer, onSaved, onCancel }: KbCannedAnswerFormProps) {
  const [title, setTitle] = useState(answer?.title ?? '');
  const [body, setBody] = useState(answer?.body ?? '');
  const text = useRef<HTMLTextAreaElement>(null);
  const submit = useSubmit();

  function insertField(field: string) {
    const area = text.current;
    const at = area?.selectionStart ?? body.length;
    const end = area?.selectionEnd ?? at;
    setBody(`${body.slice(0, at)}{{${field}}}${body.slice(end)}`);
    area?.focus();
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const input = { title: title.trim(), body: body.trim() };
    void submit.run(async () => {
      if (answer) await updateCannedAnswer(answer.id, answer.version, input);
      else await createCannedAnswer(input);
      onSaved();
    });
  }

  return (
    <form className="knowledge__form" onSubmit={save} data-testid="canned-form">
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="field__input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={200}
          data-testid="canned-title"
        />
      </label>
      <label className="field">
        <span className="field__label">Text</span>
        <textarea
          ref={text}
          className="field__input knowledge__textarea"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={8}
          required
          maxLength={20_000}
          data-testid="canned-body"
        />
      </label>
      <div className="knowledge__actions" role="group" aria-label="Insert a merge field">
        <span className="knowledge__hint">Insert:</span>
        {MERGE_FIELDS.map((field) => (
          <button key={field} type="button" className="chip" onClick={() => insertField(field)}>
            {field}
          </button>
        ))}
      </div>
      {submit.error !== null && (
        <p className="quick-actions__problem" role="alert">
          {describeError(submit.error)}
        </p>
      )}
      <div className="knowledge__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={submit.busy}
          data-testid="canned-save"
        >
          {submit.busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={submit.busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
