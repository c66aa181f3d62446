import type { WorkflowDefinition } from '@baton/contracts';
import { PATH_STATUS_LABELS, type PathVisit, type StepTypeInfo } from '@baton/rule-builder-react';

interface PathStepsProps {
  definition: WorkflowDefinition;
  visits: readonly PathVisit[];
  stepTypes: readonly StepTypeInfo[];
  caption: string;
  selected: string | null;
  onSelect: (stepId: string) => void;
}

/** The lit path in words: each visit in order with its status, what it did and why it failed. */
export function PathSteps({ definition, visits, stepTypes, caption, selected, onSelect }: PathStepsProps) {
  const titles = new Map(stepTypes.map((t) => [t.type, t.title]));
  const title = (stepId: string) => {
    const step = definition.steps.find((s) => s.id === stepId);
    return step ? (step.title ?? titles.get(step.type) ?? step.type) : stepId;
  };

  return (
    <section className="path-steps" data-testid="path-steps">
      <h2 className="observe__title">{caption}</h2>
      {visits.length === 0 ? (
        <p className="observe__hint">No step on this path yet.</p>
      ) : (
        <ol className="path-steps__list">
          {visits.map((visit, i) => (
            <li key={i}>
              <button
                type="button"
                className={`path-step path-step--${visit.status}${selected === visit.stepId ? ' path-step--selected' : ''}`}
                onClick={() => onSelect(visit.stepId)}
                data-testid="path-step"
                data-step-id={visit.stepId}
                data-status={visit.status}
              >
                <span className="path-step__head">
                  <span className="path-step__order">{i + 1}</span>
                  <span className="path-step__title">{title(visit.stepId)}</span>
                  <span className="path-step__status" title={PATH_STATUS_LABELS[visit.status].label}>
                    <span aria-hidden="true">{PATH_STATUS_LABELS[visit.status].icon}</span>
                    <span className="visually-hidden">{PATH_STATUS_LABELS[visit.status].label}</span>
                  </span>
                </span>
                {visit.error && (
                  <span className="path-step__error">
                    <code>{visit.error.code}</code> {visit.error.message}
                  </span>
                )}
                {visit.notes?.map((note, n) => (
                  <span key={n} className="path-step__note" data-testid="path-step-note">
                    {note}
                  </span>
                ))}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
