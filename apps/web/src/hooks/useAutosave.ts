import { useEffect, useRef, useState } from 'react';
import { autosaveDecision, type AutosaveDecision, type AutosaveFacts } from '@baton/rule-builder-react';

export interface AutosaveOptions extends Omit<AutosaveFacts, 'changedAt' | 'now'> {
  /** The canonical text of what is on the canvas: each new text is a change. */
  text: string;
  /** Saves what is on the canvas as a new draft. */
  save: () => Promise<void>;
}

/**
 * Saves the draft on its own once the canvas has been quiet for a few seconds (the rules are in
 * `autosaveDecision`), and returns what it decided, for the status line.
 */
export function useAutosave({ text, save, ...facts }: AutosaveOptions): AutosaveDecision {
  // Adjusted while rendering, so the decision never pairs a new text with the old change time.
  const [changed, setChanged] = useState(() => ({ text, at: Date.now() }));
  if (changed.text !== text) setChanged({ text, at: Date.now() });
  const [tick, setTick] = useState(0);
  const latestSave = useRef(save);
  latestSave.current = save;
  const saving = useRef(false);
  const { saved, dirty, errorCount, busy, conflict, failedAt } = facts;

  useEffect(() => {
    const decision = autosaveDecision({
      saved,
      dirty,
      errorCount,
      busy,
      conflict,
      failedAt,
      changedAt: changed.at,
      now: Date.now(),
    });
    if (decision.kind === 'wait') {
      const timer = window.setTimeout(() => setTick((n) => n + 1), decision.ms);
      return () => window.clearTimeout(timer);
    }
    if (decision.kind === 'save' && !saving.current) {
      saving.current = true;
      void latestSave.current().finally(() => {
        saving.current = false;
      });
    }
    return undefined;
  }, [saved, dirty, errorCount, busy, conflict, failedAt, changed.at, tick]);

  // For the status line only the kind matters, and that does not depend on the clock.
  return autosaveDecision({ ...facts, changedAt: changed.at, now: changed.at });
}
