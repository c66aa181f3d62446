import { useMemo, useState, type ReactNode } from 'react';
import type { WorkflowDefinition } from '@baton/contracts';
import { definitionToGraph } from '@baton/rule-builder-core';
import {
  EMPTY_OVERLAY,
  pathOverlay,
  RunPathCanvas,
  type PathVisit,
  type StepTypeInfo,
} from '@baton/rule-builder-react';
import { PathSteps } from './PathSteps';

/** What the canvas shows: a version, and the path lit on it (none yet: no visits). */
export interface Shown {
  definition: WorkflowDefinition;
  visits: readonly PathVisit[];
  /** Says what the path is, e.g. "Dry run of v3 on Ada Lovelace". */
  caption: string;
  triggerId?: string;
}

interface ObserveLayoutProps {
  /** The left column: what to run or which run to open. */
  side: ReactNode;
  /** Above the steps on the right, e.g. the run's status and links. */
  summary?: ReactNode;
  shown: Shown | null;
  /** Shown where the canvas goes while there is nothing to draw. */
  placeholder: string;
  stepTypes: readonly StepTypeInfo[];
  wideSide?: boolean;
}

/** The three columns of every observe view: controls, the version with its path lit, the steps. */
export function ObserveLayout({
  side,
  summary,
  shown,
  placeholder,
  stepTypes,
  wideSide,
}: ObserveLayoutProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const overlay = useMemo(
    () =>
      shown
        ? pathOverlay(
            definitionToGraph(shown.definition),
            shown.visits,
            shown.triggerId === undefined ? {} : { triggerId: shown.triggerId },
          )
        : EMPTY_OVERLAY,
    [shown],
  );

  return (
    <div className={`observe${wideSide ? ' observe--wide-side' : ''}`}>
      <aside className="observe__side">{side}</aside>
      <div className="observe__canvas">
        {shown ? (
          <RunPathCanvas
            definition={shown.definition}
            overlay={overlay}
            stepTypes={stepTypes}
            selected={selected}
            onSelect={setSelected}
            label={shown.caption}
          />
        ) : (
          <p className="observe__empty" role="status">
            {placeholder}
          </p>
        )}
      </div>
      <aside className="observe__details" aria-label="Steps">
        {summary}
        {shown && (
          <PathSteps
            definition={shown.definition}
            visits={shown.visits}
            stepTypes={stepTypes}
            caption={shown.caption}
            selected={selected}
            onSelect={setSelected}
          />
        )}
      </aside>
    </div>
  );
}
