import { useId, useState } from 'react';
import { searchArticles, type SearchHit } from '../api/kb';
import { useDebounced } from '../hooks/useDebounced';
import { useRemote } from '../hooks/useRemote';
import { describeError } from '../lib/describeError';
import { KbHighlighted } from './KbHighlighted';
import './KbArticlePicker.css';

const SHOWN = 5;

interface KbArticlePickerProps {
  /** "Find an article to send": the search box's label. */
  label: string;
  /** "Attach", "Link": what choosing a result does. */
  action: string;
  /** Articles already chosen, not offered again. */
  exclude: ReadonlySet<string>;
  onPick: (hit: SearchHit) => void;
  testId: string;
}

/** Searches published articles as the agent types; each result can be picked once. */
export function KbArticlePicker({ label, action, exclude, onPick, testId }: KbArticlePickerProps) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const id = useId();
  const found = useRemote(`kb-pick:${q}`, (signal) =>
    q ? searchArticles(q, signal) : Promise.resolve(null),
  );
  // Customers can only open published articles, so drafts (which editors also find) are not offered.
  const hits = (found.data?.items ?? [])
    .filter((hit) => hit.status !== 'draft' && !exclude.has(hit.id))
    .slice(0, SHOWN);

  return (
    <div className="kb-picker" data-testid={testId}>
      <label className="visually-hidden" htmlFor={`${id}-q`}>
        {label}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        className="field__input kb-picker__input"
        placeholder={label}
        value={typed}
        maxLength={200}
        onChange={(e) => setTyped(e.target.value)}
        data-testid={`${testId}-search`}
      />
      {q && found.error !== null && (
        <p className="kb-picker__state" role="alert">
          {describeError(found.error)}
        </p>
      )}
      {q && found.data && hits.length === 0 && (
        <p className="kb-picker__state">No published article matches.</p>
      )}
      {hits.length > 0 && (
        <ul className="kb-picker__results">
          {hits.map((hit) => (
            <li key={hit.id} className="kb-picker__result" data-testid={`${testId}-result`}>
              <span className="kb-picker__title">
                <KbHighlighted parts={hit.titleParts} />
              </span>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onPick(hit)}
                aria-label={`${action} “${hit.title}”`}
              >
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
