import { useId, useState, type FormEvent } from 'react';
import { addNote, type RecordLink } from '../api/quickActions';
import type { User } from '../api/types';
import type { DirectoryUser } from '../api/users';
import { useSubmit } from '../hooks/useSubmit';
import { roleLabel } from '../lib/roles';
import { FormFooter } from './FormFooter';

interface NoteFormProps {
  link: RecordLink;
  user: User;
  users: DirectoryUser[] | null;
  onDone: () => Promise<void>;
  onCancel: () => void;
}

/** A note only its author reads, or one shared with the people named, whatever their role. */
export function NoteForm({ link, user, users, onDone, onCancel }: NoteFormProps) {
  const [body, setBody] = useState('');
  const [shared, setShared] = useState(false);
  const [readers, setReaders] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useSubmit();
  const id = useId();
  const others = (users ?? []).filter((u) => u.id !== user.id);

  function toggleReader(userId: string, on: boolean) {
    const next = new Set(readers);
    if (on) next.add(userId);
    else next.delete(userId);
    setReaders(next);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (shared && readers.size === 0) {
      setProblem('Choose who may read the note, or keep it private.');
      return;
    }
    setProblem(null);
    void submit.run(async () => {
      await addNote(link, {
        body: body.trim(),
        visibility: shared ? 'shared' : 'private',
        ...(shared ? { sharedWith: [...readers] } : {}),
      });
      await onDone();
    });
  }

  return (
    <form className="quick-actions__form" onSubmit={save} data-testid="note-form">
      <label className="field">
        <span className="field__label">Note</span>
        <textarea
          className="field__input quick-actions__textarea"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={4}
          required
          maxLength={20_000}
          autoFocus
          data-testid="note-body"
        />
      </label>
      <fieldset className="quick-actions__fieldset">
        <legend className="field__label">Who can read it</legend>
        <label className="quick-actions__choice">
          <input
            type="radio"
            name={`${id}-visibility`}
            checked={!shared}
            onChange={() => setShared(false)}
            data-testid="note-private"
          />
          Only me (private)
        </label>
        <label className="quick-actions__choice">
          <input
            type="radio"
            name={`${id}-visibility`}
            checked={shared}
            onChange={() => setShared(true)}
            data-testid="note-shared"
          />
          Me and the people I choose
        </label>
      </fieldset>
      {shared && (
        <fieldset className="quick-actions__fieldset quick-actions__readers" data-testid="note-readers">
          <legend className="field__label">Share with</legend>
          {users === null ? (
            <p className="quick-actions__hint" role="status">
              Loading people…
            </p>
          ) : (
            others.map((other) => (
              <label key={other.id} className="quick-actions__choice">
                <input
                  type="checkbox"
                  checked={readers.has(other.id)}
                  onChange={(e) => toggleReader(other.id, e.target.checked)}
                />
                {other.name} <span className="quick-actions__hint">{roleLabel(other.role)}</span>
              </label>
            ))
          )}
        </fieldset>
      )}
      {problem && (
        <p className="quick-actions__problem" role="alert">
          {problem}
        </p>
      )}
      <FormFooter
        error={submit.error}
        busy={submit.busy}
        submitLabel={shared ? 'Add shared note' : 'Add private note'}
        busyLabel="Saving…"
        onCancel={onCancel}
        testId="note"
      />
    </form>
  );
}
