import { useEffect, useId, useState } from 'react';
import { isAbort } from '../../api/ApiError';
import { searchRecords, type RecordOption } from '../../api/records';
import { describeError } from '../../lib/describeError';

const TYPING_PAUSE_MS = 250;

interface RecordPickerProps {
  entity: string;
  picked: RecordOption | null;
  onPick: (record: RecordOption) => void;
}

/** Finds a record of the trigger's type by name (newest first) to run a test on. */
export function RecordPicker({ entity, picked, onPick }: RecordPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<RecordOption[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchRecords(entity, query, controller.signal).then(
        (found) => {
          setOptions(found);
          setError(null);
        },
        (caught: unknown) => {
          if (!isAbort(caught)) setError(caught);
        },
      );
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [entity, query]);

  return (
    <div className="record-picker">
      <label className="field__label" htmlFor={id}>
        Record ({entity})
      </label>
      <input
        id={id}
        className="field__input"
        type="search"
        placeholder={`Find a ${entity} by name`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        aria-controls={`${id}-options`}
        data-testid="record-search"
      />
      {error !== null && (
        <p className="observe__error" role="alert">
          {describeError(error)}
        </p>
      )}
      <ul
        className="record-picker__options"
        id={`${id}-options`}
        role="listbox"
        aria-label={`${entity} records`}
      >
        {options?.length === 0 && <li className="observe__hint">No {entity} matches.</li>}
        {options?.map((option) => (
          <li key={option.id} role="option" aria-selected={picked?.id === option.id}>
            <button
              type="button"
              className={`record-picker__option${picked?.id === option.id ? ' record-picker__option--picked' : ''}`}
              onClick={() => onPick(option)}
              data-testid="record-option"
              data-record-id={option.id}
            >
              <span className="record-picker__label">{option.label}</span>
              {option.detail && <span className="record-picker__detail">{option.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
