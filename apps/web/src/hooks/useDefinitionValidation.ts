import { useEffect, useState } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import type { EditorValidationReport } from '@baton/rule-builder-react';
import { isAbort, isSessionEnded } from '../api/ApiError';
import { validateWorkflow } from '../api/workflows';

// Long enough that a drag or a typed word is checked once, short enough to feel live.
const DEBOUNCE_MS = 300;

export interface DefinitionValidation {
  /** The latest answer, possibly about an older text while `checking`. */
  report: EditorValidationReport | undefined;
  /** `text` has not been checked yet. */
  checking: boolean;
  /** The last check could not be made (network, server). */
  error: unknown;
}

/** Validates the definition on the server (`POST /workflows/validate`) whenever its canonical text changes. */
export function useDefinitionValidation(definition: WorkflowDefinition, text: string): DefinitionValidation {
  const [result, setResult] = useState<{ text: string; report: EditorValidationReport } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      validateWorkflow(definition, controller.signal).then(
        (report) => {
          setResult({ text, report });
          setError(null);
        },
        (caught: unknown) => {
          if (controller.signal.aborted || isAbort(caught) || isSessionEnded(caught)) return;
          setError(caught);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // The text is the definition's canonical form: it changes exactly when the definition does.
  }, [text]);

  return { report: result?.report, checking: result?.text !== text && error === null, error };
}
