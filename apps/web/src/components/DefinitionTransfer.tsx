import { useState } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import { parseDefinition } from '@baton/rule-builder-core';
import type { ImportProblem } from '../lib/importProblems';
import { DefinitionSource, ImportProblems } from './DefinitionSource';

interface DefinitionTransferProps {
  /** The canvas as canonical JSON (`exportDefinition`), unsaved changes included. */
  text: string;
  workflowKey: string;
  /** The workflow is saved: an import must keep its key. */
  saved: boolean;
  /** The canvas holds changes that are not saved: an import asks before replacing them. */
  dirty: boolean;
  disabled: boolean;
  onImport: (definition: WorkflowDefinition) => void;
}

/** "Export JSON" downloads the canvas's canonical definition; "Import JSON" loads one onto the canvas. */
export function DefinitionTransfer({
  text,
  workflowKey,
  saved,
  dirty,
  disabled,
  onImport,
}: DefinitionTransferProps) {
  const [open, setOpen] = useState(false);

  function download() {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${workflowKey || 'workflow'}.workflow.json`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <button type="button" className="button" onClick={download} data-testid="workflow-export">
        Export JSON
      </button>
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        disabled={disabled}
        data-testid="workflow-import"
      >
        Import JSON
      </button>
      {open && (
        <ImportDialog
          workflowKey={workflowKey}
          saved={saved}
          dirty={dirty}
          onCancel={() => setOpen(false)}
          onImport={(definition) => {
            setOpen(false);
            onImport(definition);
          }}
        />
      )}
    </>
  );
}

function ImportDialog({
  workflowKey,
  saved,
  dirty,
  onCancel,
  onImport,
}: Omit<DefinitionTransferProps, 'text' | 'disabled'> & { onCancel: () => void }) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  // A checked definition waiting for "replace my unsaved changes".
  const [pending, setPending] = useState<WorkflowDefinition | null>(null);

  function check() {
    const result = parseDefinition(text);
    if (!result.ok) return setProblems(result.errors.map((e) => ({ code: e.code, message: e.message })));
    if (saved && result.definition.key !== workflowKey) {
      return setProblems([
        {
          code: 'KEY_MISMATCH',
          message: `This definition is for the workflow "${result.definition.key}", not "${workflowKey}". Import it on the Workflows page to make it a workflow of its own.`,
        },
      ]);
    }
    setProblems([]);
    if (dirty) setPending(result.definition);
    else onImport(result.definition);
  }

  return (
    <div
      className="definition-import__overlay"
      role="presentation"
      onClick={onCancel}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      <div
        className="definition-import definition-import__dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Import a definition"
        data-testid="import-dialog"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 className="definition-import__title">Import a definition</h2>
        <p className="definition-import__help">
          It replaces what the editor shows, as unsaved changes: save a draft to keep it.
        </p>
        <DefinitionSource
          text={text}
          onText={(next) => {
            setText(next);
            setPending(null);
          }}
        />
        <ImportProblems title="This definition cannot be loaded" problems={problems} />
        {pending && (
          <p className="definition-import__warning" role="alert" data-testid="import-confirm">
            The editor has unsaved changes. Loading this definition replaces them.
          </p>
        )}
        <div className="definition-import__actions">
          {pending ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => onImport(pending)}
              data-testid="import-replace"
            >
              Replace unsaved changes
            </button>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={text.trim() === ''}
              onClick={check}
              data-testid="import-load"
            >
              Load into the editor
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
