import type { ChangeLine } from '@baton/rule-builder-react';

interface VersionChangesProps {
  version: number;
  /** The version compared with; null when there is nothing to compare with. */
  base: number | null;
  /** Versions `version` may be compared with, newest first. */
  choices: readonly number[];
  onBaseChange: (version: number | null) => void;
  lines: readonly ChangeLine[] | null;
}

const TONE_LABELS: Record<ChangeLine['tone'], string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** What changed in a version, in sentences, against a version the admin picks. */
export function VersionChanges({ version, base, choices, onBaseChange, lines }: VersionChangesProps) {
  return (
    <div className="version-changes">
      <label className="field version-changes__compare">
        <span className="field__label">Compare v{version} with</span>
        <select
          className="field__input"
          value={base ?? ''}
          onChange={(e) => onBaseChange(e.target.value === '' ? null : Number(e.target.value))}
          data-testid="version-compare"
        >
          <option value="">Nothing: show v{version} as it is</option>
          {choices.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </select>
      </label>
      {base === null ? (
        <p className="version-changes__empty">Pick a version to compare with to see what changed.</p>
      ) : lines === null ? (
        <p className="version-changes__empty" role="status">
          Comparing…
        </p>
      ) : lines.length === 0 ? (
        <p className="version-changes__empty" data-testid="diff-empty">
          v{version} runs exactly like v{base}.
        </p>
      ) : (
        <ul className="version-changes__list" aria-label={`Changes from v${base} to v${version}`}>
          {lines.map((line, i) => (
            <li
              key={`${line.nodeId ?? line.edgeId ?? 'workflow'}-${i}`}
              className={`version-change version-change--${line.tone}`}
              data-testid="diff-entry"
              data-tone={line.tone}
            >
              <span className="visually-hidden">{TONE_LABELS[line.tone]}: </span>
              <span className="version-change__summary">{line.summary}</span>
              {line.details.length > 0 && (
                <ul className="version-change__details">
                  {line.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
