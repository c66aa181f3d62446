import { ENTITY_TYPES, RECORD_EVENTS } from '@baton/contracts';
import { useId, useMemo, useState } from 'react';
import { paletteGroups, type PaletteEntry, type StepTypeInfo } from '../model/step-types';

const ALL_TRIGGERS = ENTITY_TYPES.flatMap((entity) => RECORD_EVENTS.map((event) => ({ entity, event })));

export interface StepPaletteProps {
  readonly stepTypes: readonly StepTypeInfo[];
  readonly onAdd: (entry: PaletteEntry) => void;
  readonly disabled?: boolean;
}

/** Everything that can be put on the canvas, grouped by category, filtered as the user types. */
export function StepPalette({ stepTypes, onAdd, disabled = false }: StepPaletteProps) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(stepTypes, ALL_TRIGGERS, query), [stepTypes, query]);
  const searchId = useId();

  return (
    <aside className="rb-palette" aria-label="Steps palette" data-testid="step-palette">
      <label className="rb-palette__search" htmlFor={searchId}>
        <span className="rb-label">Add to the workflow</span>
        <input
          id={searchId}
          className="rb-input"
          type="search"
          placeholder="Search triggers and steps"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-label="Search triggers and steps"
        />
      </label>
      <div className="rb-palette__groups">
        {groups.length === 0 && <p className="rb-muted">Nothing matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.category} className="rb-palette__group" aria-label={group.category}>
            <h3 className="rb-palette__category">{group.category}</h3>
            <ul>
              {group.entries.map((entry) => (
                <li key={entry.key}>
                  <button
                    type="button"
                    className="rb-palette__item"
                    onClick={() => onAdd(entry)}
                    disabled={disabled}
                    aria-label={`Add ${entry.label} ${entry.kind}`}
                    title={entry.description}
                    data-testid="palette-item"
                    data-entry={entry.key}
                  >
                    <span className="rb-palette__name">{entry.label}</span>
                    {entry.description && (
                      <span className="rb-palette__description">{entry.description}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
