import { useState, type FormEvent } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import { createWorkflow, type WorkflowView } from '../api/workflows';
import { importProblems, parseJson, type ImportProblem } from '../lib/importProblems';
import { DefinitionSource, ImportProblems } from './DefinitionSource';

interface ImportWorkflowFormProps {
  onImported: (workflow: WorkflowView) => void;
  onCancel: () => void;
}

/** Creates a workflow from an exported definition; its key must be new. */
export function ImportWorkflowForm({ onImported, onCancel }: ImportWorkflowFormProps) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseJson(text);
    if (!parsed.ok) return setProblems([parsed.problem]);
    setBusy(true);
    setProblems([]);
    try {
      // The server checks everything (shape, steps, conditions, a taken key) and says what is wrong.
      onImported(await createWorkflow(parsed.value as WorkflowDefinition));
    } catch (error) {
      setProblems(importProblems(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="definition-import"
      aria-label="Import a workflow"
      onSubmit={(e) => void submit(e)}
      data-testid="import-workflow-form"
    >
      <DefinitionSource text={text} onText={setText} />
      <ImportProblems title="This definition was not imported" problems={problems} />
      <div className="definition-import__actions">
        <button type="submit" className="button button--primary" disabled={busy || text.trim() === ''}>
          {busy ? 'Importing…' : 'Import as a new workflow'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
