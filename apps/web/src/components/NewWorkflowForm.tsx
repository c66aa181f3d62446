import { useState, type FormEvent } from 'react';
import { keyFromName } from '@baton/rule-builder-react';
import { newWorkflowHref } from '../lib/routes';
import './NewWorkflowForm.css';

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

interface NewWorkflowFormProps {
  takenKeys: ReadonlySet<string>;
  onCancel: () => void;
}

/** Names a new workflow and opens it in the editor; it is stored when first saved there. */
export function NewWorkflowForm({ takenKeys, onCancel }: NewWorkflowFormProps) {
  const [name, setName] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const shownKey = key ?? keyFromName(name);
  const problem = !name.trim()
    ? null
    : !KEY_PATTERN.test(shownKey)
      ? 'The key starts with a letter, then letters, digits, _ or - (at most 64).'
      : takenKeys.has(shownKey)
        ? 'Another workflow already uses this key.'
        : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim() || problem) return;
    window.location.hash = newWorkflowHref(name.trim(), shownKey);
  }

  return (
    <form
      className="new-workflow"
      onSubmit={submit}
      aria-label="New workflow"
      data-testid="new-workflow-form"
    >
      <label className="field">
        <span className="field__label">Name</span>
        <input
          className="field__input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          required
          autoFocus
          data-testid="new-workflow-name"
        />
      </label>
      <label className="field">
        <span className="field__label">Key</span>
        <input
          className="field__input new-workflow__key"
          value={shownKey}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={problem !== null}
          aria-describedby="new-workflow-key-help"
          spellCheck={false}
          data-testid="new-workflow-key"
        />
      </label>
      <div className="new-workflow__actions">
        <button type="submit" className="button button--primary" disabled={!name.trim() || problem !== null}>
          Open in editor
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p
        className={`new-workflow__help${problem ? ' new-workflow__help--error' : ''}`}
        id="new-workflow-key-help"
        role={problem ? 'alert' : undefined}
      >
        {problem ?? 'The key names the workflow in definitions and run logs, and never changes.'}
      </p>
    </form>
  );
}
