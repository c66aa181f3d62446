import { useState, type FormEvent } from 'react';

interface RestoreVersionFormProps {
  version: number;
  /** The number the restored copy will get. */
  next: number;
  busy: boolean;
  /** Why restoring is not possible now, or null. */
  blocked: string | null;
  onRestore: (options: { publish: boolean; note?: string }) => void;
}

/** Restoring copies a version into a new draft; history is kept, so it can itself be undone. */
export function RestoreVersionForm({ version, next, busy, blocked, onRestore }: RestoreVersionFormProps) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const restore = (publish: boolean) => onRestore({ publish, ...(note.trim() ? { note: note.trim() } : {}) });

  if (!open) {
    return (
      <div className="restore-version">
        <button
          type="button"
          className="button"
          disabled={blocked !== null}
          onClick={() => setOpen(true)}
          data-testid="version-restore"
        >
          Restore this version…
        </button>
        {blocked && <p className="restore-version__hint">{blocked}</p>}
      </div>
    );
  }
  return (
    <form
      className="restore-version restore-version--open"
      aria-label={`Restore version ${version}`}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        restore(false);
      }}
      data-testid="restore-form"
    >
      <p className="restore-version__explain">
        A copy of v{version} becomes draft v{next}. Earlier versions stay as they are, and runs already under
        way finish on the version they started with.
      </p>
      <label className="field">
        <span className="field__label">Note</span>
        <input
          className="field__input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          placeholder={`Restored from v${version}`}
          autoFocus
        />
      </label>
      <div className="restore-version__actions">
        <button type="submit" className="button" disabled={busy || blocked !== null}>
          {busy ? 'Restoring…' : 'Restore as draft'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || blocked !== null}
          onClick={() => restore(true)}
        >
          Restore and publish
        </button>
        <button type="button" className="button button--quiet" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {blocked && <p className="restore-version__hint">{blocked}</p>}
    </form>
  );
}
