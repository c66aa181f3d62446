import { useId } from 'react';
// The "Mine only" chip looks like the leads page's filters.
import './LeadFilters.css';
import './ListToolbar.css';

interface Choice {
  label: string;
  value: string;
  /** The first option is "any"; the value '' clears the filter. */
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string) => void;
}

interface ListToolbarProps {
  /** "Filter accounts": names the group for screen readers. */
  label: string;
  search?: { value: string; label: string; placeholder: string; onChange: (value: string) => void };
  choice?: Choice;
  mine?: { value: boolean; onChange: (value: boolean) => void };
}

/** Search, one filter and "Mine only", as far as the record's list API supports them. */
export function ListToolbar({ label, search, choice, mine }: ListToolbarProps) {
  const id = useId();
  return (
    <div className="list-toolbar" role="group" aria-label={label}>
      {search && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-q`}>
            {search.label}
          </label>
          <input
            id={`${id}-q`}
            type="search"
            className="list-toolbar__search"
            placeholder={search.placeholder}
            value={search.value}
            maxLength={100}
            onChange={(e) => search.onChange(e.target.value)}
            data-testid="list-search"
          />
        </>
      )}
      {choice && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-choice`}>
            {choice.label}
          </label>
          <select
            id={`${id}-choice`}
            className="list-toolbar__select"
            value={choice.value}
            onChange={(e) => choice.onChange(e.target.value)}
            data-testid="list-filter"
          >
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      )}
      {mine && (
        <button
          type="button"
          className="chip"
          aria-pressed={mine.value}
          onClick={() => mine.onChange(!mine.value)}
          data-testid="list-mine"
        >
          Mine only
        </button>
      )}
    </div>
  );
}
