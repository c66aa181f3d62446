import { useState, type FormEvent } from 'react';
import './PublishForm.css';

interface PublishFormProps {
  version: number;
  busy: boolean;
  onPublish: (note: string) => void;
  onCancel: () => void;
}

/** Asks what changed before a version goes live; the note is kept with the version and in the audit log. */
export function PublishForm({ version, busy, onPublish, onCancel }: PublishFormProps) {
  const [note, setNote] = useState('');
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (note.trim()) onPublish(note.trim());
  }
  return (
    <form
      className="publish-form"
      onSubmit={submit}
      aria-label={`Publish version ${version}`}
      data-testid="publish-form"
    >
      <label className="field publish-form__note">
        <span className="field__label">What changes in v{version}?</span>
        <input
          className="field__input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          required
          autoFocus
          placeholder="e.g. Call hot leads within a day"
        />
      </label>
      <button type="submit" className="button button--primary" disabled={busy || !note.trim()}>
        {busy ? 'Publishing…' : `Publish v${version}`}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </form>
  );
}
